// Fills a session with realistic submitted dossiers, fast, for benchmarks and staff-area tests.
//
//   npx tsx --conditions=react-server scripts/dev/generate-dossiers.ts 100000 [--session 2026-2027] [--seed 42]
//
// uses DATABASE_URL, or the embedded server (EMBEDDED_DB_DIR, EMBEDDED_DB_PORT) like the other
// commands, and seeds the programme first if the database is empty. It refuses a database that is
// not on this machine: the dossiers look real but are invented (reserved example.* e-mail domains).
//
// Rows go in with one multi-row INSERT … SELECT FROM unnest(arrays) per table and batch (about
// 50 s for 100,000 dossiers on the shared development machine); dossiers get their draft, UEs and
// first audit event, but no pieces (the staff list does not read them).
import { randomBytes, randomUUID } from 'node:crypto'
import { pathToFileURL } from 'node:url'
import { toIsoDate } from '../../lib/domain/dates'
import { registrationFees } from '../../lib/domain/fees'
import type { TariffCategory } from '../../lib/domain/programme'
import { registrationSemester } from '../../lib/domain/ue-choice'
import { formatReference, type StoredDossierStatus } from '../../lib/domain/workflow'
import type { PrismaClient } from '../../lib/generated/prisma/client'

export type GenerateDossiersOptions = {
  count: number
  /** Default: the newest session open for registration. */
  sessionId?: string
  /** Same seed, same dossiers (apart from ids and references). */
  seed?: number
  /**
   * Submission instants are spread uniformly over this range (default: the 120 days before now
   * for an open session, June to March of its year for an archived one).
   */
  submittedBetween?: { from: Date; to: Date }
  /** Every dossier gets this status (default: a realistic spread over the workflow). */
  status?: StoredDossierStatus
  batchSize?: number
}

export type GenerateDossiersReport = { count: number; sessionId: string; firstReference: string | null }

const SURNAMES = [
  'Hoarau',
  'Payet',
  'Grondin',
  'Rivière',
  'Fontaine',
  'Técher',
  'Boyer',
  'Maillot',
  'Lebon',
  'Dijoux',
  'Nativel',
  'Turpin',
  'Lauret',
  'Morel',
  'Hoareau',
  'Éthève',
  'Clain',
  'Damour',
  'Bègue',
  'Cadet',
  'Gonthier',
  'Mussard',
  'Baillif',
  'Lallemand',
  'Sautron',
  'Lebreton',
  'Picard',
  'Vitry',
  'Ah-Hot',
  'Ah-Thion',
  'Pounoussamy',
  'Moutoussamy',
  'Ramassamy',
  'Virapin',
  'Ismaël',
  'Chane-Kane',
  'Law-Lin',
  'Robert',
  'Huet',
  'Sinama',
  'Féliciane',
  'de Villèle',
  'Gauvin',
  'Mondon',
  'Ethève',
  'Thiaw-Wing-Kaï',
]

const WOMEN = [
  'Marie-Claire',
  'Héloïse',
  'Anaïs',
  'Océane',
  'Maëlys',
  'Nathalie',
  'Stéphanie',
  'Émilie',
  'Cindy',
  'Johanna',
  'Laetitia',
  'Gaëlle',
  'Marie-Josée',
  'Rose-May',
  'Sandrine',
  'Jessica',
  'Chloé',
  'Inès',
]

const MEN = [
  'Jean-Luc',
  'Noé',
  'Clément',
  'Kévin',
  'Jérémy',
  'Loïc',
  'Sébastien',
  'Mickaël',
  'Grégory',
  'Ludovic',
  'Fabrice',
  'Yannick',
  'Wilfried',
  'Jean-Marc',
  'Teddy',
  'Jimmy',
  'Dimitri',
  'Mathéo',
]

const TOWNS: Array<[string, string]> = [
  ['97400', 'Saint-Denis'],
  ['97410', 'Saint-Pierre'],
  ['97420', 'Le Port'],
  ['97430', 'Le Tampon'],
  ['97440', 'Saint-André'],
  ['97450', 'Saint-Louis'],
  ['97460', 'Saint-Paul'],
  ['97470', 'Saint-Benoît'],
  ['97490', 'Sainte-Clotilde'],
]

const STATUS_WEIGHTS: Array<[StoredDossierStatus, number]> = [
  ['SUBMITTED', 20],
  ['UNDER_REVIEW', 15],
  ['INCOMPLETE', 15],
  ['COMPLETE', 12],
  ['ACCEPTED', 25],
  ['REFUSED', 5],
  ['WITHDRAWN', 5],
  ['CLOSED', 3],
]

const CATEGORY_WEIGHTS: Array<[TariffCategory, number]> = [
  ['INDIVIDUAL', 40],
  ['JOB_SEEKER', 35],
  ['EMPLOYER_FUNDED', 25],
]

/** mulberry32: small, fast and good enough for test data. */
function randomSource(seed: number) {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1))
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!
  const weighted = <T>(items: ReadonlyArray<[T, number]>): T => {
    const total = items.reduce((sum, [, weight]) => sum + weight, 0)
    let roll = next() * total
    for (const [item, weight] of items) {
      roll -= weight
      if (roll < 0) return item
    }
    return items[items.length - 1]![0]
  }
  return { next, int, pick, weighted }
}

function asciiSlug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
}

/**
 * Inserts `count` submitted dossiers into a session (run the seed first). Returns the session and
 * the first reference made. References are taken from the session's counter, so dossiers
 * submitted afterwards through the portal do not collide with them.
 */
export async function generateDossiers(
  db: PrismaClient,
  options: GenerateDossiersOptions,
): Promise<GenerateDossiersReport> {
  // Loaded here, not at the top: they read the configuration, which the command line sets first.
  const { getRegistrationContext } = await import('../../lib/server/registration/registration-context')
  const { searchTextOf } = await import('../../lib/server/registration/submit-draft')

  const session = options.sessionId
    ? await db.academicSession.findUniqueOrThrow({ where: { id: options.sessionId }, select: { id: true } })
    : await db.academicSession.findFirstOrThrow({
        where: { registrationOpen: true },
        orderBy: { startYear: 'desc' },
        select: { id: true },
      })
  const context = await getRegistrationContext({ sessionId: session.id })
  if (!context) throw new Error(`Session ${session.id} not found`)
  const count = Math.max(0, Math.floor(options.count))
  if (count === 0) return { count: 0, sessionId: session.id, firstReference: null }

  const random = randomSource(options.seed ?? 2026)
  // An open session receives dossiers now; an archived one received them during its own year.
  const { startYear } = context.session
  const to =
    options.submittedBetween?.to ??
    (context.session.registrationOpen ? new Date() : new Date(`${startYear + 1}-03-31T12:00:00Z`))
  const from =
    options.submittedBetween?.from ??
    (context.session.registrationOpen
      ? new Date(to.getTime() - 120 * 86_400_000)
      : new Date(`${startYear}-06-01T08:00:00Z`))
  const courses = context.session.ues.filter((ue) => ue.kind === 'COURSE')
  const reports = context.session.ues.filter((ue) => ue.kind !== 'COURSE')
  const ueIds = new Map(
    (
      await db.ue.findMany({ where: { programmeId: context.programmeId }, select: { id: true, code: true } })
    ).map((ue) => [ue.code, ue.id]),
  )

  const prefix = `${context.programme.code}-${context.session.startYear}`
  const [counter] = await db.$queryRaw<Array<{ lastValue: number }>>`
    INSERT INTO "ReferenceCounter" (prefix, "lastValue") VALUES (${prefix}, ${count})
    ON CONFLICT (prefix) DO UPDATE SET "lastValue" = "ReferenceCounter"."lastValue" + ${count}
    RETURNING "lastValue"`
  const firstCounter = counter!.lastValue - count + 1
  const batchSize = options.batchSize ?? 2000

  for (let start = 0; start < count; start += batchSize) {
    const size = Math.min(batchSize, count - start)
    const dossiers: Array<Record<string, unknown>> = []
    const ues: Array<{ dossierId: string; ueId: string; semester: number | null; foad: boolean }> = []
    for (let index = 0; index < size; index += 1) {
      const id = randomUUID()
      const reference = formatReference(
        context.programme.code,
        context.session.startYear,
        firstCounter + start + index,
      )
      const woman = random.next() < 0.72
      const civility = woman ? 'MADAME' : 'MONSIEUR'
      const birthName = random.pick(SURNAMES)
      const usageName = woman && random.next() < 0.3 ? random.pick(SURNAMES) : null
      const firstNames =
        random.next() < 0.15
          ? `${random.pick(woman ? WOMEN : MEN)} ${random.pick(woman ? WOMEN : MEN)}`
          : random.pick(woman ? WOMEN : MEN)
      const email = `${asciiSlug(firstNames.split(' ')[0]!)}.${asciiSlug(usageName ?? birthName)}${random.int(1, 999)}@${random.pick(['example.com', 'example.org', 'example.net'])}`
      const phone = `+262${random.pick(['692', '693', '262'])}${String(random.int(0, 999_999)).padStart(6, '0')}`
      const category = random.weighted(CATEGORY_WEIGHTS)
      const status = options.status ?? random.weighted(STATUS_WEIGHTS)
      const submittedAt = new Date(
        from.getTime() + Math.floor(random.next() * (to.getTime() - from.getTime())),
      )
      const birthDate = toIsoDate(
        new Date(Date.UTC(random.int(1965, 2004), random.int(0, 11), random.int(1, 28))),
      )
      const [postcode, town] = random.pick(TOWNS)

      const chosen = new Map<string, { code: string; foad: boolean }>()
      const wanted = random.int(1, 4)
      while (chosen.size < Math.min(wanted, courses.length)) {
        const ue = random.pick(courses)
        chosen.set(ue.code, { code: ue.code, foad: ue.foadAvailable && random.next() < 0.1 })
      }
      if (reports.length > 0 && random.next() < 0.05) {
        const report = random.pick(reports)
        chosen.set(report.code, { code: report.code, foad: false })
      }
      const picks = [...chosen.values()]
      const firstRegistration = random.next() < 0.7
      const situation = {
        category,
        employmentStatus: category === 'JOB_SEEKER' ? 'JOB_SEEKER' : 'EMPLOYED',
        employer:
          category === 'JOB_SEEKER'
            ? null
            : { name: 'Employeur', address: town, contactName: 'RH', contactPhone: null, contactEmail: null },
        employerCertificateSigned: category === 'EMPLOYER_FUNDED' ? true : null,
        jobSeekerId: category === 'JOB_SEEKER' ? `${random.int(1_000_000, 9_999_999)}A` : null,
        highestDiploma: 'BAC',
        diplomaTitle: null,
        accessRoute: 'BAC_LEVEL',
        firstRegistration,
        baseFeeAlreadyPaid: !firstRegistration && random.next() < 0.5,
      }
      const { fees } = registrationFees(context.session, { situation, ue: { ues: picks } })
      const answers = {
        identite: {
          civility,
          birthName,
          usageName,
          firstNames,
          birthDate,
          birthPlace: town,
          birthCountry: 'France',
          nationality: 'Française',
          // Not a valid NIR on purpose: generated people must not look like anybody's number.
          nir: '000000000000000',
        },
        coordonnees: {
          addressLine1: `${random.int(1, 120)} rue des Flamboyants`,
          addressLine2: null,
          postcode,
          town,
          phone,
          email,
        },
        situation,
        acquis: { obtained: [], earlyExperienceReview: false },
        ue: { ues: picks, experienceMonths: null, experienceInField: null },
      }
      dossiers.push({
        id,
        reference,
        draftId: randomUUID(),
        draftTokenHash: randomBytes(32).toString('hex'),
        accessTokenHash: randomBytes(32).toString('hex'),
        status,
        civility,
        birthName,
        usageName,
        firstNames,
        birthDate,
        email,
        phone,
        category,
        searchText: searchTextOf([reference, birthName, usageName, firstNames, email]),
        answers: JSON.stringify(answers),
        feeLines: JSON.stringify(fees.lines),
        totalCents: fees.totalCents,
        firstRegistration,
        submittedAt,
      })
      for (const pick of picks) {
        const ue = context.session.ues.find((candidate) => candidate.code === pick.code)!
        ues.push({
          dossierId: id,
          ueId: ueIds.get(pick.code)!,
          semester: registrationSemester(ue),
          foad: pick.foad,
        })
      }
    }
    await insertBatch(db, session.id, dossiers, ues)
  }
  return {
    count,
    sessionId: session.id,
    firstReference: formatReference(context.programme.code, context.session.startYear, firstCounter),
  }
}

function column<T>(rows: Array<Record<string, unknown>>, key: string): T[] {
  return rows.map((row) => row[key] as T)
}

async function insertBatch(
  db: PrismaClient,
  sessionId: string,
  rows: Array<Record<string, unknown>>,
  ues: Array<{ dossierId: string; ueId: string; semester: number | null; foad: boolean }>,
): Promise<void> {
  // Prisma keeps instants as UTC wall-clock time in `timestamp(3)` columns: a cast to timestamp
  // drops the Z of the ISO string and keeps that UTC time, whatever the server's TimeZone.
  const submittedAt = column<Date>(rows, 'submittedAt').map((date) => date.toISOString())
  await db.$transaction([
    db.$executeRaw`
      INSERT INTO "Draft" (id, "sessionId", "tokenHash", "completedSteps", "createdAt", "updatedAt", "expiresAt", "submittedAt")
      SELECT id, ${sessionId}::uuid, "tokenHash", '{}', at, at, at + interval '30 days', at
      FROM unnest(${column<string>(rows, 'draftId')}::uuid[], ${column<string>(rows, 'draftTokenHash')}::text[],
                  ${submittedAt}::timestamp[]) AS t(id, "tokenHash", at)`,
    db.$executeRaw`
      INSERT INTO "Dossier" (id, reference, "sessionId", "draftId", "accessTokenHash", status, civility, "birthName",
        "usageName", "firstNames", "birthDate", email, phone, category, "searchText", answers, "feeLines", "totalCents",
        "firstRegistration", "consentGivenAt", "privacyNoticeVersion", "submittedAt", "updatedAt")
      SELECT id, reference, ${sessionId}::uuid, "draftId", "accessTokenHash", status::"DossierStatus",
        civility::"Civility", "birthName", "usageName", "firstNames", "birthDate", email, phone,
        category::"TariffCategory", "searchText", answers, "feeLines", "totalCents", "firstRegistration", at,
        'generated', at, at
      FROM unnest(
        ${column<string>(rows, 'id')}::uuid[], ${column<string>(rows, 'reference')}::text[],
        ${column<string>(rows, 'draftId')}::uuid[], ${column<string>(rows, 'accessTokenHash')}::text[],
        ${column<string>(rows, 'status')}::text[], ${column<string>(rows, 'civility')}::text[],
        ${column<string>(rows, 'birthName')}::text[], ${column<string | null>(rows, 'usageName')}::text[],
        ${column<string>(rows, 'firstNames')}::text[], ${column<string>(rows, 'birthDate')}::date[],
        ${column<string>(rows, 'email')}::text[], ${column<string>(rows, 'phone')}::text[],
        ${column<string>(rows, 'category')}::text[], ${column<string>(rows, 'searchText')}::text[],
        ${column<string>(rows, 'answers')}::jsonb[], ${column<string>(rows, 'feeLines')}::jsonb[],
        ${column<number>(rows, 'totalCents')}::int[], ${column<boolean>(rows, 'firstRegistration')}::boolean[],
        ${submittedAt}::timestamp[]
      ) AS t(id, reference, "draftId", "accessTokenHash", status, civility, "birthName", "usageName", "firstNames",
             "birthDate", email, phone, category, "searchText", answers, "feeLines", "totalCents", "firstRegistration", at)`,
    db.$executeRaw`
      INSERT INTO "DossierUe" ("dossierId", "ueId", semester, foad)
      SELECT * FROM unnest(${ues.map((ue) => ue.dossierId)}::uuid[], ${ues.map((ue) => ue.ueId)}::uuid[],
                           ${ues.map((ue) => ue.semester)}::int[], ${ues.map((ue) => ue.foad)}::boolean[])`,
    db.$executeRaw`
      INSERT INTO "AuditEvent" (id, "dossierId", "actorType", action, "toStatus", "createdAt")
      SELECT gen_random_uuid(), id, 'APPLICANT', 'SUBMIT', 'SUBMITTED', at
      FROM unnest(${column<string>(rows, 'id')}::uuid[], ${submittedAt}::timestamp[]) AS t(id, at)`,
  ])
}

// Command line.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2)
  const flag = (name: string) => {
    const index = args.indexOf(`--${name}`)
    return index >= 0 ? args[index + 1] : undefined
  }
  const count = Number(args.find((arg) => /^\d+$/.test(arg)) ?? 1000)
  const target = process.env.DATABASE_URL
  if (target && !['localhost', '127.0.0.1', '[::1]', ''].includes(new URL(target).hostname)) {
    console.error(
      'generate-dossiers: DATABASE_URL is not a local database; refusing to fill it with invented dossiers.',
    )
    process.exit(2)
  }
  const { withAppDatabase } = await import('../lib/with-app-database')
  await withAppDatabase(async () => {
    const { getDb } = await import('../../lib/server/db')
    const { seed } = await import('../../prisma/seed')
    const db = getDb()
    await seed(db)
    const label = flag('session')
    const sessionId = label
      ? (await db.academicSession.findFirstOrThrow({ where: { label }, select: { id: true } })).id
      : undefined
    const started = performance.now()
    const report = await generateDossiers(db, { count, sessionId, seed: Number(flag('seed') ?? 2026) })
    await db.$executeRawUnsafe('ANALYZE "Dossier"')
    await db.$executeRawUnsafe('ANALYZE "DossierUe"')
    console.log(
      `Generated ${report.count} dossier(s) from ${report.firstReference} in ${Math.round(performance.now() - started)} ms.`,
    )
  })
}
