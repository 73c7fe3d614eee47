import { afterEach, describe, expect, it, vi } from 'vitest'
import { nirKey } from '@/lib/domain/nir'
import { logEvent, REDACTED } from './log'

const BODY = '2840997411005'
const NIR = `${BODY}${String(nirKey(BODY)).padStart(2, '0')}`
const TOKEN = 'q7Yv0pW_3kLx9Zr2TbN-8sHc4mQe1uJa6dFg5iKoPlA'
const UUID = '3f2b9c1e-7a4d-4e8b-9c0f-1a2b3c4d5e6f'

/** The line logEvent writes for these fields, parsed. */
function logged(fields: Parameters<typeof logEvent>[2], level: 'info' | 'warn' | 'error' = 'warn') {
  const lines: string[] = []
  vi.spyOn(console, level).mockImplementation((line: unknown) => void lines.push(String(line)))
  logEvent(level, 'test.event', fields)
  expect(lines).toHaveLength(1)
  return { text: lines[0]!, json: JSON.parse(lines[0]!) as Record<string, unknown> }
}

afterEach(() => {
  vi.restoreAllMocks()
})

describe('logEvent', () => {
  it('writes one JSON line with the time, level, event and the fields', () => {
    const { json } = logged({ userId: UUID, ip: '203.0.113.10', code: 'TOO_LARGE', rows: 3, ok: false })
    expect(json).toEqual({
      at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      level: 'warn',
      event: 'test.event',
      userId: UUID,
      ip: '203.0.113.10',
      code: 'TOO_LARGE',
      rows: 3,
      ok: false,
    })
  })

  it('drops fields named like a secret or a person’s data, whatever their value', () => {
    const { text, json } = logged({
      password: 'Volcan-Piton-2026!',
      newPassword: 'Tamarin#Cilaos-2026',
      token: 'abc',
      sessionToken: 'def',
      resumeLink: 'https://exemple.re/inscription/reprendre/x',
      nir: 'x',
      AUTH_SECRET: 'x',
      cookie: 'x',
      authorization: 'Bearer x',
      totpCode: '123456',
      fileName: 'carte-identite-hoarau.pdf',
      content: '%PDF-1.7',
      url: '/x',
      permission: 'dossiers.read',
    })
    expect(Object.keys(json).sort()).toEqual(['at', 'event', 'level', 'permission'])
    expect(text).not.toMatch(/Volcan|Tamarin|abc|def|reprendre|Bearer|123456|hoarau|PDF/)
  })

  it('masks values that look like a NIR, an e-mail address or a private token, wherever they are', () => {
    const spaced = `${NIR.slice(0, 1)} ${NIR.slice(1, 3)} ${NIR.slice(3, 5)} ${NIR.slice(5, 7)} ${NIR.slice(7, 10)} ${NIR.slice(10, 13)} ${NIR.slice(13)}`
    const { text, json } = logged({
      raw: NIR,
      spaced,
      dotted: spaced.replaceAll(' ', '.'),
      corsica: '1 84 12 2A 451 089 46',
      body: BODY,
      asNumber: Number(NIR),
      sentence: `NIR ${NIR} refusé`,
      email: 'marie-claire.hoarau@example.re',
      resume: `/inscription/reprendre/${TOKEN}`,
      bare: TOKEN,
    })
    for (const value of [NIR, BODY, spaced, TOKEN, 'hoarau', '2A 451']) expect(text).not.toContain(value)
    expect(json).toMatchObject({
      raw: REDACTED,
      spaced: REDACTED,
      dotted: REDACTED,
      corsica: REDACTED,
      asNumber: REDACTED,
      sentence: `NIR ${REDACTED} refusé`,
      resume: `/inscription/reprendre/${REDACTED}`,
      bare: REDACTED,
    })
  })

  it('keeps what identifies without exposing: UUIDs, server action ids, IP addresses, dates, counts', () => {
    const action = '6097945f6125683aad5f8ec1400d826255a2cb3034'
    const { json } = logged({
      dossierId: UUID,
      action,
      ip: '255.255.255.255',
      ipv6: '2001:db8::8a2e:370:7334',
      day: '2026-11-26',
      route: `/admin/dossiers/${UUID}/pieces/${UUID}`,
      ms: 1234,
      warning: 'will be removed in pg@9.0. Use async/await',
    })
    expect(json).toMatchObject({
      dossierId: UUID,
      action,
      ip: '255.255.255.255',
      ipv6: '2001:db8::8a2e:370:7334',
      day: '2026-11-26',
      route: `/admin/dossiers/${UUID}/pieces/${UUID}`,
      ms: 1234,
      warning: 'will be removed in pg@9.0. Use async/await',
    })
  })

  it('writes errors to stderr and the rest to stdout', () => {
    expect(logged({}, 'error').json.level).toBe('error')
    expect(logged({}, 'info').json.level).toBe('info')
  })
})
