// Generators of hostile input for the property-based tests (lib/schemas/fuzz-schemas.test.ts and
// tests/integration/fuzz-*.test.ts), and a cheap picture of the database to prove that a refused
// input wrote nothing.
import fc from 'fast-check'
import { getDb } from '@/lib/server/db'
import { DRAFT_COOKIE } from '@/lib/server/registration/cookies'
import { expect } from 'vitest'
import { browser, expectRedirect } from './next-request'

/**
 * Inputs per property: `npm run test:fuzz` sets FUZZ_RUNS=1000; the README's `npm test` runs the
 * same properties with 100 each, so that they stay in the everyday test command.
 */
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 100)

/** Time a property may take: its runs, and its shrinking when one fails. */
export const FUZZ_TIMEOUT = 60_000 + FUZZ_RUNS * 300

/**
 * fast-check's options for a property: FUZZ_RUNS inputs (or `numRuns`), the failing input printed
 * in full. Spread it into the options object, beside `examples` when a property has some.
 */
export function fuzzOptions(overrides: { numRuns?: number } = {}) {
  return { numRuns: FUZZ_RUNS, verbose: 1 as const, ...overrides }
}

/** Keys that change an object's behaviour when a careless merge copies them. */
export const POLLUTION_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'toJSON',
  'then',
] as const

/** Texts people never type but requests carry: controls, NUL, lone surrogates, RTL marks… */
const ODD_TEXTS = [
  '',
  ' ',
  '\t\n\r',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfffy',
  '\u202e',
  '\ufeff',
  '\u00a0',
  'e\u0301',
  '𝄞',
  '👩🏽‍💻',
  'null',
  'undefined',
  'true',
  'false',
  'NaN',
  'Infinity',
  '-0',
  '0',
  '1e309',
  '0x1F',
  '  42  ',
  '12/09/1984',
  '31/02/2026',
  '2026-02-30',
  '0000-00-00',
  '9999-12-31',
  '<script>alert(1)</script>',
  '"; DROP TABLE "Dossier"; --',
  '../../../etc/passwd',
  '${7*7}',
  '%00',
  '$K1',
  '$@0',
  '__proto__',
] as const

/** Long texts: past every field's limit, past the 20 kB of a step, up to a few hundred kB. */
export const hugeString: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom('a', 'é', '𝄞', '\u0000', '9', ' ', '\n'), fc.integer({ min: 121, max: 300_000 }))
  .map(([unit, length]) => unit.repeat(Math.ceil(length / unit.length)))

/** A text as a hostile or clumsy client sends it. */
export const nastyString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string() },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme' }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary' }) },
  { weight: 3, arbitrary: fc.constantFrom(...ODD_TEXTS) },
  { weight: 1, arbitrary: fc.integer().map(String) },
  { weight: 1, arbitrary: fc.double().map(String) },
  { weight: 1, arbitrary: hugeString },
)

const key: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.constantFrom(...POLLUTION_KEYS) },
)

/**
 * Any value an action can receive: everything React's decodeReply can rebuild from a request
 * (JSON, dates, big integers, maps, sets, typed arrays, undefined, NaN…), in objects and arrays
 * nested a few levels, with keys such as `__proto__` as own properties.
 */
export const junk: fc.Arbitrary<unknown> = fc.anything({
  key,
  values: [
    nastyString,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.bigInt(),
  ],
  maxDepth: 3,
  maxKeys: 6,
  withBigInt: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withTypedArray: true,
  withSparseArray: true,
  withBoxedValues: true,
  withObjectString: true,
})

const ABSENT = Symbol('absent')

/** Sets an own property, `__proto__` included (a plain assignment would change the prototype). */
function defineOwn(target: Record<string, unknown>, name: string, value: unknown) {
  Object.defineProperty(target, name, { value, enumerable: true, writable: true, configurable: true })
}

/**
 * Inputs near `valid`: each field kept (and explored the same way inside), replaced by junk or
 * removed, and a few keys added. Most stay close enough to pass the first checks, so that the
 * deeper rules (cross-field refinements, database checks) are reached too.
 */
export function around(valid: unknown): fc.Arbitrary<unknown> {
  if (Array.isArray(valid)) {
    return fc
      .tuple(fc.tuple(...valid.map((item) => variant(item))), fc.array(junk, { maxLength: 2 }))
      .map(([items, extra]) => [...items.filter((item) => item !== ABSENT), ...extra])
  }
  if (valid !== null && typeof valid === 'object') {
    const entries = Object.entries(valid)
    return fc
      .tuple(
        fc.tuple(...entries.map(([, value]) => variant(value))),
        fc.array(fc.tuple(key, junk), { maxLength: 2 }),
      )
      .map(([values, extra]) => {
        const result: Record<string, unknown> = {}
        entries.forEach(([name], index) => {
          if (values[index] !== ABSENT) defineOwn(result, name, values[index])
        })
        for (const [name, value] of extra) defineOwn(result, name, value)
        return result
      })
  }
  if (typeof valid === 'string')
    return fc.oneof(
      { weight: 4, arbitrary: fc.constant(valid) },
      {
        weight: 1,
        arbitrary: fc.constantFrom(` ${valid} `, valid.toUpperCase(), `${valid}\u0000`, `${valid}\ud800`),
      },
      { weight: 2, arbitrary: nastyString },
    )
  return fc.oneof({ weight: 3, arbitrary: fc.constant(valid) }, { weight: 1, arbitrary: junk })
}

function variant(value: unknown): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 8, arbitrary: around(value) },
    { weight: 1, arbitrary: junk },
    { weight: 1, arbitrary: fc.constant(ABSENT) },
  )
}

/** Either pure junk or something near `valid`. */
export function inputNear(valid: unknown): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 1, arbitrary: junk }, { weight: 3, arbitrary: around(valid) })
}

/**
 * A value the X-Forwarded-For header can carry: an address, a list of them, or anything a client
 * writes there (header values are visible ASCII and spaces, up to Node's 16 kB of headers).
 */
export const forwardedFor: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.ipV4() },
  { weight: 1, arbitrary: fc.ipV6() },
  {
    weight: 1,
    arbitrary: fc
      .array(fc.oneof(fc.ipV4(), fc.ipV6()), { minLength: 2, maxLength: 4 })
      .map((ips) => ips.join(', ')),
  },
  {
    weight: 2,
    arbitrary: fc.string({
      unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)),
    }),
  },
  // Long and random (hence incompressible): longer than an index entry may be.
  {
    weight: 1,
    arbitrary: fc
      .uint8Array({ minLength: 2_000, maxLength: 9_000 })
      .map((bytes) => Buffer.from(bytes).toString('base64')),
  },
)

/** A cookie's value as a client may forge it: visible ASCII, no separator. */
export const cookieText: fc.Arbitrary<string> = fc.string({
  unit: fc
    .integer({ min: 0x21, max: 0x7e })
    .filter((code) => code !== 0x3b && code !== 0x2c)
    .map((code) => String.fromCharCode(code)),
  maxLength: 200,
})

/** A new address for each call, so that no property runs into the per-IP rate limits. */
let ipCounter = 0
export function freshIp(): string {
  ipCounter += 1
  return `10.${(ipCounter >> 16) & 255}.${(ipCounter >> 8) & 255}.${ipCounter & 255}`
}

/** A private-link token of the right shape (43 base64url characters) that nothing has. */
export const forgedToken: fc.Arbitrary<string> = fc.string({
  unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'),
  minLength: 43,
  maxLength: 43,
})

/** Stands for the legitimate private link in a generated cookie (the real value is known later). */
export const REAL = Symbol('the real link')

/** A private-link cookie: most runs hold the real one, the others none, a forged or a mangled one. */
export const credential: fc.Arbitrary<typeof REAL | string | undefined> = fc.oneof(
  { weight: 8, arbitrary: fc.constant<typeof REAL>(REAL) },
  { weight: 1, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: cookieText },
  { weight: 1, arbitrary: forgedToken },
)

/** Throws unless `error` is Next's redirect (the only exception an action may end with). */
export function redirectTarget(error: unknown): string {
  const digest = (error as { digest?: unknown } | null)?.digest
  if (typeof digest === 'string' && digest.startsWith('NEXT_REDIRECT')) return digest.split(';')[2] ?? ''
  throw error
}

/**
 * Every table's rows, as their count and the versions of their tuples: PostgreSQL gives each
 * inserted or updated row version a new `xmin`, so any write, even one that stores the same
 * values, changes the picture (reading, or locking with FOR UPDATE, does not). One cheap query
 * that reads no column. The rate-limit counters are left out: counting requests is their job.
 */
export async function databaseState(): Promise<Record<string, string>> {
  stateQuery ??= await buildStateQuery()
  const rows = await getDb().$queryRawUnsafe<Array<{ name: string; state: string }>>(stateQuery)
  return Object.fromEntries(rows.map((row) => [row.name, row.state]))
}

let stateQuery: string | undefined

async function buildStateQuery(): Promise<string> {
  const tables = await getDb().$queryRaw<Array<{ table_name: string }>>`
    SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
    AND table_name NOT IN ('_prisma_migrations', 'RateLimitBucket') ORDER BY table_name`
  return tables
    .map(
      ({ table_name: table }) =>
        `SELECT '${table}' AS name, count(*) || ':' || md5(coalesce(string_agg(ctid::text || xmin::text, ',' ORDER BY ctid), '')) AS state FROM "${table}"`,
    )
    .join(' UNION ALL ')
}

/** Fails unless `object` and Object.prototype are as they were: no prototype pollution. */
export function assertNoPollution(): void {
  const probe: Record<string, unknown> = {}
  const leaked = Object.keys(Object.prototype).concat(
    ['polluted', 'ok', 'isAdmin', 'selected'].filter((name) => name in probe),
  )
  if (leaked.length > 0) throw new Error(`Object.prototype was polluted: ${leaked.join(', ')}`)
}

/** A browser holding draft `cookie` (REAL: `token`), from a new address or the given one. */
export function openDraftBrowser(
  token: string,
  cookie: typeof REAL | string | undefined,
  ip = freshIp(),
): void {
  browser.reset({ ip })
  const value = cookie === REAL ? token : cookie
  if (value !== undefined) browser.setCookie(DRAFT_COOKIE, value)
}

/** A new draft started as the start button does, from a new address; its private token. */
export async function startDraft(actions: {
  startRegistrationAction: (form: FormData) => Promise<unknown>
}): Promise<string> {
  browser.reset({ ip: freshIp() })
  expect(await expectRedirect(() => actions.startRegistrationAction(new FormData()))).toBe(
    '/inscription/identite',
  )
  return browser.cookie(DRAFT_COOKIE)!
}
