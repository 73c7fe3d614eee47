import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { buttonClass } from '@/components/ui/button'
import { BulletList, Paragraphs, Section } from '@/components/ui/section'
import { CentreCard } from '@/components/programme/centre-card'
import { FeeSimulator } from '@/components/programme/fee-simulator'
import { FeeTable } from '@/components/programme/fee-table'
import { PiecesList } from '@/components/programme/pieces-list'
import { SessionCalendar } from '@/components/programme/session-calendar'
import { UeTables } from '@/components/programme/ue-table'
import { todayIn } from '@/lib/domain/dates'
import { dataUpdateNotice, openSemesters } from '@/lib/domain/session'
import { formatDate, formatPeriod, withDe } from '@/lib/format'
import { getProgrammePage } from '@/lib/server/programme/get-programme-page'
import { HOME_PROGRAMME_CODE } from '@/lib/site'
import { programmeStructuredData } from '@/lib/structured-data'

// Rendered on the server and cached: the database is read at most once an hour (so that past
// deadlines show as past), or when staff change the programme (revalidateProgrammePages).
export const revalidate = 3600

const SECTIONS = [
  ['formation', 'La formation'],
  ['ue', 'Les unités d’enseignement'],
  ['calendrier', 'Calendrier'],
  ['frais', 'Frais de formation'],
  ['inscription', 'Procédure d’inscription'],
  ['delivrance', 'Délivrance du diplôme'],
  ['debouches', 'Débouchés'],
  ['resiliation', 'Clause de résiliation'],
  ['contacts', 'Contacts'],
] as const

export async function generateMetadata(): Promise<Metadata> {
  const page = await getProgrammePage({ programmeCode: HOME_PROGRAMME_CODE })
  if (!page) return {}
  const { programme, session } = page
  const title = `${programme.title} (${programme.code}) — session ${session.label}`
  const description = `${programme.diplomaKind} de niveau ${programme.level}, ${programme.ects} crédits ECTS, au Cnam de La Réunion : unités d’enseignement, calendrier, frais, pièces à fournir et inscription en ligne.`
  return { title, description, openGraph: { title, description, type: 'website', locale: 'fr_FR' } }
}

export default async function ProgrammePage() {
  const page = await getProgrammePage({ programmeCode: HOME_PROGRAMME_CODE })
  if (!page) notFound()
  const { programme, session, origin, centres } = page
  const today = todayIn(new Date())
  const open = openSemesters(session, today)
  const structuredData = programmeStructuredData({ programme, session, centres, today, url: '/' })
  const simulatorGroups = session.periods
    .map((period) => ({
      label: formatPeriod(period),
      ues: session.ues.filter((ue) => ue.periodKind === period.kind),
    }))
    .filter((group) => group.ues.length > 0)

  return (
    <>
      <script
        type="application/ld+json"
        // JSON.stringify output with "<" escaped cannot close the script element.
        dangerouslySetInnerHTML={{ __html: JSON.stringify(structuredData).replace(/</g, '\\u003c') }}
      />
      <div className="bg-surface">
        <div className="mx-auto max-w-6xl px-4 py-6 sm:px-6 sm:py-14">
          <p className="text-sm font-semibold tracking-wide text-accent uppercase">
            {programme.department} · {programme.diplomaKind} de niveau {programme.level} · Code{' '}
            {programme.code}
          </p>
          <h1 className="mt-2 max-w-4xl text-3xl font-bold sm:mt-3 sm:text-5xl">{programme.title}</h1>
          {/* The kicker and the title already name the diploma (the brochure's validation text repeats
              the title): what is left is its credits and its registration. */}
          <p className="mt-3 max-w-3xl text-muted sm:mt-4 sm:text-lg">
            {programme.ects} crédits ECTS. Enregistré au Répertoire national des certifications
            professionnelles (RNCP) pour {programme.rncpRegistrationYears} ans : arrêté du{' '}
            {formatDate(programme.rncpDecreeOn)} publié au Journal officiel du{' '}
            {formatDate(programme.rncpPublishedOn)}.
          </p>
          <div className="no-print mt-5 flex flex-wrap gap-3 sm:mt-8">
            {open.length > 0 ? (
              <Link href="/inscription" className={buttonClass('primary')}>
                S’inscrire en ligne
              </Link>
            ) : null}
            <a href="#inscription" className={buttonClass('secondary')}>
              Voir les pièces à fournir
            </a>
          </div>
          <dl className="mt-8 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
            <div className="rounded-lg bg-white p-4 shadow-sm">
              <dt className="text-sm text-muted">Session</dt>
              <dd className="text-lg font-semibold">{session.label}</dd>
            </div>
            <div className="rounded-lg bg-white p-4 shadow-sm">
              <dt className="text-sm text-muted">Inscriptions</dt>
              <dd className="font-semibold">
                {open.length > 0 ? (
                  <>
                    Ouvertes jusqu’au {formatDate(open[0]!.registrationDeadline)} inclus
                    <span className="block text-sm font-normal text-muted">
                      pour le {open[0]!.number === 1 ? '1er' : '2nd'} semestre
                    </span>
                  </>
                ) : (
                  'Closes pour cette session'
                )}
              </dd>
            </div>
            <div className="rounded-lg bg-white p-4 shadow-sm">
              <dt className="text-sm text-muted">Public</dt>
              <dd>{programme.audience}</dd>
            </div>
            <div className="rounded-lg bg-white p-4 shadow-sm">
              <dt className="text-sm text-muted">Conditions d’accès</dt>
              <dd>{programme.accessConditions.join(' ou ')}</dd>
            </div>
          </dl>
        </div>
      </div>

      <div className="mx-auto grid max-w-6xl gap-8 px-4 sm:px-6 lg:grid-cols-[14rem_1fr]">
        <nav
          aria-label="Sur cette page"
          className="no-print pt-10 lg:sticky lg:top-0 lg:max-h-dvh lg:self-start lg:overflow-y-auto"
        >
          <details className="group rounded-lg border border-line lg:border-0" open>
            <summary className="cursor-pointer px-4 py-3 font-semibold lg:px-0 lg:py-0 lg:text-sm lg:text-muted">
              Sur cette page
            </summary>
            <ol className="space-y-1 px-4 pb-3 lg:mt-2 lg:px-0">
              {SECTIONS.map(([id, label]) => (
                <li key={id}>
                  <a
                    href={`#${id}`}
                    className="block py-1 text-ink no-underline hover:text-accent hover:underline"
                  >
                    {label}
                  </a>
                </li>
              ))}
            </ol>
          </details>
        </nav>

        <div className="min-w-0">
          <Section id="formation" title="La formation">
            <h3 className="text-xl font-semibold">Objectifs</h3>
            <Paragraphs text={programme.objectives} className="mt-3 max-w-3xl" />
            <h3 className="mt-8 text-xl font-semibold">Objectifs pédagogiques</h3>
            <p className="mt-3">{programme.pedagogicalObjectivesIntro}</p>
            <BulletList items={programme.pedagogicalObjectives} />
            <h3 className="mt-8 text-xl font-semibold">Compétences visées</h3>
            <p className="mt-3">{programme.competencesIntro}</p>
            <BulletList items={programme.competences} />
            <div className="mt-8 grid gap-6 sm:grid-cols-2">
              <div>
                <h3 className="text-xl font-semibold">Public</h3>
                <p className="mt-2">{programme.audience}</p>
              </div>
              <div>
                <h3 className="text-xl font-semibold">Conditions d’accès</h3>
                <BulletList items={programme.accessConditions} />
              </div>
            </div>
          </Section>

          <Section
            id="ue"
            title="Les unités d’enseignement"
            lead={`Chaque UE demande entre ${programme.weeklyWorkloadMinHours} et ${programme.weeklyWorkloadMaxHours} heures de travail par semaine.`}
          >
            <UeTables session={session} programme={programme} />
          </Section>

          <Section id="calendrier" title={`Calendrier ${session.label}`} lead="Déroulement de la formation.">
            <SessionCalendar session={session} today={today} />
          </Section>

          <Section id="frais" title="Frais de formation" lead="Participation aux frais de formation.">
            <FeeTable tariff={session.tariff} programme={programme} />
            <h3 className="mt-10 text-xl font-semibold">Simulez le coût de votre inscription</h3>
            <div className="mt-4 no-print">
              <FeeSimulator tariff={session.tariff} groups={simulatorGroups} />
            </div>
          </Section>

          <Section
            id="inscription"
            title="Procédure d’inscription"
            lead="Pièces à fournir pour l’inscription."
          >
            <p className="mb-4">
              Le formulaire se remplit en ligne et les pièces se déposent en ligne : plus besoin d’imprimer ni
              de photocopier.
              {open.length > 0 ? (
                <>
                  {' '}
                  <Link href="/inscription" className="no-print font-semibold">
                    Commencer mon inscription
                  </Link>
                </>
              ) : null}
            </p>
            <PiecesList pieceTypes={programme.pieceTypes} />
            <p className="mt-6 rounded-lg border-l-4 border-warning bg-warning-soft px-4 py-3 font-medium text-warning">
              {programme.incompleteDossierWarning}
            </p>
          </Section>

          <Section id="delivrance" title="Conditions de délivrance du diplôme">
            <p>{programme.deliveryConditionsIntro}</p>
            <BulletList items={programme.deliveryConditions} />
            <p className="mt-4">{programme.oralDefenceNote}</p>
            <p className="mt-4">{programme.earlyExperienceReviewNote}</p>
          </Section>

          <Section id="debouches" title="Débouchés" lead={programme.careersSummary}>
            <h3 className="text-xl font-semibold">Appellations principales</h3>
            <ul className="mt-3 flex flex-wrap gap-2">
              {programme.jobTitles.map((job) => (
                <li key={job} className="rounded-full bg-surface px-3 py-1">
                  {job}
                </li>
              ))}
            </ul>
            <p className="mt-6">{programme.employersIntro}</p>
            <BulletList items={programme.employerTypes} />
          </Section>

          <Section id="resiliation" title="Clause de résiliation">
            <Paragraphs text={programme.terminationClause} className="max-w-3xl" />
          </Section>

          <Section
            id="contacts"
            title="Contacts"
            lead="Pour tout renseignement complémentaire, contactez-nous."
          >
            <div className="grid gap-4 md:grid-cols-2">
              {centres.map((centre) => (
                <CentreCard key={centre.code} centre={centre} />
              ))}
            </div>
            <h3 className="mt-8 text-xl font-semibold">Responsables</h3>
            <ul className="mt-2 space-y-1">
              {programme.responsables.map((responsable) => (
                <li key={responsable.name}>
                  <span className="font-medium">{responsable.name}</span>, {responsable.role}
                </li>
              ))}
            </ul>
          </Section>
        </div>
      </div>

      <aside className="border-t border-line bg-surface">
        <div className="mx-auto max-w-6xl space-y-2 px-4 py-6 text-sm text-muted sm:px-6">
          <p>{programme.disclaimer}</p>
          {dataUpdateNotice({
            sessionLabel: session.label,
            origin,
            textsUpdatedOn: programme.lastUpdatedOn,
            formatDate,
          }).map((line) => (
            <p key={line}>{line}</p>
          ))}
          <p>Avec le soutien financier {programme.funders.map(withDe).join(' et ')}.</p>
        </div>
      </aside>
    </>
  )
}
