import { NextRequest } from 'next/server'
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { parseDossierFilters } from '@/lib/schemas/dossier-filters'
import { listDossiers } from '@/lib/server/admin/dossiers/list-dossiers'
import { AccessDenied, currentStaff } from '@/lib/server/auth/authorize'
import { getDb } from '@/lib/server/db'
import { seed } from '@/prisma/seed'
import { generateDossiers } from '@/scripts/dev/generate-dossiers'
import { createDossier, type DossierOverrides } from '../support/dossiers'
import { browser } from '../support/next-request'
import { NOW } from '../support/registration'
import { becomeIdentity, IDENTITIES, tableCounts, type Identity } from '../support/staff'
import { resetDatabase } from '../support/test-database'

const exportRoute = await import('@/app/(admin)/admin/dossiers/export.csv/route')
const db = getDb()

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(NOW)
  await resetDatabase()
  await seed(db, { now: NOW })
  browser.reset()
})

afterEach(() => {
  vi.restoreAllMocks()
})

afterAll(() => {
  vi.useRealTimers()
})

/** Signs the test browser in as a reviewer and returns the staff actor. */
async function reviewer(role: 'LECTURE' | 'GESTIONNAIRE' | 'ADMIN' = 'GESTIONNAIRE') {
  await becomeIdentity(role)
  const actor = await currentStaff()
  if (!actor) throw new Error('not signed in')
  return actor
}

type Actor = Awaited<ReturnType<typeof reviewer>>

/** References of the first page of the list for these search params. */
async function references(actor: Actor, query: string, pageSize = 100): Promise<string[]> {
  const page = await listDossiers({
    actor,
    filters: parseDossierFilters(new URLSearchParams(query)),
    pageSize,
  })
  return page.rows.map((row) => row.reference)
}

async function make(overrides: DossierOverrides): Promise<string> {
  return (await createDossier(overrides)).reference
}

function exportRequest(query = ''): NextRequest {
  return new NextRequest(`http://localhost:3000/admin/dossiers/export.csv${query ? `?${query}` : ''}`)
}

/** RFC 4180 parsing, to read back what the export wrote (separator `;`, lines end with CRLF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  for (let index = 0; index < text.length; index += 1) {
    const character = text[index]!
    if (quoted) {
      if (character === '"' && text[index + 1] === '"') {
        cell += '"'
        index += 1
      } else if (character === '"') quoted = false
      else cell += character
    } else if (character === '"') quoted = true
    else if (character === ';') {
      row.push(cell)
      cell = ''
    } else if (character === '\r' && text[index + 1] === '\n') {
      row.push(cell)
      rows.push(row)
      row = []
      cell = ''
      index += 1
    } else cell += character
  }
  if (cell !== '' || row.length > 0) throw new Error('The file does not end with CRLF')
  return rows
}

/** The rows of an export response, after checking its byte order mark. */
async function readCsv(response: Response): Promise<string[][]> {
  const bytes = new Uint8Array(await response.arrayBuffer())
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  return parseCsv(new TextDecoder('utf-8', { fatal: true }).decode(bytes))
}

describe('filters', () => {
  it('each keep only the dossiers they name, in the session shown', async () => {
    const actor = await reviewer()
    const submitted = await make({
      status: 'SUBMITTED',
      category: 'INDIVIDUAL',
      ueCodes: [{ code: 'AST004', semester: 1 }],
      // 01:00 on 6 October in La Réunion, still 5 October in UTC.
      submittedAt: new Date('2026-10-05T21:00:00Z'),
    })
    const incomplete = await make({
      status: 'INCOMPLETE',
      category: 'JOB_SEEKER',
      ueCodes: [{ code: 'TET099', semester: 2 }],
      submittedAt: new Date('2026-10-20T08:00:00Z'),
    })
    const complete = await make({
      status: 'COMPLETE',
      category: 'EMPLOYER_FUNDED',
      ueCodes: [
        { code: 'AST004', semester: 1 },
        { code: 'TET099', semester: 2 },
      ],
      submittedAt: new Date('2026-11-02T08:00:00Z'),
    })
    const accepted = await make({
      status: 'ACCEPTED',
      category: 'INDIVIDUAL',
      ueCodes: [{ code: 'PSY001', semester: 2 }],
      submittedAt: new Date('2026-11-10T08:00:00Z'),
    })
    const refused = await make({
      status: 'REFUSED',
      category: 'JOB_SEEKER',
      ueCodes: [{ code: 'TET003', semester: 1 }],
      submittedAt: new Date('2026-11-20T08:00:00Z'),
    })
    const archived = await make({ sessionLabel: '2010-2011', submittedAt: new Date('2010-09-01T08:00:00Z') })
    const archivedSession = await db.academicSession.findFirstOrThrow({ where: { label: '2010-2011' } })
    const sorted = (list: string[]) => [...list].sort()

    // Default: the session open for registration, newest first.
    expect(await references(actor, '')).toEqual([refused, accepted, complete, incomplete, submitted])
    expect(await references(actor, `session=${archivedSession.id}`)).toEqual([archived])
    expect(await references(actor, 'statut=INCOMPLETE')).toEqual([incomplete])
    // The dashboard links with the English spelling.
    expect(await references(actor, 'status=INCOMPLETE')).toEqual([incomplete])
    expect(sorted(await references(actor, 'categorie=JOB_SEEKER'))).toEqual(sorted([incomplete, refused]))
    expect(sorted(await references(actor, 'ue=AST004'))).toEqual(sorted([submitted, complete]))
    expect(sorted(await references(actor, 'ue=ast004'))).toEqual(sorted([submitted, complete]))
    expect(await references(actor, 'ue=AST002')).toEqual([])
    expect(sorted(await references(actor, 'semestre=1'))).toEqual(sorted([submitted, complete, refused]))
    expect(sorted(await references(actor, 'semestre=2'))).toEqual(sorted([incomplete, complete, accepted]))
    expect(sorted(await references(actor, 'ue=TET099&semestre=2'))).toEqual(sorted([incomplete, complete]))
    expect(await references(actor, 'ue=AST004&semestre=2')).toEqual([])
    expect(sorted(await references(actor, 'completude=complet'))).toEqual(sorted([complete, accepted]))
    expect(await references(actor, 'completude=en-attente')).toEqual([incomplete])
    // Days are La Réunion's, both ends included.
    expect(await references(actor, 'du=2026-10-06&au=2026-10-06')).toEqual([submitted])
    expect(await references(actor, 'au=2026-10-05')).toEqual([])
    expect(await references(actor, 'du=2026-11-02&au=2026-11-10')).toEqual([accepted, complete])
    // The wrong way round is read as the same range.
    expect(await references(actor, 'du=2026-11-10&au=2026-11-02')).toEqual([accepted, complete])
    // Filters combine.
    expect(await references(actor, 'categorie=INDIVIDUAL&semestre=2')).toEqual([accepted])
    expect(await references(actor, 'statut=SUBMITTED&completude=complet')).toEqual([])
  })

  it('fall back to their defaults when a parameter is invalid, rather than failing', async () => {
    const actor = await reviewer()
    const first = await make({ submittedAt: new Date('2026-11-01T08:00:00Z') })
    const second = await make({ submittedAt: new Date('2026-11-02T08:00:00Z') })
    const invalid =
      'session=pas-une-session&statut=DRAFT&categorie=x&ue=%25%25&semestre=3&completude=oui' +
      '&du=2026-13-45&au=hier&tri=couleur&ordre=haut&apres=12&avant=%27%3B--'
    expect(parseDossierFilters(new URLSearchParams(invalid))).toEqual(
      parseDossierFilters(new URLSearchParams()),
    )
    expect(await references(actor, invalid)).toEqual([second, first])
    // A well-formed session id that does not exist shows the default session.
    expect(await references(actor, 'session=0190a0a0-0000-7000-8000-000000000000')).toEqual([second, first])
    // A repeated parameter: the first one counts.
    expect(parseDossierFilters({ statut: ['INCOMPLETE', 'ACCEPTED'] }).status).toBe('INCOMPLETE')
  })

  it('sort by date, reference and name both ways; names sort as French readers expect', async () => {
    const actor = await reviewer()
    const names = ['Zitte', 'Éthève', 'Ebrard', 'de Villèle', 'Dupont', 'HOARAU', 'Hoareau']
    const made: Record<string, string> = {}
    for (const [index, birthName] of names.entries()) {
      made[birthName] = await make({ birthName, submittedAt: new Date(Date.UTC(2026, 10, 1 + index)) })
    }
    const byName = ['de Villèle', 'Dupont', 'Ebrard', 'Éthève', 'HOARAU', 'Hoareau', 'Zitte'].map(
      (name) => made[name]!,
    )
    expect(await references(actor, 'tri=nom')).toEqual(byName)
    expect(await references(actor, 'tri=nom&ordre=desc')).toEqual([...byName].reverse())
    // The same order when a search is on (another query plan): every one of them is a Jean.
    expect(await references(actor, 'tri=nom&q=jean')).toEqual(byName)
    const byDate = names.map((name) => made[name]!)
    expect(await references(actor, 'tri=date&ordre=asc')).toEqual(byDate)
    expect(await references(actor, '')).toEqual([...byDate].reverse())
    const byReference = [...byDate].sort()
    expect(await references(actor, 'tri=reference')).toEqual(byReference)
    expect(await references(actor, 'tri=reference&ordre=desc')).toEqual([...byReference].reverse())
  })
})

describe('search', () => {
  it('ignores case and accents, in the query and in the dossier', async () => {
    const actor = await reviewer()
    const hoarau = await make({ birthName: 'HOARAU', firstNames: 'Jean-Luc', email: 'jl.hoarau@example.re' })
    const heloise = await make({ birthName: 'Técher', firstNames: 'Heloise', email: 'h.techer@example.re' })
    const payet = await make({ birthName: 'Payet', firstNames: 'Héloïse', email: 'heloise.payet@example.re' })

    expect(await references(actor, 'q=Hoarau')).toEqual([hoarau])
    expect(await references(actor, 'q=hoarau')).toEqual([hoarau])
    expect((await references(actor, `q=${encodeURIComponent('héloïse')}`)).sort()).toEqual(
      [heloise, payet].sort(),
    )
    expect(await references(actor, `q=${encodeURIComponent('HÉLOÏSE   TECHER')}`)).toEqual([heloise])
    // Words in any order, each somewhere in reference, names or e-mail.
    expect(await references(actor, `q=${encodeURIComponent('techer heloise')}`)).toEqual([heloise])
    expect(await references(actor, 'q=Jean-Luc')).toEqual([hoarau])
    expect(await references(actor, 'q=JL.HOARAU%40example')).toEqual([hoarau])
    expect(await references(actor, `q=${payet.toLowerCase()}`)).toEqual([payet])
    expect(await references(actor, `q=${payet.slice(-5)}`)).toEqual([payet])
    expect(await references(actor, 'q=grondin')).toEqual([])
  })

  it('takes %, _ and backslashes literally', async () => {
    const actor = await reviewer()
    await make({ birthName: 'Payet' })
    expect(await references(actor, 'q=%25')).toEqual([])
    expect(await references(actor, 'q=_')).toEqual([])
    expect(await references(actor, 'q=%5C')).toEqual([])
    expect(await references(actor, 'q=pa_et')).toEqual([])
  })
})

describe('keyset pagination', () => {
  it('returns every dossier exactly once, forwards and backwards, even when sort keys are equal', async () => {
    const actor = await reviewer()
    // One instant for all: every date key is equal, and the generator's 46 surnames repeat.
    await generateDossiers(db, { count: 83, seed: 11, submittedBetween: { from: NOW, to: NOW } })
    await createDossier({ birthName: 'Hoarau', firstNames: 'Marie' })
    await createDossier({ birthName: 'Hoarau', firstNames: 'Marie' })
    const all = (
      await db.dossier.findMany({ where: { session: { registrationOpen: true } }, select: { id: true } })
    )
      .map((row) => row.id)
      .sort()
    expect(all).toHaveLength(85)

    // With and without a search (a search takes another query plan: matches first, then the sort).
    for (const query of [
      '',
      'ordre=asc',
      'tri=nom',
      'tri=nom&ordre=desc',
      'tri=reference',
      'tri=reference&ordre=desc',
      'q=example',
      'q=example&tri=nom&ordre=desc',
    ]) {
      const base = parseDossierFilters(new URLSearchParams(query))
      const forwards: string[][] = []
      let cursor: string | null = null
      do {
        const page = await listDossiers({ actor, filters: { ...base, after: cursor }, pageSize: 10 })
        forwards.push(page.rows.map((row) => row.id))
        cursor = page.nextCursor
      } while (cursor)
      const seen = forwards.flat()
      expect(seen, query).toHaveLength(85)
      expect([...seen].sort(), query).toEqual(all)
      expect(
        forwards.map((page) => page.length),
        query,
      ).toEqual([10, 10, 10, 10, 10, 10, 10, 10, 5])

      // Back from the last page to the first, with the "previous page" cursors.
      const backwards: string[][] = [forwards.at(-1)!]
      let previous = (
        await listDossiers({ actor, filters: { ...base, after: forwards.at(-2)!.at(-1)! }, pageSize: 10 })
      ).previousCursor
      while (previous) {
        const page = await listDossiers({ actor, filters: { ...base, before: previous }, pageSize: 10 })
        backwards.unshift(page.rows.map((row) => row.id))
        previous = page.previousCursor
      }
      expect(backwards, query).toEqual(forwards)
    }
  })

  it('shows an empty page, not an error, for a cursor that matches no dossier', async () => {
    const actor = await reviewer()
    await make({})
    const page = await listDossiers({
      actor,
      filters: parseDossierFilters(new URLSearchParams('apres=0190a0a0-0000-7000-8000-000000000000')),
    })
    expect(page.rows).toEqual([])
    expect(page.nextCursor).toBeNull()
  })
})

describe('CSV export', () => {
  it('is UTF-8 with a BOM, `;` separated, CRLF, quoted where needed, French dates and amounts', async () => {
    await becomeIdentity('GESTIONNAIRE')
    const tricky = await make({
      birthName: 'Payet; "dit Ti Jean"',
      firstNames: 'Jean',
      email: 'ti.jean@example.re',
      status: 'INCOMPLETE',
      category: 'JOB_SEEKER',
      ueCodes: [
        { code: 'AST004', semester: 1 },
        { code: 'TET099', semester: 2 },
      ],
      submittedAt: new Date('2026-10-05T21:00:00Z'),
    })
    const accented = await make({
      birthName: 'Técher',
      firstNames: 'Hélène',
      email: 'helene@example.re',
      submittedAt: new Date('2026-11-02T08:00:00Z'),
    })
    const formula = await make({ birthName: '=HYPERLINK("http://exemple.invalid")', firstNames: 'Eve' })
    vi.spyOn(console, 'info').mockImplementation(() => {})

    const response = await exportRoute.GET(exportRequest('tri=date&ordre=asc'))
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="dossiers-CPN42-2026-2027-2026-11-26\.csv"$/,
    )
    const bytes = new Uint8Array(await response.arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes.slice(3))
    // Every line break is CRLF (the only LF are those of CRLF).
    expect(text.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/)
    expect(text).toContain('"Payet; ""dit Ti Jean"""')
    expect(text).toContain('Técher;;Hélène;')

    const [header, ...rows] = parseCsv(text)
    expect(header).toEqual([
      'Référence',
      'Statut',
      'Date de dépôt',
      'Civilité',
      'Nom de naissance',
      'Nom d’usage',
      'Prénoms',
      'E-mail',
      'Téléphone',
      'Catégorie',
      'UE',
      'Total (€)',
    ])
    expect(rows.map((row) => row[0])).toEqual([tricky, accented, formula])
    expect(rows[0]).toEqual([
      tricky,
      'Incomplet : pièces demandées',
      '06/10/2026',
      'Madame',
      'Payet; "dit Ti Jean"',
      '',
      'Jean',
      'ti.jean@example.re',
      '0692 12 34 56',
      "Demandeurs d'emploi",
      'AST004, TET099',
      '118,00',
    ])
    expect(rows[1]!.slice(2, 7)).toEqual(['02/11/2026', 'Madame', 'Técher', '', 'Hélène'])
    // A cell a spreadsheet would run as a formula is neutralised.
    expect(rows[2]![4]).toBe('\'=HYPERLINK("http://exemple.invalid")')
  })

  it('exports every filtered dossier in the list’s order, in batches, and logs it without personal data', async () => {
    await becomeIdentity('ADMIN')
    await generateDossiers(db, { count: 2345, seed: 3 })
    const info = vi.spyOn(console, 'info').mockImplementation(() => {})
    const incomplete = await db.dossier.findMany({
      where: { status: 'INCOMPLETE' },
      orderBy: [{ submittedAt: 'desc' }, { id: 'desc' }],
      select: { reference: true },
    })

    const all = await readCsv(await exportRoute.GET(exportRequest()))
    expect(all).toHaveLength(2346)
    expect(new Set(all.slice(1).map((row) => row[0])).size).toBe(2345)

    const filtered = await readCsv(await exportRoute.GET(exportRequest('statut=INCOMPLETE')))
    expect(filtered.slice(1).map((row) => row[0])).toEqual(incomplete.map((row) => row.reference))
    expect(new Set(filtered.slice(1).map((row) => row[1]))).toEqual(new Set(['Incomplet : pièces demandées']))

    const logs = info.mock.calls.map(([line]) => JSON.parse(String(line)) as Record<string, unknown>)
    const exports = logs.filter((line) => line.event === 'dossiers.export')
    expect(exports).toEqual([
      expect.objectContaining({ outcome: 'complete', rows: 2345, filters: null }),
      expect.objectContaining({ outcome: 'complete', rows: incomplete.length, filters: 'statut' }),
    ])
    // Only ids, codes and counts.
    const someone = await db.dossier.findFirstOrThrow({ select: { birthName: true, email: true } })
    expect(JSON.stringify(exports)).not.toContain(someone.email)
    expect(JSON.stringify(exports)).not.toContain(someone.birthName)
  })

  it('does not log the search words (they may be a name)', async () => {
    await becomeIdentity('GESTIONNAIRE')
    await make({ birthName: 'Grondin' })
    const info = vi.spyOn(console, 'info').mockImplementation(() => {})
    const response = await exportRoute.GET(exportRequest('q=grondin'))
    expect(await readCsv(response)).toHaveLength(2)
    const lines = info.mock.calls.map(([line]) => String(line))
    expect(lines.some((line) => line.includes('"filters":"recherche"'))).toBe(true)
    expect(lines.join('\n').toLowerCase()).not.toContain('grondin')
  })
})

describe('access', () => {
  const ALLOWED_TO_LIST: Identity[] = ['LECTURE', 'GESTIONNAIRE', 'ADMIN']
  // Read-only staff consult dossiers but do not take personal data out of the portal in bulk.
  const ALLOWED_TO_EXPORT: Identity[] = ['GESTIONNAIRE', 'ADMIN']

  for (const identity of IDENTITIES) {
    it(`${identity}: the list data function ${ALLOWED_TO_LIST.includes(identity) ? 'answers' : 'refuses and writes nothing'}`, async () => {
      const dossier = await createDossier({ birthName: 'Hoarau' })
      await becomeIdentity(identity, { applicantToken: dossier.token })
      const filters = parseDossierFilters(new URLSearchParams('q=hoarau'))
      const before = await tableCounts()
      if (ALLOWED_TO_LIST.includes(identity)) {
        const page = await listDossiers({ actor: await currentStaff(), filters })
        expect(page.rows.map((row) => row.reference)).toEqual([dossier.reference])
      } else {
        const refusal = listDossiers({ actor: await currentStaff(), filters })
        await expect(refusal).rejects.toBeInstanceOf(AccessDenied)
        await expect(refusal).rejects.toMatchObject({ reason: 'SIGNED_OUT' })
      }
      expect(await tableCounts()).toEqual(before)
    })

    it(`${identity}: the CSV route ${ALLOWED_TO_EXPORT.includes(identity) ? 'exports' : 'refuses and writes nothing'}`, async () => {
      const dossier = await createDossier({ birthName: 'Hoarau' })
      await becomeIdentity(identity, { applicantToken: dossier.token })
      vi.spyOn(console, 'warn').mockImplementation(() => {})
      vi.spyOn(console, 'info').mockImplementation(() => {})
      const before = await tableCounts()
      const response = await exportRoute.GET(exportRequest('statut=SUBMITTED'))
      const body = await response.text()
      if (ALLOWED_TO_EXPORT.includes(identity)) {
        expect(response.status).toBe(200)
        expect(body).toContain(dossier.reference)
      } else if (identity === 'LECTURE') {
        expect(response.status).toBe(403)
        expect(body).toBe('Vous n’avez pas les droits pour cette action.')
      } else {
        // Signed out: the sign-in page, which brings the reviewer back to the same list.
        expect(response.status).toBe(303)
        expect(response.headers.get('location')).toBe(
          `/admin/connexion?retour=${encodeURIComponent('/admin/dossiers?statut=SUBMITTED')}`,
        )
        expect(body).toBe('')
      }
      if (!ALLOWED_TO_EXPORT.includes(identity)) expect(body).not.toContain(dossier.reference)
      expect(await tableCounts()).toEqual(before)
    })
  }
})
