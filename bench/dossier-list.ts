// Staff list at scale (issue 6, item 3): 1,000 / 10,000 / 100,000 generated dossiers in the open
// session; the latency of listing, filtering and searching, at each size, measured twice:
//
// Sizes are measured in alternation (see measureAll).
//
// - through HTTP: GET /admin/dossiers?… with a signed-in staff session on `next start`, i.e. what
//   a member of staff waits for (authentication, every query of the page, rendering). The budget
//   applies to this one.
// - in this process: the data functions the page calls, in the page's order
//   (getDossierListOptions, then listDossiers and countDossiersByStatus together), on the same
//   database: the database's share, without the server's rendering and network.
//
// Each scenario is a URL the list's own links and form produce. p95s are taken over every
// request of a category (list, filter, search). The EXPLAIN (ANALYZE, BUFFERS) of the slowest
// queries at 100,000 follow, and the plans the indexes replaced (the index dropped inside a
// transaction that is rolled back).
import pg from 'pg'
import type { PrismaClient } from '../lib/generated/prisma/client'
import type { StaffActor } from '../lib/server/auth/staff-session'
import {
  appClient,
  disconnectAppClients,
  dossierDatabase,
  staffCookie,
  pointAppAt,
} from './lib/dossier-databases'
import { log, ms, percentile, ratio, startPortal, type Portal } from './lib/harness'
import type { Benchmark, Budget } from './lib/report'

const SIZES = [1_000, 10_000, 100_000] as const
const IN_PROCESS_RUNS = 20
const HTTP_RUNS = 15

type Category = 'list' | 'filter' | 'search'
type Scenario = { category: Category; name: string; query: string }

type SizeResult = {
  size: number
  url: string
  scenarios: Array<Scenario & { inProcess: number[]; http: number[] }>
}

const ACTOR: StaffActor = {
  userId: '00000000-0000-4000-8000-000000000000',
  sessionId: '00000000-0000-4000-8000-000000000000',
  email: 'bench@bench.cnam.re',
  name: 'Bench',
  role: 'GESTIONNAIRE',
  totpEnabled: false,
}

/** The scenarios on one database: cursors, references and e-mails are read from its rows. */
async function scenariosFor(db: PrismaClient, size: number): Promise<Scenario[]> {
  const { Prisma } = await import('../lib/generated/prisma/client')
  const { parseDossierFilters } = await import('../lib/schemas/dossier-filters')
  const { dossierPageSql, resolveDossierFilters } =
    await import('../lib/server/admin/dossiers/dossier-list-query')
  const session = await db.academicSession.findFirstOrThrow({
    where: { registrationOpen: true },
    orderBy: { startYear: 'desc' },
    select: { id: true },
  })
  const middle = Math.floor(size / 2)
  /** The id of the row at `position` of the list these params show (the slow way, once). */
  const rowAt = async (query: string, position: number) => {
    const filters = await resolveDossierFilters(
      db,
      parseDossierFilters(new URLSearchParams(query)),
      session.id,
    )
    const rows = await db.$queryRaw<Array<{ id: string }>>(
      Prisma.sql`SELECT id FROM (${dossierPageSql({ filters, limit: position + 1 })}) page OFFSET ${position}`,
    )
    return rows[0]!.id
  }
  const someone = await db.dossier.findFirstOrThrow({
    where: { sessionId: session.id },
    orderBy: { reference: 'asc' },
    skip: middle,
    select: { reference: true, email: true },
  })
  const ues = await db.dossierUe.groupBy({
    by: ['ueId'],
    where: { dossier: { sessionId: session.id } },
    _count: { _all: true },
    orderBy: { _count: { ueId: 'desc' } },
  })
  const codeOf = async (ueId: string) =>
    (await db.ue.findUniqueOrThrow({ where: { id: ueId }, select: { code: true } })).code
  const commonUe = await codeOf(ues[0]!.ueId)
  const rareUe = await codeOf(ues.at(-1)!.ueId)
  const [range] = await db.$queryRaw<Array<{ from: string; to: string }>>`
    SELECT to_char(min("submittedAt") + (max("submittedAt") - min("submittedAt")) / 2, 'YYYY-MM-DD') AS from,
           to_char(min("submittedAt") + (max("submittedAt") - min("submittedAt")) / 2 + interval '6 days', 'YYYY-MM-DD') AS to
    FROM "Dossier" WHERE "sessionId" = ${session.id}::uuid`
  const emailName = someone.email.split('@')[0]!
  return [
    { category: 'list', name: 'page 1, newest first (the default)', query: '' },
    {
      category: 'list',
      name: 'a page in the middle, newest first',
      query: `apres=${await rowAt('', middle)}`,
    },
    { category: 'list', name: 'the page before it', query: `avant=${await rowAt('', middle)}` },
    { category: 'list', name: 'sort by name', query: 'tri=nom' },
    {
      category: 'list',
      name: 'sort by name, a page in the middle',
      query: `tri=nom&apres=${await rowAt('tri=nom', middle)}`,
    },
    { category: 'list', name: 'sort by reference, Z to A', query: 'tri=reference&ordre=desc' },
    { category: 'filter', name: 'status INCOMPLETE (15 %)', query: 'statut=INCOMPLETE' },
    { category: 'filter', name: 'status CLOSED (3 %), oldest first', query: 'statut=CLOSED&ordre=asc' },
    { category: 'filter', name: 'complete (COMPLETE or ACCEPTED)', query: 'completude=complet' },
    { category: 'filter', name: 'category JOB_SEEKER', query: 'categorie=JOB_SEEKER' },
    { category: 'filter', name: `UE ${commonUe} (the most chosen)`, query: `ue=${commonUe}` },
    { category: 'filter', name: `UE ${rareUe} (the least chosen)`, query: `ue=${rareUe}` },
    { category: 'filter', name: 'semester 2', query: 'semestre=2' },
    { category: 'filter', name: 'one week of submissions', query: `du=${range!.from}&au=${range!.to}` },
    {
      category: 'filter',
      name: `status + category + UE ${commonUe}, by name`,
      query: `statut=SUBMITTED&categorie=INDIVIDUAL&ue=${commonUe}&tri=nom`,
    },
    { category: 'search', name: 'a common surname, "hoarau"', query: 'q=hoarau' },
    {
      category: 'search',
      name: 'first name and surname, "Héloïse Éthève"',
      query: `q=${encodeURIComponent('Héloïse Éthève')}`,
    },
    { category: 'search', name: 'a reference', query: `q=${someone.reference}` },
    {
      category: 'search',
      name: 'an e-mail address, before the @',
      query: `q=${encodeURIComponent(emailName)}`,
    },
    { category: 'search', name: '"marie", sorted by name', query: 'q=marie&tri=nom' },
    { category: 'search', name: 'no match, "zzzz"', query: 'q=zzzz' },
  ]
}

/** What the page does for its data (app/(admin)/admin/dossiers/page.tsx), in the same order. */
async function pageData(query: string): Promise<void> {
  const { parseDossierFilters } = await import('../lib/schemas/dossier-filters')
  const { getDossierListOptions } = await import('../lib/server/admin/dossiers/get-dossier-list-options')
  const { listDossiers } = await import('../lib/server/admin/dossiers/list-dossiers')
  const { countDossiersByStatus } = await import('../lib/server/admin/dossiers/count-dossiers-by-status')
  const parsed = parseDossierFilters(new URLSearchParams(query))
  const options = await getDossierListOptions({ actor: ACTOR, sessionId: parsed.sessionId })
  const sessionId = options.session!.id
  await Promise.all([
    listDossiers({ actor: ACTOR, filters: { ...parsed, sessionId } }),
    countDossiersByStatus({ actor: ACTOR, sessionId }),
  ])
}

/**
 * Every size measured in alternation (scenario by scenario, one request to each database in
 * turn), so that the machine's load, which varies from minute to minute on a shared machine,
 * weighs on every size alike and the ratios compare like with like.
 */
async function measureAll(sizes: readonly number[]): Promise<SizeResult[]> {
  const databases: Array<{ size: number; url: string; db: PrismaClient; scenarios: Scenario[] }> = []
  for (const size of sizes) {
    const url = await dossierDatabase(size)
    const db = appClient(url)
    pointAppAt(db, url)
    databases.push({ size, url, db, scenarios: await scenariosFor(db, size) })
  }
  const results: SizeResult[] = databases.map(({ size, url, scenarios }) => ({
    size,
    url,
    scenarios: scenarios.map((scenario) => ({ ...scenario, inProcess: [], http: [] })),
  }))
  const scenarioCount = databases[0]!.scenarios.length

  /** Runs `fn` for each scenario, `runs` times on every database in turn (after 2 unmeasured). */
  async function alternate(
    runs: number,
    where: 'inProcess' | 'http',
    fn: (index: number, query: string) => Promise<void>,
  ): Promise<void> {
    for (let scenario = 0; scenario < scenarioCount; scenario += 1) {
      for (let run = -2; run < runs; run += 1) {
        for (let index = 0; index < databases.length; index += 1) {
          const { query } = databases[index]!.scenarios[scenario]!
          const started = performance.now()
          await fn(index, query)
          if (run >= 0) results[index]!.scenarios[scenario]![where].push(performance.now() - started)
        }
      }
    }
  }

  await alternate(IN_PROCESS_RUNS, 'inProcess', async (index, query) => {
    const { db, url } = databases[index]!
    pointAppAt(db, url)
    await pageData(query)
  })

  const portals: Array<{ portal: Portal; cookie: string }> = []
  try {
    for (const { db, url } of databases) {
      const cookie = await staffCookie(db, url)
      portals.push({ portal: await startPortal({ databaseUrl: url }), cookie })
    }
    // A new server compiles and caches as it serves its first pages: one of each, unmeasured.
    for (let index = 0; index < portals.length; index += 1) {
      const { portal, cookie } = portals[index]!
      for (const { query } of databases[index]!.scenarios)
        await (await fetch(`${portal.url}/admin/dossiers?${query}`, { headers: { cookie } })).text()
    }
    await alternate(HTTP_RUNS, 'http', async (index, query) => {
      const { portal, cookie } = portals[index]!
      const target = `${portal.url}/admin/dossiers${query ? `?${query}` : ''}`
      const response = await fetch(target, { headers: { cookie }, redirect: 'manual' })
      const html = await response.text()
      if (response.status !== 200 || !html.includes('Dossiers d’inscription'))
        throw new Error(`GET ${target} answered ${response.status}`)
    })
  } finally {
    await Promise.all(portals.map(({ portal }) => portal.stop()))
  }
  for (const result of results)
    log(
      `${result.size.toLocaleString('en')} dossiers: ` +
        (['list', 'filter', 'search'] as const)
          .map(
            (category) =>
              `${category} p95 ${ms(categoryP95(result.scenarios, category, 'http'))} HTTP, ` +
              `${ms(categoryP95(result.scenarios, category, 'inProcess'))} data`,
          )
          .join('; '),
    )
  return results
}

function categoryP95(
  scenarios: SizeResult['scenarios'],
  category: Category,
  where: 'inProcess' | 'http',
): number {
  return percentile(
    scenarios.filter((scenario) => scenario.category === category).flatMap((scenario) => scenario[where]),
    95,
  )
}

// ---------------------------------------------------------------------------------------------
// Query plans at 100,000

type Plan = { title: string; lines: string[] }

async function explain(url: string, sql: string, values: unknown[], dropIndex?: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query('BEGIN')
    // Dropped inside a transaction that is rolled back: the plan PostgreSQL chose without it.
    if (dropIndex) await client.query(`DROP INDEX "${dropIndex}"`)
    const { rows } = await client.query<{ 'QUERY PLAN': string }>(
      `EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${sql}`,
      values,
    )
    return rows.map((row) => row['QUERY PLAN'])
  } finally {
    await client.query('ROLLBACK')
    await client.end()
  }
}

/** The page query of the list behind `query` at 100,000, as SQL text and values for pg. */
async function pageQuery(
  db: PrismaClient,
  query: string,
  searchStrategy?: 'walk' | 'matches',
): Promise<{ sql: string; values: unknown[] }> {
  const { parseDossierFilters } = await import('../lib/schemas/dossier-filters')
  const { dossierPageSql, resolveDossierFilters } =
    await import('../lib/server/admin/dossiers/dossier-list-query')
  const { findListSession } = await import('../lib/server/admin/dossiers/find-list-session')
  const parsed = parseDossierFilters(new URLSearchParams(query))
  const session = (await findListSession(db, null))!
  const filters = await resolveDossierFilters(db, parsed, session.id)
  const sql = dossierPageSql({
    filters,
    limit: 26,
    after: parsed.after,
    before: parsed.before,
    searchStrategy,
  })
  return { sql: sql.text, values: sql.values }
}

async function plans(result: SizeResult): Promise<Plan[]> {
  const { url } = result
  const db = appClient(url)
  const slowest = [...result.scenarios]
    .sort((a, b) => percentile(b.inProcess, 95) - percentile(a.inProcess, 95))
    .slice(0, 3)
  const out: Plan[] = []
  for (const scenario of slowest) {
    const { sql, values } = await pageQuery(db, scenario.query)
    out.push({
      title: `${scenario.category}: ${scenario.name} (\`${scenario.query || 'no parameter'}\`)`,
      lines: await explain(url, sql, values),
    })
  }
  const session = (await db.academicSession.findFirstOrThrow({ where: { registrationOpen: true } })).id
  const counts = 'SELECT status, count(*) FROM "Dossier" WHERE "sessionId" = $1::uuid GROUP BY status'
  out.push({
    title: 'the status tabs\u2019 counts (countDossiersByStatus)',
    lines: await explain(url, counts, [session]),
  })
  const comparisons: Array<{
    title: string
    query: string
    dropIndex?: string
    strategy?: 'walk' | 'matches'
  }> = [
    {
      title: 'after: search "marie" sorted by name, first try (walk)',
      query: 'q=marie&tri=nom',
      strategy: 'walk',
    },
    {
      title: 'before: search "marie" sorted by name, every match sorted (the only strategy before)',
      query: 'q=marie&tri=nom',
      strategy: 'matches',
    },
    {
      title: 'before: search "hoarau" without the trigram index',
      query: 'q=hoarau',
      dropIndex: 'Dossier_searchText_idx',
    },
    {
      title: 'before: sort by name without the name index',
      query: 'tri=nom',
      dropIndex: 'Dossier_sessionId_nameKey_id_idx',
    },
  ]
  for (const { title, query, dropIndex, strategy } of comparisons) {
    const { sql, values } = await pageQuery(db, query, strategy)
    out.push({ title: `${title} (\`${query}\`)`, lines: await explain(url, sql, values, dropIndex) })
  }
  return out
}

// ---------------------------------------------------------------------------------------------

function markdown(results: SizeResult[], planList: Plan[]): string {
  const big = results.at(-1)!
  const small = results[0]!
  const rows = (['list', 'filter', 'search'] as const).map((category) => {
    const cells = results.map(
      (result) =>
        `${ms(categoryP95(result.scenarios, category, 'http'))} / ${ms(categoryP95(result.scenarios, category, 'inProcess'))}`,
    )
    const httpRatio =
      categoryP95(big.scenarios, category, 'http') / categoryP95(small.scenarios, category, 'http')
    const dataRatio =
      categoryP95(big.scenarios, category, 'inProcess') / categoryP95(small.scenarios, category, 'inProcess')
    return `| ${category} | ${cells.join(' | ')} | ${ratio(httpRatio)} / ${ratio(dataRatio)} |`
  })
  const detail = big.scenarios.map((scenario, index) => {
    const at1k = small.scenarios[index]!
    return `| ${scenario.category} | ${scenario.name} | ${ms(percentile(at1k.http, 95))} | ${ms(percentile(scenario.http, 95))} | ${ms(percentile(at1k.inProcess, 95))} | ${ms(percentile(scenario.inProcess, 95))} |`
  })
  return [
    `p95 of GET /admin/dossiers (signed-in staff, \`next start\`, ${HTTP_RUNS} requests per scenario, one at a ` +
      `time) / p95 of the page's data functions called in-process (${IN_PROCESS_RUNS} runs per scenario), ` +
      `over every scenario of a category:`,
    '',
    `| | ${results.map((result) => `${result.size.toLocaleString('en')} dossiers`).join(' | ')} | ${big.size.toLocaleString('en')} / ${small.size.toLocaleString('en')} |`,
    `| --- | ${results.map(() => '---').join(' | ')} | --- |`,
    ...rows,
    '',
    `Each scenario (p95):`,
    '',
    `| | Scenario | HTTP ${small.size.toLocaleString('en')} | HTTP ${big.size.toLocaleString('en')} | data ${small.size.toLocaleString('en')} | data ${big.size.toLocaleString('en')} |`,
    '| --- | --- | --- | --- | --- | --- |',
    ...detail,
    '',
    `Query plans at ${big.size.toLocaleString('en')} dossiers (the page query of the three slowest scenarios, ` +
      'the status counts, and two plans as they were before the indexes that serve them):',
    '',
    ...planList.flatMap((plan) => [
      `<details><summary>${plan.title}</summary>`,
      '',
      '```',
      ...plan.lines,
      '```',
      '',
      '</details>',
      '',
    ]),
  ].join('\n')
}

export const benchmark: Benchmark = {
  id: 'dossier-list',
  title: 'Staff dossier list at 1,000 / 10,000 / 100,000 dossiers',
  run: async () => {
    try {
      const results = await measureAll(SIZES)
      const planList = await plans(results.at(-1)!)
      const big = results.at(-1)!
      const small = results[0]!
      const budgets: Budget[] = (['list', 'filter', 'search'] as const).flatMap((category) => {
        const p95 = categoryP95(big.scenarios, category, 'http')
        const growth = p95 / categoryP95(small.scenarios, category, 'http')
        return [
          {
            name: `${category}: p95 of the page at 100,000 dossiers`,
            target: '≤ 100 ms',
            measured: ms(p95),
            met: p95 <= 100,
          },
          {
            name: `${category}: p95 at 100,000 / p95 at 1,000`,
            target: '≤ 1.5×',
            measured: ratio(growth),
            met: growth <= 1.5,
          },
        ]
      })
      return { markdown: markdown(results, planList), budgets }
    } finally {
      await disconnectAppClients()
    }
  },
}
