import { describe, expect, it } from 'vitest'
import { checkNir, formatNir, NIR_EXAMPLE, nirCivility, nirCivilityNote, nirKey, normalizeNir } from './nir'

const VALID = '1840976451089' // 1840976451089 mod 97 = 2 → key 95
describe('NIR', () => {
  it('computes the key', () => {
    expect(nirKey(VALID)).toBe(97 - Number(BigInt(VALID) % 97n))
    expect(nirKey('2690299341732')).toBe(97 - Number(2690299341732n % 97n))
  })
  it('accepts a number with its right key, whatever the spacing', () => {
    const key = String(nirKey(VALID)).padStart(2, '0')
    expect(checkNir(`${VALID}${key}`)).toBeNull()
    expect(checkNir(`1 84 09 76 451 089 ${key}`)).toBeNull()
    expect(normalizeNir(`1.84.09-76 451 089 ${key}`)).toBe(`${VALID}${key}`)
  })
  it('refuses a wrong key, a wrong length or letters', () => {
    const key = nirKey(VALID)
    expect(checkNir(`${VALID}${String((key % 97) + 1).padStart(2, '0')}`)).toBe('KEY')
    expect(checkNir('184097645108')).toBe('FORMAT')
    expect(checkNir('A840976451089 43')).toBe('FORMAT')
    expect(checkNir('5840976451089 43')).toBe('FORMAT')
  })
  it('handles Corsica (2A = 19, 2B = 18)', () => {
    // Man born in February 1984 in Corse-du-Sud (2A), commune 451, order 089.
    const key = 97 - Number(18402_19_451089n % 97n)
    expect(nirKey('184022A451089')).toBe(key)
    expect(checkNir(`1 84 02 2A 451 089 ${String(key).padStart(2, '0')}`)).toBeNull()
  })
  it('checks that the birth year and month agree with the birth date', () => {
    const nir = `${VALID}${String(nirKey(VALID)).padStart(2, '0')}`
    expect(checkNir(nir, '1984-09-12')).toBeNull()
    expect(checkNir(nir, '1985-09-12')).toBe('BIRTH_MISMATCH')
    expect(checkNir(nir, '1984-10-12')).toBe('BIRTH_MISMATCH')
  })
  it('formats for display', () => {
    expect(formatNir(`${VALID}95`)).toBe('1 84 09 76 451 089 95')
  })
  it('shows an example that is itself a valid number', () => {
    expect(nirKey(VALID)).toBe(95)
    expect(checkNir(NIR_EXAMPLE)).toBeNull()
  })
  it('reads the civility from the first digit', () => {
    expect(nirCivility(NIR_EXAMPLE)).toBe('MONSIEUR')
    expect(nirCivility('2 84 09 76 451 089 45')).toBe('MADAME')
    expect(nirCivility('2 84 09')).toBeNull()
  })
  it('notes, without refusing, a sex digit that disagrees with the civility', () => {
    expect(nirCivilityNote(NIR_EXAMPLE, 'MONSIEUR')).toBeNull()
    expect(nirCivilityNote(NIR_EXAMPLE, undefined)).toBeNull()
    expect(nirCivilityNote('18409', 'MADAME')).toBeNull()
    expect(nirCivilityNote(NIR_EXAMPLE, 'MADAME')).toContain('Votre numéro commence par 1')
    expect(nirCivilityNote(NIR_EXAMPLE, 'MADAME')).toContain('vous pouvez continuer')
  })
})
