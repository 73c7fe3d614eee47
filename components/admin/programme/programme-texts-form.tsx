'use client'

import { updateProgrammeTextsAction } from '@/app/(admin)/admin/programme/actions'
import { fieldId } from '@/components/registration/use-step-form'
import { TextField } from '@/components/ui/form'
import { programmeTextsSchema, type ProgrammeTexts, type ProgrammeTextsInput } from '@/lib/schemas/programme'
import { AdminForm } from './admin-form'
import { TextAreaField } from './fields'
import { useAdminForm } from './use-admin-form'

type Kind = 'line' | 'text' | 'list' | 'number' | 'date'
type Field = { name: keyof ProgrammeTexts; label: string; kind: Kind; hint?: string }

const LIST_HINT = 'Un élément par ligne.'
const PARAGRAPHS_HINT = 'Séparez les paragraphes par une ligne vide.'

/** The programme's fields, grouped as the public page shows them. */
const GROUPS: Array<{ legend: string; fields: Field[] }> = [
  {
    legend: 'La formation',
    fields: [
      { name: 'title', label: 'Intitulé', kind: 'line' },
      {
        name: 'diplomaKind',
        label: 'Type de diplôme',
        kind: 'line',
        hint: 'Par exemple « Titre professionnel ».',
      },
      { name: 'level', label: 'Niveau', kind: 'line', hint: 'Tel qu’imprimé, par exemple « III ».' },
      { name: 'ects', label: 'Crédits ECTS', kind: 'number' },
      { name: 'department', label: 'Département d’enseignement', kind: 'line' },
      { name: 'validationSummary', label: 'Validation', kind: 'text' },
      { name: 'objectives', label: 'Objectifs', kind: 'text', hint: PARAGRAPHS_HINT },
      { name: 'pedagogicalObjectivesIntro', label: 'Objectifs pédagogiques : introduction', kind: 'text' },
      { name: 'pedagogicalObjectives', label: 'Objectifs pédagogiques', kind: 'list', hint: LIST_HINT },
      { name: 'competencesIntro', label: 'Compétences : introduction', kind: 'text' },
      { name: 'competences', label: 'Compétences', kind: 'list', hint: LIST_HINT },
      { name: 'audience', label: 'Public', kind: 'text' },
      { name: 'accessConditions', label: 'Conditions d’accès', kind: 'list', hint: LIST_HINT },
    ],
  },
  {
    legend: 'Enregistrement au RNCP',
    fields: [
      { name: 'rncpRegistrationYears', label: 'Durée d’enregistrement (en années)', kind: 'number' },
      { name: 'rncpDecreeOn', label: 'Date de l’arrêté', kind: 'date' },
      { name: 'rncpPublishedOn', label: 'Date de publication au Journal officiel', kind: 'date' },
    ],
  },
  {
    legend: 'Travail personnel et UE à suivre en premier',
    fields: [
      {
        name: 'weeklyWorkloadMinHours',
        label: 'Travail personnel : minimum (heures par semaine)',
        kind: 'number',
      },
      {
        name: 'weeklyWorkloadMaxHours',
        label: 'Travail personnel : maximum (heures par semaine)',
        kind: 'number',
      },
      {
        name: 'recommendedFirstCertificate',
        label: 'Certificat auquel mènent les UE à suivre en premier',
        kind: 'line',
      },
    ],
  },
  {
    legend: 'Délivrance du diplôme',
    fields: [
      { name: 'deliveryConditionsIntro', label: 'Conditions de délivrance : introduction', kind: 'text' },
      { name: 'deliveryConditions', label: 'Conditions de délivrance', kind: 'list', hint: LIST_HINT },
      {
        name: 'experienceMonthsRequired',
        label: 'Expérience professionnelle exigée (en mois)',
        kind: 'number',
      },
      {
        name: 'experienceMonthsReduced',
        label: 'Expérience réduite, complétée par un stage (en mois)',
        kind: 'number',
      },
      { name: 'internshipMonths', label: 'Durée du stage (en mois)', kind: 'number' },
      { name: 'oralDefenceNote', label: 'Soutenance', kind: 'text' },
      {
        name: 'earlyExperienceReviewNote',
        label: 'Examen anticipé de l’expérience professionnelle',
        kind: 'text',
      },
      {
        name: 'earlyExperienceReviewMinUes',
        label: 'UE obtenues pour demander l’examen anticipé',
        kind: 'number',
      },
    ],
  },
  {
    legend: 'Débouchés',
    fields: [
      { name: 'careersSummary', label: 'Débouchés', kind: 'text' },
      { name: 'jobTitles', label: 'Métiers', kind: 'list', hint: LIST_HINT },
      { name: 'employersIntro', label: 'Employeurs : introduction', kind: 'text' },
      { name: 'employerTypes', label: 'Types d’employeurs', kind: 'list', hint: LIST_HINT },
    ],
  },
  {
    legend: 'Inscription, paiement et résiliation',
    fields: [
      { name: 'financingAdviceNote', label: 'Conseil sur le financement', kind: 'text' },
      { name: 'incompleteDossierWarning', label: 'Avertissement sur les dossiers incomplets', kind: 'text' },
      { name: 'paymentPayee', label: 'Ordre des chèques', kind: 'line', hint: 'Par exemple « ARCnam ».' },
      { name: 'withdrawalPeriodDays', label: 'Délai de rétractation (en jours)', kind: 'number' },
      { name: 'terminationClause', label: 'Clause de résiliation', kind: 'text', hint: PARAGRAPHS_HINT },
    ],
  },
  {
    legend: 'Mentions',
    fields: [
      { name: 'disclaimer', label: 'Avertissement', kind: 'text' },
      {
        name: 'funders',
        label: 'Financeurs',
        kind: 'list',
        hint: 'Un par ligne, avec l’article : « l’Europe », « le Conseil Régional de la Réunion ».',
      },
      { name: 'lastUpdatedOn', label: 'Date de dernière mise à jour', kind: 'date' },
    ],
  },
]

const LABELS = new Map(
  GROUPS.flatMap((group) => group.fields.map((field) => [field.name as string, field.label])),
)

export function ProgrammeTextsForm({
  programmeId,
  version,
  defaultValues,
}: {
  programmeId: string
  version: string
  defaultValues: ProgrammeTextsInput
}) {
  const state = useAdminForm<ProgrammeTextsInput>({
    schema: programmeTextsSchema,
    defaultValues,
    version,
    save: (edit) => updateProgrammeTextsAction({ id: programmeId, ...edit }),
  })
  const { register } = state.form
  return (
    <AdminForm state={state} labelOf={(path) => LABELS.get(path)}>
      {GROUPS.map((group) => (
        <fieldset key={group.legend} className="space-y-5 rounded-lg border border-line p-4 sm:p-6">
          <legend className="px-1 text-xl font-semibold">{group.legend}</legend>
          {group.fields.map((field) => {
            const id = fieldId(field.name)
            const common = { id, label: field.label, hint: field.hint, error: state.errorOf(field.name) }
            if (field.kind === 'text' || field.kind === 'list')
              return (
                <TextAreaField
                  key={field.name}
                  {...common}
                  rows={field.kind === 'list' ? 5 : 4}
                  {...register(field.name)}
                />
              )
            return (
              <TextField
                key={field.name}
                {...common}
                type={field.kind === 'date' ? 'date' : 'text'}
                inputMode={field.kind === 'number' ? 'numeric' : undefined}
                className={field.kind === 'line' ? undefined : 'max-w-xs'}
                {...register(field.name)}
              />
            )
          })}
        </fieldset>
      ))}
    </AdminForm>
  )
}
