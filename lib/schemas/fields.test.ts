import { describe, expect, it } from 'vitest'
import { parseDossierFilters } from './dossier-filters'
import { optionalText, requiredText, text } from './fields'
import { messageSchema } from './review'

const DOSSIER = '7d2b9a4e-5c1f-4e8a-9b3d-2f6c8e1a4b7c'

describe('text fields take only what PostgreSQL can store', () => {
  it('remove NUL characters and lone halves of surrogate pairs', () => {
    expect(text().parse('Saint-\u0000Denis')).toBe('Saint-Denis')
    expect(text().parse('a\ud800b\udc00c')).toBe('abc')
    expect(requiredText('la ville').parse(' \u0000Le Port\u0000 ')).toBe('Le Port')
    expect(optionalText().parse('\u0000')).toBeNull()
  })

  it('keep accents, emoji and every other character as typed', () => {
    const typed = 'Élodie 🌋 N’Guyen\ttab\nligne'
    expect(text().parse(typed)).toBe(typed)
  })

  it('still refuse a required field holding nothing but such characters', () => {
    expect(requiredText('la ville').safeParse('\u0000\u0000').error?.issues[0]?.message).toBe(
      'Indiquez la ville.',
    )
  })

  it('apply to staff messages and the dossier search', () => {
    expect(messageSchema.parse({ dossierId: DOSSIER, body: 'Bonjour\u0000' }).body).toBe('Bonjour')
    expect(parseDossierFilters({ q: 'Hoa\u0000rau' }).query).toBe('Hoarau')
  })
})
