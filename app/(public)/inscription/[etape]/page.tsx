import type { Metadata } from 'next'
import { notFound, redirect } from 'next/navigation'
import { ContactStep } from '@/components/registration/contact-step'
import { IdentityStep } from '@/components/registration/identity-step'
import { PiecesStep } from '@/components/registration/pieces-step'
import { PriorStep } from '@/components/registration/prior-step'
import { RegistrationShell } from '@/components/registration/registration-shell'
import { SituationStep } from '@/components/registration/situation-step'
import { SummaryStep } from '@/components/registration/summary-step'
import { UeStep, type UeGroup } from '@/components/registration/ue-step'
import { todayIn } from '@/lib/domain/dates'
import { previousStep, STEP_TITLES, STEPS, type StepId } from '@/lib/domain/registration'
import { closedReason } from '@/lib/domain/ue-choice'
import { formatPeriod } from '@/lib/format'
import { parseStep, type StepInput } from '@/lib/schemas/registration-steps'
import { readDraftToken } from '@/lib/server/registration/cookies'
import { evaluateRegistration } from '@/lib/server/registration/evaluate-registration'
import { getDraft } from '@/lib/server/registration/get-draft'
import { stepContextOf } from '@/lib/server/registration/registration-context'

type Props = { params: Promise<{ etape: string }> }

function isStep(value: string): value is StepId {
  return (STEPS as readonly string[]).includes(value)
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { etape } = await params
  return {
    title: isStep(etape) ? `${STEP_TITLES[etape]} — inscription` : 'Inscription',
    referrer: 'no-referrer',
    robots: { index: false },
  }
}

const EMPTY: Record<Exclude<StepId, 'pieces' | 'recapitulatif'>, StepInput> = {
  identite: { birthCountry: 'France', nationality: 'Française' },
  coordonnees: {},
  situation: {},
  acquis: { obtained: {}, earlyExperienceReview: false },
  ue: { ues: {} },
}

export default async function RegistrationStepPage({ params }: Props) {
  const { etape } = await params
  if (!isStep(etape)) notFound()
  const token = await readDraftToken()
  const lookup = await getDraft({ token })
  if (lookup.state !== 'ACTIVE' || !token)
    redirect(
      lookup.state === 'ENDED'
        ? `/inscription?etat=session-${lookup.reason.toLowerCase()}`
        : `/inscription?etat=${lookup.state.toLowerCase()}`,
    )
  const { draft } = lookup
  const { session, programme } = draft.context
  const today = todayIn(new Date())
  const stepContext = stepContextOf(draft.context, today)
  const previous = previousStep(etape)
  const previousHref = previous ? `/inscription/${previous}` : null
  const defaults = (step: keyof typeof EMPTY) => draft.raw[step] ?? EMPTY[step]

  let content: React.ReactNode
  switch (etape) {
    case 'identite':
      content = (
        <IdentityStep context={stepContext} defaultValues={defaults('identite')} previousHref={null} />
      )
      break
    case 'coordonnees':
      content = (
        <ContactStep
          context={stepContext}
          defaultValues={defaults('coordonnees')}
          previousHref={previousHref}
        />
      )
      break
    case 'situation':
      content = (
        <SituationStep
          context={stepContext}
          defaultValues={defaults('situation')}
          previousHref={previousHref}
          rates={session.tariff.rates}
          sessionLabel={session.label}
        />
      )
      break
    case 'acquis':
      content = (
        <PriorStep
          context={stepContext}
          defaultValues={defaults('acquis')}
          previousHref={previousHref}
          ues={session.ues}
          minimumForReview={programme.earlyExperienceReviewMinUes}
          earlyReviewNote={programme.earlyExperienceReviewNote}
        />
      )
      break
    case 'ue': {
      const situation = parseStep('situation', draft.raw.situation, stepContext)
      const prior = parseStep('acquis', draft.raw.acquis ?? EMPTY.acquis, stepContext)
      const groups: UeGroup[] = session.periods
        .map((period) => {
          const ues = session.ues.filter((ue) => ue.periodKind === period.kind)
          return {
            label: formatPeriod(period),
            closedReason: ues[0] ? closedReason(session, ues[0], today) : null,
            ues,
          }
        })
        .filter((group) => group.ues.length > 0)
      content = (
        <UeStep
          draftId={draft.id}
          context={stepContext}
          defaultValues={defaults('ue')}
          previousHref={previousHref}
          groups={groups}
          tariff={session.tariff}
          pricing={
            situation
              ? {
                  category: situation.category,
                  firstRegistration: situation.firstRegistration,
                  baseFeeAlreadyPaid: situation.baseFeeAlreadyPaid,
                }
              : null
          }
          obtainedCodes={prior?.obtained.map((ue) => ue.code) ?? []}
          recommendedCertificate={programme.recommendedFirstCertificate}
          experienceNote={programme.deliveryConditions[1] ?? ''}
        />
      )
      break
    }
    case 'pieces':
    case 'recapitulatif': {
      const evaluation = evaluateRegistration({
        raw: draft.raw,
        context: draft.context,
        uploads: draft.uploads,
        today,
      })
      content =
        etape === 'pieces' ? (
          <PiecesStep
            checklist={evaluation.checklist}
            uploads={draft.uploads}
            previousHref={previousHref}
            today={today}
            answersComplete={evaluation.complete !== null}
          />
        ) : (
          <SummaryStep evaluation={evaluation} context={draft.context} uploads={draft.uploads} />
        )
      break
    }
  }

  return (
    <RegistrationShell
      step={etape}
      completedSteps={draft.completedSteps}
      programmeTitle={programme.title}
      sessionLabel={session.label}
    >
      {content}
    </RegistrationShell>
  )
}
