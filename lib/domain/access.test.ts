import { describe, expect, it } from 'vitest'
import { linkExpiry, maskEmail, sessionIsIdle } from './access'

describe('maskEmail', () => {
  it('keeps the first letters and the top-level domain only', () => {
    expect(maskEmail('marie.hoarau@example.re')).toBe('m•••@e•••.re')
    expect(maskEmail('Jean@mail.orange.fr')).toBe('J•••@m•••.fr')
    expect(maskEmail('x@localhost')).toBe('x•••@l•••')
    expect(maskEmail('pas-une-adresse')).toBe('•••')
  })
})

describe('lifetimes', () => {
  const now = new Date('2026-12-01T10:00:00Z')
  it('a link lasts 7 days', () => {
    expect(linkExpiry(now).toISOString()).toBe('2026-12-08T10:00:00.000Z')
  })
  it('a session ends after 30 idle days, not before', () => {
    expect(sessionIsIdle(new Date('2026-11-02T10:00:01Z'), now)).toBe(false)
    expect(sessionIsIdle(new Date('2026-11-01T10:00:00Z'), now)).toBe(true)
  })
})
