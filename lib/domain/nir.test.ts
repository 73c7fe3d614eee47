import { describe, expect, it } from 'vitest'
import { checkNir, formatNir, nirKey, normalizeNir } from './nir'

const VALID = '1840976451089' // 1840976451089 mod 97 = 54 → key 43
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
    expect(formatNir(`${VALID}43`)).toBe('1 84 09 76 451 089 43')
  })
})
