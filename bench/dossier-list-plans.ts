// Query plans and timings of the staff dossier list and its export, on a database filled by
// scripts/dev/generate-dossiers.ts (100,000 dossiers in the open session is the case we size for,
// plus some in an archived session):
//
//   export DATABASE_URL=postgresql://…/bench
//   npx tsx --conditions=react-server scripts/dev/generate-dossiers.ts 100000
//   npx tsx --conditions=react-server scripts/dev/generate-dossiers.ts 20000 --session 2010-2011
//   npx tsx --conditions=react-server bench/dossier-list-plans.ts [--plans]
//
// Prints, per scenario, the median of 7 runs of what the page does for its rows (filters resolved,
// then one page query) and, with --plans, the page query's EXPLAIN (ANALYZE, BUFFERS). Timing
// lives here, never in a test that could fail on a slow machine.
import { withAppDatabase } from '../scripts/lib/with-app-database'

const showPlans = process.argv.includes('--plans')

type Scenario = {
  name: string
  /** The page's search params. */
  query: string
  archived?: boolean
  limit?: number
  /** Start after (or before) the row at this position of the same list. */
  after?: number
  before?: number
}

await withAppDatabase(async () => {
  const { Prisma } = await import('../lib/generated/prisma/client')
  const { getDb } = await import('../lib/server/db')
  const { parseDossierFilters } = await import('../lib/schemas/dossier-filters')
  const { dossierPageSql, resolveDossierFilters, selectDossierPage } =
    await import('../lib/server/admin/dossiers/dossier-list-query')
  const db = getDb()

  const open = await db.academicSession.findFirstOrThrow({
    where: { registrationOpen: true },
    orderBy: { startYear: 'desc' },
    select: { id: true },
  })
  // An older session, when the generator filled one too: its rows sit behind the open session's
  // in any index that does not start with the session.
  const archived = await db.academicSession.findFirst({
    where: { registrationOpen: false, dossiers: { some: {} } },
    orderBy: { startYear: 'asc' },
    select: { id: true },
  })
  const openCount = await db.dossier.count({ where: { sessionId: open.id } })
  const archivedCount = archived ? await db.dossier.count({ where: { sessionId: archived.id } }) : 0
  console.log(`${openCount} dossiers in the open session, ${archivedCount} in an archived one\n`)
  const some = await db.dossier.findFirstOrThrow({
    where: { sessionId: open.id },
    select: { reference: true },
    orderBy: { id: 'asc' },
  })

  const scenarios: Scenario[] = [
    { name: 'page 1, newest first', query: '' },
    { name: 'after row 50,000, newest first', query: '', after: 50_000 },
    { name: 'before row 50,000 (previous page)', query: '', before: 50_000 },
    { name: 'status INCOMPLETE', query: 'statut=INCOMPLETE' },
    { name: 'status CLOSED, oldest first', query: 'statut=CLOSED&ordre=asc' },
    { name: 'complete (COMPLETE or ACCEPTED)', query: 'completude=complet' },
    { name: 'category JOB_SEEKER', query: 'categorie=JOB_SEEKER' },
    { name: 'UE AST005', query: 'ue=AST005' },
    { name: 'UE UA000S (2.5 % of dossiers)', query: 'ue=UA000S' },
    { name: 'UE UA0003 in semester 1 (impossible: no SQL)', query: 'ue=UA0003&semestre=1' },
    { name: 'semester 1', query: 'semestre=1' },
    { name: 'semester 2', query: 'semestre=2' },
    { name: 'one week of submissions', query: 'du=2026-10-01&au=2026-10-07' },
    { name: 'search "hoarau" (common)', query: 'q=hoarau' },
    { name: 'search "Héloïse Éthève"', query: `q=${encodeURIComponent('Héloïse Éthève')}` },
    { name: `search a reference (${some.reference})`, query: `q=${some.reference}` },
    { name: 'search a partial e-mail "noe.damour"', query: 'q=noe.damour' },
    { name: 'search "zq" (2 letters, no match)', query: 'q=zq' },
    { name: 'search "example" (every dossier matches)', query: 'q=example' },
    { name: 'search "marie", by name, after row 1,000', query: 'q=marie&tri=nom', after: 1000 },
    { name: 'search "zzzz" (no match)', query: 'q=zzzz' },
    { name: 'sort by name, page 1', query: 'tri=nom' },
    { name: 'sort by name, after row 50,000', query: 'tri=nom', after: 50_000 },
    { name: 'sort by name, Z to A', query: 'tri=nom&ordre=desc' },
    { name: 'sort by reference, after row 80,000', query: 'tri=reference', after: 80_000 },
    {
      name: 'status + category + UE + search "payet"',
      query: 'statut=SUBMITTED&categorie=INDIVIDUAL&ue=TET099&q=payet',
    },
    { name: 'export batch of 1,000 after row 50,000', query: '', limit: 1000, after: 50_000 },
    { name: 'archived session, page 1, newest first', query: '', archived: true },
    { name: 'archived session, sort by name', query: 'tri=nom', archived: true },
  ]

  async function time(run: () => Promise<unknown>): Promise<number> {
    const samples: number[] = []
    for (let index = 0; index < 7; index += 1) {
      const started = performance.now()
      await run()
      samples.push(performance.now() - started)
    }
    return samples.sort((a, b) => a - b)[3]!
  }

  for (const scenario of scenarios) {
    if (scenario.archived && !archived) continue
    const sessionId = scenario.archived ? archived!.id : open.id
    const filters = parseDossierFilters(new URLSearchParams(scenario.query))
    const limit = scenario.limit ?? 26
    const position = scenario.after ?? scenario.before
    let cursor: string | undefined
    if (position !== undefined) {
      // The row at that position, found the slow way (OFFSET) once, to start a deep page from.
      const resolved = await resolveDossierFilters(db, filters, sessionId)
      const rows = await db.$queryRaw<Array<{ id: string }>>(
        Prisma.sql`SELECT id FROM (${dossierPageSql({ filters: resolved, limit: position + 1 })}) page OFFSET ${position}`,
      )
      cursor = rows[0]!.id
    }
    const page = {
      limit,
      after: scenario.after !== undefined ? cursor : null,
      before: scenario.before !== undefined ? cursor : null,
    }
    const median = await time(async () =>
      selectDossierPage(db, { filters: await resolveDossierFilters(db, filters, sessionId), ...page }),
    )
    console.log(`${median.toFixed(1).padStart(8)} ms  ${scenario.name}`)
    const resolved = await resolveDossierFilters(db, filters, sessionId)
    if (showPlans && resolved.ueIds?.length !== 0) {
      const plan = await db.$queryRaw<Array<{ 'QUERY PLAN': string }>>(
        Prisma.sql`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${dossierPageSql({ filters: resolved, ...page })}`,
      )
      process.stdout.write(`${plan.map((line) => `            ${line['QUERY PLAN']}`).join('\n')}\n\n`)
    }
  }
  const countsMedian = await time(() =>
    db.dossier.groupBy({ by: ['status'], where: { sessionId: open.id }, _count: { _all: true } }),
  )
  console.log(`${countsMedian.toFixed(1).padStart(8)} ms  counts per status (open session)`)
})
