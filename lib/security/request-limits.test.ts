import { describe, expect, it } from 'vitest'
import { headerForLogs, isReadableOrigin, nestingDepth, SERVER_ACTION_MAX_DEPTH } from './request-limits.mjs'

const bytes = (text: string) => new TextEncoder().encode(text)

describe('nestingDepth', () => {
  it('counts the arguments our forms send as shallow', () => {
    expect(nestingDepth(bytes('[{"dossierId":"x","pieceTypeCodes":["ID_CARD"]}]'))).toBe(3)
    expect(nestingDepth(bytes(''))).toBe(0)
    // More closing than opening brackets never goes below zero.
    expect(nestingDepth(bytes(']]]][['))).toBe(2)
  })

  it('stops just past the limit on a body nested 100,000 deep', () => {
    const deep = bytes('['.repeat(100_000) + ']'.repeat(100_000))
    expect(nestingDepth(deep)).toBe(SERVER_ACTION_MAX_DEPTH + 1)
  })
})

describe('isReadableOrigin', () => {
  it('accepts what browsers send and refuses what no URL parser reads', () => {
    expect(isReadableOrigin('https://inscription.cnam-reunion.fr')).toBe(true)
    expect(isReadableOrigin('null')).toBe(true)
    expect(isReadableOrigin('http://[bad')).toBe(false)
    expect(isReadableOrigin('')).toBe(false)
  })
})

describe('headerForLogs', () => {
  it('never gives a long value whole', () => {
    expect(headerForLogs('https://a.re')).toBe('https:…(12 caractères)')
    expect(headerForLogs('https://piege.example')).toBe('https://pi…(21 caractères)')
    const logged = headerForLogs(`http://[${'x'.repeat(5000)}`)
    expect(logged).toBe('http://[xxxx…(5008 caractères)')
  })
})
