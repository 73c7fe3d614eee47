import { Fragment, type ReactNode } from 'react'
import { displayName } from '@/lib/domain/registration'
import {
  formSections,
  type FormField,
  type FormSection,
  type RegistrationFormData,
} from '@/lib/domain/registration-form'
import { formatDate, formatEuros } from '@/lib/format'
import {
  CERTIFICATION,
  CHECKLIST_STATE_LABELS,
  CHECKLIST_STATE_TONES,
  experienceLabel,
  feeBasisLabel,
  FORM_SECTION_WORDS,
  FORM_TITLE,
  INSTITUTION,
  OBTAINED_PLACE_LABELS,
  paragraphs,
  formPaymentInstructions,
  PHOTO_CAPTION,
  placeAndDate,
  programmeQualification,
  QR_ALT,
  QR_CAPTION,
  SECTION_TITLES,
  semesterLabel,
  SIGNATURE_CAPTION,
  submittedOn,
  TARIFF_CATEGORY_LABELS,
  totalEcts,
  withdrawalSentence,
  yesNo,
  type StateTone,
} from '@/lib/pdf/registration-form-text'

const TONE_CLASSES: Record<StateTone, string> = {
  neutral: 'text-ink',
  success: 'text-success',
  danger: 'text-danger',
  warning: 'text-warning',
}

/** A string for CSS `content: "…"`. */
function cssString(text: string): string {
  return `"${text.replace(/["\\]/g, '\\$&').replace(/\n/g, ' ')}"`
}

/**
 * Page furniture of the printed sheets: the reference and "page X / Y" at the foot of every page,
 * a running title from page 2 (CSS page-margin boxes, printed by Chromium-based browsers; others
 * print the form without them).
 */
function PrintPageStyle({ data, nonce }: { data: RegistrationFormData; nonce: string | undefined }) {
  const muted = 'font-family: inherit; font-size: 8pt; color: #4b5060;'
  const css = `@page {
  @bottom-left { content: ${cssString(`Cnam — Centre régional de La Réunion · ${FORM_TITLE} · Réf. ${data.reference}`)}; ${muted} }
  @bottom-right { content: "page " counter(page) " / " counter(pages); ${muted} }
  @top-left { content: ${cssString(`${FORM_TITLE} ${data.reference} — ${data.programme.code}, session ${data.session.label}`)}; ${muted} }
}
@page :first { @top-left { content: none; } }`
  // An inline style element: the page's CSP accepts it with this request's nonce only.
  return <style nonce={nonce}>{css}</style>
}

function Section({
  id,
  number,
  title,
  keepTogether = false,
  children,
}: {
  id: string
  number: number
  title: string
  /** Short sections are not split across two sheets. */
  keepTogether?: boolean
  children: ReactNode
}) {
  return (
    <section aria-labelledby={id} className={`mt-5 ${keepTogether ? 'break-inside-avoid' : ''}`}>
      <h2
        id={id}
        className="mb-2 border-l-4 border-accent bg-accent-soft px-2 py-0.5 text-base font-bold text-accent-strong"
      >
        {number}. {title}
      </h2>
      {children}
    </section>
  )
}

/** Grid of labelled values, drawn as the boxes of an administrative form. */
function Fields({ children, className = '' }: { children: ReactNode; className?: string }) {
  return <dl className={`grid grid-cols-6 border-t border-l border-line ${className}`}>{children}</dl>
}

const SPANS = { 2: 'col-span-2', 3: 'col-span-3', 4: 'col-span-4', 6: 'col-span-6' } as const

function Field({
  label,
  span = 6,
  strong = false,
  children,
}: {
  label: string
  span?: keyof typeof SPANS
  strong?: boolean
  children: ReactNode
}) {
  return (
    <div className={`${SPANS[span]} border-r border-b border-line px-2 pt-0.5 pb-1`}>
      <dt className="text-xs text-muted">{label}</dt>
      <dd className={`wrap-anywhere ${strong ? 'font-semibold' : ''}`}>{children}</dd>
    </div>
  )
}

function Photo({ data }: { data: RegistrationFormData }) {
  if (!data.photo) {
    return (
      <div className="flex h-[45mm] w-[35mm] shrink-0 flex-col items-center justify-center border border-dashed border-muted text-center text-sm text-muted">
        <span>{PHOTO_CAPTION}</span>
        <span className="text-xs">35 × 45 mm</span>
      </div>
    )
  }
  const src = `data:${data.photo.mimeType};base64,${Buffer.from(data.photo.bytes).toString('base64')}`
  return (
    // A data URL of the applicant's own upload: next/image would add nothing here.
    // eslint-disable-next-line @next/next/no-img-element
    <img
      src={src}
      alt={`${PHOTO_CAPTION} de ${displayName(data.identity)}`}
      className="h-[45mm] w-[35mm] shrink-0 border border-ink object-cover"
    />
  )
}

const th = 'border-b border-line bg-surface px-2 py-1 text-left text-xs font-semibold text-muted'
const td = 'border-b border-line px-2 py-1 align-top'

function FieldValue({ field }: { field: FormField }) {
  const { value } = field
  if (value === null || value.length === 0 || value === '') return <>—</>
  const lines = Array.isArray(value) ? value : [value]
  const text = lines.map((line, index) => (
    <Fragment key={index}>
      {index > 0 ? <br /> : null}
      {line}
    </Fragment>
  ))
  const className = [field.nowrap ? 'whitespace-nowrap' : '', field.tabular ? 'tabular-nums' : '']
    .filter(Boolean)
    .join(' ')
  return className ? <span className={className}>{text}</span> : <>{text}</>
}

/** A section of labelled fields from the form's model (formSections), line by line. */
function FieldsSection({ section, data }: { section: FormSection; data: RegistrationFormData }) {
  const fields = (
    <Fields className={section.id === 'identite' ? 'flex-1' : ''}>
      {section.lines.flat().map((field) => (
        <Field key={field.label} label={field.label} span={field.span} strong={field.strong}>
          <FieldValue field={field} />
        </Field>
      ))}
    </Fields>
  )
  return (
    <Section id={section.id} number={section.number} title={section.title} keepTogether>
      {section.id === 'identite' ? (
        <div className="flex items-start gap-3">
          {fields}
          <Photo data={data} />
        </div>
      ) : (
        fields
      )}
    </Section>
  )
}

function Prior({ data }: { data: RegistrationFormData }) {
  const { prior } = data
  return (
    <>
      {prior.obtained.length === 0 ? (
        <p>Aucune UE déclarée.</p>
      ) : (
        <table className="w-full border-collapse border-t border-line">
          <caption className="sr-only">UE déjà obtenues : code, lieu et année d’obtention</caption>
          <thead>
            <tr>
              <th scope="col" className={`${th} w-[25mm]`}>
                Code
              </th>
              <th scope="col" className={th}>
                Lieu d’obtention
              </th>
              <th scope="col" className={`${th} w-[20mm] text-right`}>
                Année
              </th>
            </tr>
          </thead>
          <tbody>
            {prior.obtained.map((ue) => (
              <tr key={`${ue.code}-${ue.year}`}>
                <th scope="row" className={`${td} text-left font-semibold`}>
                  {ue.code}
                </th>
                <td className={td}>{OBTAINED_PLACE_LABELS[ue.place]}</td>
                <td className={`${td} text-right tabular-nums`}>{ue.year}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="mt-2">
        Demande d’examen anticipé de l’expérience professionnelle :{' '}
        <strong>{yesNo(prior.earlyExperienceReview)}</strong>
      </p>
    </>
  )
}

function Ues({ data }: { data: RegistrationFormData }) {
  const experience = experienceLabel(data.experience)
  return (
    <>
      <table className="w-full border-collapse border-t border-line">
        <caption className="sr-only">
          UE choisies : code, intitulé, crédits ECTS, période, semestre et suivi à distance (FOAD)
        </caption>
        <thead>
          <tr>
            <th scope="col" className={`${th} w-[17mm]`}>
              Code
            </th>
            <th scope="col" className={th}>
              Intitulé
            </th>
            <th scope="col" className={`${th} w-[12mm] text-right`}>
              ECTS
            </th>
            <th scope="col" className={th}>
              Période
            </th>
            <th scope="col" className={`${th} w-[16mm] text-center`}>
              Semestre
            </th>
            <th scope="col" className={`${th} w-[12mm] text-center`}>
              FOAD
            </th>
          </tr>
        </thead>
        <tbody>
          {data.ues.map((ue) => (
            <tr key={ue.code}>
              <th scope="row" className={`${td} text-left font-semibold`}>
                {ue.code}
              </th>
              <td className={td}>{ue.title}</td>
              <td className={`${td} text-right tabular-nums`}>{ue.ects}</td>
              <td className={`${td} whitespace-nowrap`}>{ue.periodLabel}</td>
              <td className={`${td} text-center`}>{semesterLabel(ue.semester)}</td>
              <td className={`${td} text-center`}>{yesNo(ue.foad)}</td>
            </tr>
          ))}
        </tbody>
        {/* A row group, not a footer: Chromium would repeat the total at the foot of every page. */}
        <tfoot className="[display:table-row-group]">
          <tr className="border-t border-b-2 border-ink font-bold">
            <th scope="row" colSpan={2} className="px-2 py-1 text-left">
              Total ({data.ues.length} UE)
            </th>
            <td className="px-2 py-1 text-right tabular-nums">{totalEcts(data.ues)}</td>
            <td colSpan={3} className="px-2 py-1 font-normal text-muted">
              crédits ECTS
            </td>
          </tr>
        </tfoot>
      </table>
      {experience ? (
        <p className="mt-2">
          Expérience professionnelle à temps plein déclarée pour le rapport : <strong>{experience}</strong>
        </p>
      ) : null}
    </>
  )
}

function Fees({ data }: { data: RegistrationFormData }) {
  const { fees } = data
  return (
    <>
      <table className="w-full border-collapse border-t border-line">
        <caption className="sr-only">Participation aux frais de formation, ligne par ligne</caption>
        <thead>
          <tr>
            <th scope="col" className={th}>
              Libellé
            </th>
            <th scope="col" className={`${th} w-[38mm]`}>
              Base de calcul
            </th>
            <th scope="col" className={`${th} w-[24mm] text-right`}>
              Montant
            </th>
          </tr>
        </thead>
        <tbody>
          {fees.lines.map((line, index) => (
            <tr key={`${line.kind}-${line.ueCode ?? index}`}>
              <th scope="row" className={`${td} text-left font-normal`}>
                {line.label}
              </th>
              <td className={`${td} whitespace-nowrap text-muted`}>{feeBasisLabel(line)}</td>
              <td className={`${td} text-right whitespace-nowrap tabular-nums`}>
                {formatEuros(line.amountCents)}
              </td>
            </tr>
          ))}
        </tbody>
        {/* A row group, not a footer: Chromium would repeat the total at the foot of every page. */}
        <tfoot className="[display:table-row-group]">
          <tr className="border-t border-b-2 border-ink font-bold">
            <th scope="row" colSpan={2} className="px-2 py-1 text-left">
              Total — {TARIFF_CATEGORY_LABELS[fees.category]}
            </th>
            <td className="px-2 py-1 text-right text-lg whitespace-nowrap tabular-nums">
              {formatEuros(fees.totalCents)}
            </td>
          </tr>
        </tfoot>
      </table>
      <div className="mt-3 break-inside-avoid">
        <h3 className="font-bold">Mode de paiement : à joindre au dossier</h3>
        <ul className="mt-1 space-y-1">
          {formPaymentInstructions(data).map((instruction) => (
            <li key={instruction} className="flex items-start gap-2">
              <span aria-hidden="true" className="mt-[0.3em] size-3 shrink-0 border border-ink" />
              <span>{instruction}</span>
            </li>
          ))}
        </ul>
      </div>
    </>
  )
}

function Checklist({ data }: { data: RegistrationFormData }) {
  return (
    <table className="w-full border-collapse border-t border-line">
      <caption className="sr-only">Pièces justificatives : fichiers déposés et état de chaque pièce</caption>
      <thead>
        <tr>
          <th scope="col" className={th}>
            Pièce
          </th>
          <th scope="col" className={`${th} w-[62mm]`}>
            Fichier(s) déposé(s)
          </th>
          <th scope="col" className={`${th} w-[25mm]`}>
            État
          </th>
        </tr>
      </thead>
      <tbody>
        {data.checklist.map((line) => (
          <tr key={line.label}>
            <th scope="row" className={`${td} text-left font-normal`}>
              {line.label}
            </th>
            <td className={`${td} text-sm wrap-anywhere`}>
              {line.files.length === 0 ? (
                <span className="text-muted">—</span>
              ) : (
                <ul>
                  {line.files.map((file) => (
                    <li key={file}>{file}</li>
                  ))}
                </ul>
              )}
            </td>
            <td className={`${td} font-semibold ${TONE_CLASSES[CHECKLIST_STATE_TONES[line.state]]}`}>
              {CHECKLIST_STATE_LABELS[line.state]}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/**
 * The printable registration form as HTML, for the browser's print dialog (A4) and readable on
 * screen. Same content and wording as the PDF (lib/pdf/registration-form.tsx). The caller makes
 * the QR code SVG with `qrCodeSvg(data.staffUrl)` from lib/pdf/qr-code.ts and adds the "Imprimer"
 * button.
 */
export function RegistrationFormPrint({
  data,
  qrSvg,
  nonce,
}: {
  data: RegistrationFormData
  qrSvg: string
  /** This request's CSP nonce (cspNonce), for the page furniture's style element. */
  nonce?: string
}) {
  const { programme, centre } = data
  return (
    <article
      aria-labelledby="dossier-titre"
      className="mx-auto max-w-[210mm] bg-white px-[12mm] py-[10mm] text-[0.9375rem] leading-snug text-ink [-webkit-print-color-adjust:exact] [print-color-adjust:exact] print:max-w-none print:p-0 print:text-[9.5pt]"
    >
      <PrintPageStyle data={data} nonce={nonce} />
      <header className="flex items-start gap-6">
        <div className="flex-1">
          <p className="text-sm font-semibold text-accent">{INSTITUTION}</p>
          <h1 id="dossier-titre" className="mt-2 text-3xl font-bold">
            {FORM_TITLE}
          </h1>
          <p className="mt-2 text-lg font-semibold">
            {programme.code} — {programme.title}
          </p>
          <p className="text-muted">{programmeQualification(programme)}</p>
        </div>
        <figure className="w-[30mm] shrink-0 text-center">
          {/* The SVG comes from the qrcode package (our own URL), not from user input. */}
          <div
            role="img"
            aria-label={QR_ALT}
            className="mx-auto size-[24mm] [&>svg]:size-full"
            dangerouslySetInnerHTML={{ __html: qrSvg }}
          />
          <figcaption className="mt-1 text-[0.6875rem] leading-tight text-muted">{QR_CAPTION}</figcaption>
        </figure>
      </header>

      <dl className="mt-3 grid grid-cols-[1.6fr_1fr_1.2fr] border-t-2 border-b border-t-accent border-b-line bg-accent-soft">
        <div className="px-3 py-1.5">
          <dt className="text-xs text-muted">Référence du dossier</dt>
          <dd className="text-2xl font-bold tracking-wide text-accent-strong">{data.reference}</dd>
        </div>
        <div className="px-3 py-1.5">
          <dt className="text-xs text-muted">Session</dt>
          <dd className="mt-1 text-lg font-semibold">{data.session.label}</dd>
        </div>
        <div className="px-3 py-1.5">
          <dt className="text-xs text-muted">Dossier déposé le</dt>
          <dd className="mt-1 text-lg font-semibold">{submittedOn(data.submittedAt)}</dd>
        </div>
      </dl>

      {formSections(data, FORM_SECTION_WORDS).map((section) => (
        <FieldsSection key={section.id} section={section} data={data} />
      ))}
      <Section id="acquis" number={4} title={SECTION_TITLES.prior} keepTogether>
        <Prior data={data} />
      </Section>
      <Section id="ue" number={5} title={SECTION_TITLES.ues}>
        <Ues data={data} />
      </Section>
      <Section id="frais" number={6} title={SECTION_TITLES.fees}>
        <Fees data={data} />
      </Section>
      <Section id="pieces" number={7} title={SECTION_TITLES.pieces}>
        <Checklist data={data} />
      </Section>
      <Section id="retractation" number={8} title={SECTION_TITLES.withdrawal} keepTogether>
        <p className="font-semibold">{withdrawalSentence(programme.withdrawalPeriodDays)}</p>
        {paragraphs(programme.terminationClause).map((paragraph) => (
          <p key={paragraph} className="mt-1.5 text-justify text-sm">
            {paragraph}
          </p>
        ))}
      </Section>
      <Section id="signature" number={9} title={SECTION_TITLES.signature} keepTogether>
        <div className="flex items-start justify-between gap-6">
          <div>
            <p className="font-semibold">{CERTIFICATION}</p>
            <p className="mt-3">{placeAndDate(data.printedOn)}</p>
          </div>
          <div className="h-[30mm] w-[80mm] shrink-0 border border-ink p-1.5 text-xs text-muted">
            {SIGNATURE_CAPTION}
          </div>
        </div>
        <address className="mt-5 border border-line bg-surface px-3 py-2 text-sm not-italic">
          <strong>Dossier à déposer ou à envoyer au {centre.name}</strong>, {centre.addressLines.join(', ')}.{' '}
          <span className="whitespace-nowrap">Tél. {centre.phone}</span>
          {centre.email ? <> · {centre.email}</> : null}.
          {centre.openingHours.length > 0 ? (
            <>
              <br />
              Accueil du public : {centre.openingHours.join(' ; ')}.
            </>
          ) : null}
        </address>
      </Section>

      <footer className="mt-6 flex justify-between border-t border-line pt-1 text-xs text-muted print:hidden">
        <span>
          Cnam — Centre régional de La Réunion · {FORM_TITLE} · Réf. {data.reference}
        </span>
        <span>Imprimé le {formatDate(data.printedOn)}</span>
      </footer>
    </article>
  )
}
