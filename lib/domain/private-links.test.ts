import { describe, expect, it } from 'vitest'
import { maskPrivateLinks, restorePrivateLinks, splitPrivateLinks } from './private-links'

const RESUME = 'Ab3xY_-0123456789abcdefghijklmnopqrstuvwxy'
const DOSSIER = 'Zz9-0123456789abcdefghijklmnopqrstuvwxyzAB'

describe('private links', () => {
  const text = `Reprendre : https://inscriptions.cnam.re/inscription/reprendre/${RESUME}\nDossier : https://inscriptions.cnam.re/dossier/acces/${DOSSIER}.`

  it('are masked to their first characters, every kind, and their secrets kept in order', () => {
    const { masked, secrets } = splitPrivateLinks(text)
    expect(masked).toBe(
      'Reprendre : https://inscriptions.cnam.re/inscription/reprendre/Ab3•••\nDossier : https://inscriptions.cnam.re/dossier/acces/Zz9•••.',
    )
    expect(secrets).toEqual([RESUME, DOSSIER])
    expect(maskPrivateLinks(`/admin/invitation/${RESUME}`)).toBe('/admin/invitation/Ab3•••')
  })

  it('are restored only with the secrets they were masked from', () => {
    const { masked, secrets } = splitPrivateLinks(text)
    expect(restorePrivateLinks(masked, secrets)).toBe(text)
    expect(restorePrivateLinks(masked, [DOSSIER, RESUME])).toBeNull()
    expect(restorePrivateLinks(masked, [RESUME])).toBeNull()
    expect(restorePrivateLinks(masked, [...secrets, RESUME])).toBeNull()
  })

  it('leave other paths, short segments and already masked text alone', () => {
    const other = `/dossier/confirmation/${RESUME} /inscription/reprendre/court`
    expect(splitPrivateLinks(other)).toEqual({ masked: other, secrets: [] })
    const { masked } = splitPrivateLinks(text)
    expect(maskPrivateLinks(masked)).toBe(masked)
  })
})
