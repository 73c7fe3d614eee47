// What Prisma 7's query compilation costs us (issue 6, item 7). Prisma 7's client has no Rust
// query engine: each query is compiled to a plan by a WebAssembly query compiler, and the plan is
// kept in an LRU cache keyed by the query's shape with its values taken out as placeholders (1,000
// plans by default; `new PrismaClient({ queryPlanCacheMaxSize: 0 })` turns it off; see
// node_modules/@prisma/client/runtime/client.js: `queryPlanCacheMaxSize===0?void 0:new …`, and the
// type's documentation). Raw queries ($queryRaw) skip the compiler, cache or not.
//
// Two clients on the same database (10,000 generated dossiers, shared with the dossier-list
// benchmark), one with the cache and one without, run the same queries in alternation, each with
// different values every time (another dossier), so that only the plan can be reused. The
// difference of the medians is the cost of compiling a plan.
import type { PrismaClient } from '../lib/generated/prisma/client'
import type { StaffActor } from '../lib/server/auth/staff-session'
import { appClient, disconnectAppClients, dossierDatabase, pointAppAt } from './lib/dossier-databases'
import { log, median, ms, percentile } from './lib/harness'
import type { Benchmark } from './lib/report'

const SIZE = 10_000
const ROUNDS = 300
const WARMUP = 20

const ACTOR: StaffActor = {
  userId: '00000000-0000-4000-8000-000000000000',
  sessionId: '00000000-0000-4000-8000-000000000000',
  email: 'bench@bench.cnam.re',
  name: 'Bench',
  role: 'GESTIONNAIRE',
  totpEnabled: false,
}

type Query = { name: string; note: string; run: (db: PrismaClient, round: number) => Promise<unknown> }

export const benchmark: Benchmark = {
  id: 'query-plan-cache',
  title: 'Prisma query plan cache on and off',
  run: async () => {
    try {
      const url = await dossierDatabase(SIZE)
      const cached = appClient(url)
      const uncached = appClient(url, { queryPlanCacheMaxSize: 0 })
      const { dossierInclude } = await import('../lib/server/dossiers/dossier-include')
      const { parseDossierFilters } = await import('../lib/schemas/dossier-filters')
      const { listDossiers } = await import('../lib/server/admin/dossiers/list-dossiers')
      const { countDossiersByStatus } = await import('../lib/server/admin/dossiers/count-dossiers-by-status')
      const ids = (await cached.dossier.findMany({ select: { id: true }, orderBy: { id: 'asc' } })).map(
        (row) => row.id,
      )
      const session = await cached.academicSession.findFirstOrThrow({
        where: { registrationOpen: true },
        select: { id: true },
      })
      const statuses = ['SUBMITTED', 'UNDER_REVIEW', 'INCOMPLETE', 'COMPLETE', 'ACCEPTED'] as const
      const idOf = (round: number) => ids[(round * 7919) % ids.length]!

      const queries: Query[] = [
        {
          name: 'find by id, raw SQL (no compilation: the floor)',
          note: '`$queryRaw` SELECT of the same columns',
          run: (db, round) =>
            db.$queryRaw`SELECT id, reference, status, "birthName", "firstNames", email FROM "Dossier" WHERE id = ${idOf(round)}::uuid`,
        },
        {
          name: 'find by id',
          note: '`dossier.findUnique({ where: { id }, select: 6 columns })`',
          run: (db, round) =>
            db.dossier.findUnique({
              where: { id: idOf(round) },
              select: {
                id: true,
                reference: true,
                status: true,
                birthName: true,
                firstNames: true,
                email: true,
              },
            }),
        },
        {
          name: 'find by id with its relations',
          note: '`dossier.findUnique({ where: { id }, include: dossierInclude })`, what the dossier pages read',
          run: (db, round) => db.dossier.findUnique({ where: { id: idOf(round) }, include: dossierInclude }),
        },
        {
          name: 'list query, written with Prisma',
          note: '`dossier.findMany` of a status, newest first, 26 rows with their UE codes',
          run: (db, round) =>
            db.dossier.findMany({
              where: { sessionId: session.id, status: statuses[round % statuses.length] },
              orderBy: [{ submittedAt: 'desc' }, { id: 'desc' }],
              take: 26,
              select: {
                id: true,
                reference: true,
                status: true,
                civility: true,
                birthName: true,
                usageName: true,
                firstNames: true,
                email: true,
                phone: true,
                category: true,
                totalCents: true,
                submittedAt: true,
                ues: { select: { semester: true, ue: { select: { code: true } } } },
              },
            }),
        },
        {
          name: 'the staff list\u2019s data (listDossiers + countDossiersByStatus)',
          note: 'the page\u2019s functions: Prisma for the session and the counts, raw SQL for the rows',
          run: async (db, round) => {
            pointAppAt(db, url)
            const filters = parseDossierFilters(
              new URLSearchParams(`statut=${statuses[round % statuses.length]}`),
            )
            await Promise.all([
              listDossiers({ actor: ACTOR, filters }),
              countDossiersByStatus({ actor: ACTOR, sessionId: session.id }),
            ])
          },
        },
      ]

      const rows: string[] = []
      let listCost = 0
      let findCost = 0
      for (const query of queries) {
        const on: number[] = []
        const off: number[] = []
        for (let round = -WARMUP; round < ROUNDS; round += 1) {
          // Alternating, and starting with either in turn, so that both see the same machine.
          for (const [db, samples] of round % 2 === 0
            ? ([
                [cached, on],
                [uncached, off],
              ] as const)
            : ([
                [uncached, off],
                [cached, on],
              ] as const)) {
            const started = performance.now()
            await query.run(db, round + WARMUP)
            if (round >= 0) samples.push(performance.now() - started)
          }
        }
        const cost = median(off) - median(on)
        if (query.name === 'find by id') findCost = cost
        if (query.name.startsWith('list query')) listCost = cost
        log(`${query.name}: ${ms(median(on))} cached, ${ms(median(off))} uncached`)
        rows.push(
          `| ${query.name} | ${ms(median(on))} | ${ms(percentile(on, 95))} | ${ms(median(off))} | ` +
            `${ms(percentile(off, 95))} | ${ms(cost)} | ${query.note} |`,
        )
      }
      const markdown = [
        `${ROUNDS} runs of each query with the plan cache on (the default: 1,000 plans) and off ` +
          `(\`queryPlanCacheMaxSize: 0\`), alternated, on ${SIZE.toLocaleString('en')} dossiers; each run ` +
          'with other values (another dossier, another status). Compilation = median off − median on.',
        '',
        '| Query | Median, cache on | p95, cache on | Median, cache off | p95, cache off | Compilation | What runs |',
        '| --- | --- | --- | --- | --- | --- | --- |',
        ...rows,
        '',
        `Compiling a plan costs about ${ms(findCost)} for a find by id and ${ms(listCost)} for the list ` +
          'query written with Prisma; the cache, on by default, pays it once per query shape. The staff ' +
          'list\u2019s rows are raw SQL, which Prisma does not compile.',
      ].join('\n')
      return { markdown, budgets: [] }
    } finally {
      await disconnectAppClients()
    }
  },
}
