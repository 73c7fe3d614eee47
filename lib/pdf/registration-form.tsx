import {
  Document,
  Image,
  Page,
  renderToBuffer,
  StyleSheet,
  Text,
  View,
  type Styles,
} from '@react-pdf/renderer'
import type { ReactNode } from 'react'
import { formSections, type FormSection, type RegistrationFormData } from '@/lib/domain/registration-form'
import { formatEuros } from '@/lib/format'
import { PDF_ACCENT, PDF_LINE, PDF_MUTED, registerPdfFonts } from './fonts'
import { qrCodePngDataUrl } from './qr-code'
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
} from './registration-form-text'

const INK = '#16181d'
const ACCENT_STRONG = '#1e3a8a'
const ACCENT_SOFT = '#eef2ff'
const SURFACE = '#f5f6f8'
const TONE_COLOURS: Record<StateTone, string> = {
  neutral: INK,
  success: '#067647',
  danger: '#b42318',
  warning: '#8a4b00',
}
const MM = 72 / 25.4
const MARGIN_X = 40

const styles = StyleSheet.create({
  page: {
    fontFamily: 'Source Sans 3',
    fontSize: 9.5,
    color: INK,
    paddingTop: 44,
    paddingBottom: 52,
    paddingHorizontal: MARGIN_X,
  },
  // react-pdf turns a unitless lineHeight into points with the font size of the style that declares
  // it, and children inherit the points: so each style with its own fontSize declares its own
  // lineHeight. Not on the page nor the footer: react-pdf 4.9 then drops the fixed footer, whose
  // `render` Text (the page number) is laid out again on each page.
  body: { fontSize: 9.5, lineHeight: 1.3 },
  runningHeader: {
    position: 'absolute',
    top: 22,
    left: MARGIN_X,
    right: MARGIN_X,
    fontSize: 7.5,
    lineHeight: 1.3,
    color: PDF_MUTED,
  },
  footer: {
    position: 'absolute',
    bottom: 24,
    left: MARGIN_X,
    right: MARGIN_X,
    flexDirection: 'row',
    justifyContent: 'space-between',
    borderTopWidth: 0.6,
    borderTopColor: PDF_LINE,
    paddingTop: 4,
    fontSize: 7.5,
    color: PDF_MUTED,
  },
  header: { flexDirection: 'row', alignItems: 'flex-start', gap: 16 },
  institution: { fontSize: 8.5, lineHeight: 1.3, fontWeight: 600, color: PDF_ACCENT },
  title: { fontSize: 22, fontWeight: 700, marginTop: 6, lineHeight: 1.1 },
  programme: { fontSize: 11, lineHeight: 1.3, fontWeight: 600, marginTop: 6 },
  qualification: { color: PDF_MUTED, marginTop: 1 },
  qr: { width: 72, alignItems: 'center' },
  qrImage: { width: 64, height: 64 },
  qrCaption: { fontSize: 6.5, color: PDF_MUTED, marginTop: 3, textAlign: 'center', lineHeight: 1.15 },
  referenceBand: {
    flexDirection: 'row',
    marginTop: 10,
    borderTopWidth: 2,
    borderTopColor: PDF_ACCENT,
    borderBottomWidth: 0.6,
    borderBottomColor: PDF_LINE,
    backgroundColor: ACCENT_SOFT,
  },
  referenceCell: { paddingVertical: 5, paddingHorizontal: 8 },
  referenceValue: {
    fontSize: 15,
    lineHeight: 1.2,
    fontWeight: 700,
    color: ACCENT_STRONG,
    letterSpacing: 0.3,
  },
  bandValue: { fontSize: 11, lineHeight: 1.2, fontWeight: 600, marginTop: 3 },
  section: { marginTop: 12 },
  sectionTitle: {
    fontSize: 10,
    lineHeight: 1.3,
    fontWeight: 700,
    color: '#ffffff',
    backgroundColor: PDF_ACCENT,
    paddingVertical: 2.5,
    paddingHorizontal: 6,
    marginBottom: 5,
  },
  grid: { borderTopWidth: 0.6, borderLeftWidth: 0.6, borderColor: PDF_LINE },
  gridRow: { flexDirection: 'row' },
  cell: {
    borderRightWidth: 0.6,
    borderBottomWidth: 0.6,
    borderColor: PDF_LINE,
    paddingHorizontal: 5,
    paddingTop: 2.5,
    paddingBottom: 3.5,
    minHeight: 26,
  },
  label: { fontSize: 7, lineHeight: 1.25, color: PDF_MUTED, marginBottom: 1 },
  value: { fontSize: 10, lineHeight: 1.3 },
  strongValue: { fontSize: 10, lineHeight: 1.3, fontWeight: 600 },
  identity: { flexDirection: 'row', gap: 10 },
  photoFrame: {
    width: 35 * MM,
    height: 45 * MM,
    borderWidth: 0.8,
    borderColor: INK,
    flexShrink: 0,
  },
  photoEmpty: {
    width: 35 * MM,
    height: 45 * MM,
    borderWidth: 0.8,
    borderColor: PDF_MUTED,
    borderStyle: 'dashed',
    flexShrink: 0,
    alignItems: 'center',
    justifyContent: 'center',
    color: PDF_MUTED,
    fontSize: 8,
    lineHeight: 1.3,
  },
  photo: { width: '100%', height: '100%', objectFit: 'cover' },
  tableHead: {
    flexDirection: 'row',
    backgroundColor: SURFACE,
    borderBottomWidth: 0.6,
    borderColor: PDF_LINE,
  },
  tableRow: { flexDirection: 'row', borderBottomWidth: 0.6, borderColor: PDF_LINE, flexShrink: 0 },
  tableTotal: { flexDirection: 'row', borderTopWidth: 0.6, borderBottomWidth: 1.2, borderColor: INK },
  th: {
    fontSize: 7.5,
    lineHeight: 1.25,
    fontWeight: 600,
    color: PDF_MUTED,
    paddingVertical: 3,
    paddingHorizontal: 4,
  },
  td: { paddingVertical: 3, paddingHorizontal: 4 },
  note: { marginTop: 5 },
  muted: { color: PDF_MUTED },
  subheading: { fontWeight: 700, marginTop: 8, marginBottom: 1 },
  checkRow: { flexDirection: 'row', alignItems: 'flex-start', gap: 6, marginTop: 3 },
  checkBox: { width: 8, height: 8, borderWidth: 0.8, borderColor: INK, marginTop: 2.5, flexShrink: 0 },
  clause: { marginTop: 4, fontSize: 8.5, lineHeight: 1.3, color: '#2b2f38', textAlign: 'justify' },
  signatureBlock: { marginTop: 14 },
  certification: { fontWeight: 600, fontSize: 10, lineHeight: 1.3 },
  signatureRow: {
    flexDirection: 'row',
    justifyContent: 'space-between',
    alignItems: 'flex-start',
    marginTop: 10,
  },
  placeAndDate: { fontSize: 10, lineHeight: 1.3, marginTop: 8 },
  signatureBox: {
    width: 230,
    height: 86,
    borderWidth: 0.8,
    borderColor: INK,
    padding: 5,
    fontSize: 8,
    lineHeight: 1.3,
    color: PDF_MUTED,
  },
  centre: {
    marginTop: 14,
    borderWidth: 0.6,
    borderColor: PDF_LINE,
    backgroundColor: SURFACE,
    paddingVertical: 5,
    paddingHorizontal: 8,
    fontSize: 8,
    lineHeight: 1.35,
    color: '#2b2f38',
  },
})

/**
 * formatEuros separates thousands with a narrow no-break space, which the embedded Source Sans 3
 * subset lacks (react-pdf falls back to Helvetica and the digits overlap): a plain no-break space
 * instead, in every text built with an amount.
 */
function pdfText(text: string): string {
  return text.replaceAll('\u202f', '\u00a0')
}

function euros(cents: number): string {
  return pdfText(formatEuros(cents))
}

/**
 * Line-break opportunities inside long words (compound names, e-mails, file names), which would
 * otherwise overflow their cell: after - _ / and before . @, and every 12 characters of a very
 * long run. Each break is an empty part: react-pdf treats it as a zero-width space and adds no
 * hyphen there, whereas it prints one at a break between two non-empty parts.
 */
function breakLongWords(word: string): string[] {
  if (word.length < 16) return [word]
  return word
    .split(/(?<=[-_/])|(?=[.@])/)
    .flatMap((part) => (part.length > 24 ? (part.match(/.{1,12}/g) ?? [part]) : [part]))
    .flatMap((part, index) => (index === 0 ? [part] : ['', part]))
}

/** "—" for what the applicant did not give, so an empty cell is never mistaken for a blank to fill. */
function orDash(value: string | null | undefined): string {
  return value && value.trim() !== '' ? value : '—'
}

function SectionTitle({ number, title }: { number: number; title: string }) {
  return (
    <View style={styles.sectionTitle}>
      <Text>
        {number}. {title}
      </Text>
    </View>
  )
}

/**
 * A short numbered section, kept on one page. Long ones (tables) run on across pages: their table
 * keeps the title with its head and first row. (react-pdf's minPresenceAhead does not do that: it
 * counts a breakable sibling as present however little of it fits on the page.)
 */
function Section({ number, title, children }: { number: number; title: string; children: ReactNode }) {
  return (
    <View style={styles.section} wrap={false}>
      <SectionTitle number={number} title={title} />
      {children}
    </View>
  )
}

function Cell({
  label,
  value,
  flex = 1,
  strong = false,
  nowrap = false,
}: {
  label: string
  value: string | string[] | null
  flex?: number
  strong?: boolean
  /** Never cut across two lines: spaces become no-break spaces. */
  nowrap?: boolean
}) {
  const given = Array.isArray(value) ? value.filter(Boolean) : [orDash(value)]
  const lines =
    given.length === 0 ? ['—'] : nowrap ? given.map((line) => line.replaceAll(' ', '\u00a0')) : given
  return (
    <View style={[styles.cell, { flex }]}>
      <Text style={styles.label}>{label}</Text>
      {lines.map((line, index) => (
        <Text
          key={index}
          style={strong ? styles.strongValue : styles.value}
          hyphenationCallback={breakLongWords}
        >
          {line}
        </Text>
      ))}
    </View>
  )
}

function GridRow({ children }: { children: ReactNode }) {
  return (
    <View style={styles.gridRow} wrap={false}>
      {children}
    </View>
  )
}

type Column = { label: string; width?: number; align?: 'left' | 'right' | 'center' }

function cellStyle(column: Column): Styles[string] {
  return {
    ...(column.width === undefined ? { flex: 1 } : { width: column.width, flexShrink: 0 }),
    textAlign: column.align ?? 'left',
  }
}

/**
 * The head of a table, `fixed`: react-pdf draws it again at the top of each page the table runs
 * on, so that a continued table still says what its columns are.
 */
function TableHead({ columns }: { columns: Column[] }) {
  return (
    <View style={styles.tableHead} wrap={false} fixed>
      {columns.map((column) => (
        <Text key={column.label} style={[styles.th, cellStyle(column)]}>
          {column.label}
        </Text>
      ))}
    </View>
  )
}

function TableRow({ columns, cells }: { columns: Column[]; cells: ReactNode[] }) {
  return (
    <View style={styles.tableRow} wrap={false}>
      {columns.map((column, index) => (
        <View key={column.label} style={[styles.td, cellStyle(column)]}>
          {cells[index]}
        </View>
      ))}
    </View>
  )
}

type Row = { key: string; cells: ReactNode[] }

/** Room kept after a table's title for its head and a first row, or the title moves on. */
const TABLE_START = 48

/**
 * A table that may run on to the next page between rows, never inside one: its head is repeated
 * on each page, what comes `before` (the section title) is not left alone at the foot of a page,
 * and the `total` stays with the last row. Rows never shrink: react-pdf would otherwise squeeze
 * unbreakable rows into what is left of a page and draw them over each other (react-pdf #2763).
 */
function Table({
  columns,
  rows,
  before,
  total,
}: {
  columns: Column[]
  rows: Row[]
  before?: ReactNode
  total?: ReactNode
}) {
  const row = ({ key, cells }: Row) => <TableRow key={key} columns={columns} cells={cells} />
  const others = [...rows]
  const last = others.pop()
  return (
    <View>
      {before ? (
        <View wrap={false} minPresenceAhead={TABLE_START}>
          {before}
        </View>
      ) : null}
      <TableHead columns={columns} />
      {others.map(row)}
      {last || total ? (
        <View wrap={false}>
          {last ? row(last) : null}
          {total}
        </View>
      ) : null}
    </View>
  )
}

function Header({ data }: { data: RegistrationFormData }) {
  const { programme } = data
  return (
    <View>
      <View style={styles.header}>
        <View style={{ flex: 1 }}>
          <Text style={styles.institution}>{INSTITUTION}</Text>
          <Text style={styles.title}>{FORM_TITLE}</Text>
          <Text style={styles.programme}>
            {programme.code} — {programme.title}
          </Text>
          <Text style={styles.qualification}>{programmeQualification(programme)}</Text>
        </View>
        <View style={styles.qr}>
          {/* eslint-disable-next-line jsx-a11y/alt-text -- react-pdf's Image has no alt attribute */}
          <Image style={styles.qrImage} src={() => qrCodePngDataUrl(data.staffUrl)} />
          <Text style={styles.qrCaption}>{QR_CAPTION}</Text>
        </View>
      </View>
      <View style={styles.referenceBand}>
        <View style={[styles.referenceCell, { flex: 1.6 }]}>
          <Text style={styles.label}>Référence du dossier</Text>
          <Text style={styles.referenceValue}>{data.reference}</Text>
        </View>
        <View style={[styles.referenceCell, { flex: 1 }]}>
          <Text style={styles.label}>Session</Text>
          <Text style={styles.bandValue}>{data.session.label}</Text>
        </View>
        <View style={[styles.referenceCell, { flex: 1.2 }]}>
          <Text style={styles.label}>Dossier déposé le</Text>
          <Text style={styles.bandValue}>{submittedOn(data.submittedAt)}</Text>
        </View>
      </View>
    </View>
  )
}

function Photo({ photo }: { photo: RegistrationFormData['photo'] }) {
  if (!photo) {
    return (
      <View style={styles.photoEmpty}>
        <Text>{PHOTO_CAPTION}</Text>
        <Text style={{ fontSize: 7, lineHeight: 1.3, marginTop: 2 }}>35 × 45 mm</Text>
      </View>
    )
  }
  const data = Buffer.from(photo.bytes.buffer, photo.bytes.byteOffset, photo.bytes.byteLength)
  return (
    <View style={styles.photoFrame}>
      {/* eslint-disable-next-line jsx-a11y/alt-text -- react-pdf's Image has no alt attribute */}
      <Image style={styles.photo} src={{ data, format: photo.mimeType === 'image/png' ? 'png' : 'jpg' }} />
    </View>
  )
}

/** A section of labelled fields from the form's model (formSections), line by line. */
function FieldsSection({ section, data }: { section: FormSection; data: RegistrationFormData }) {
  const grid = (
    <View style={[styles.grid, section.id === 'identite' ? { flex: 1 } : {}]}>
      {section.lines.map((line) => (
        <GridRow key={line.map((field) => field.label).join()}>
          {line.map((field) => (
            <Cell
              key={field.label}
              label={field.label}
              value={field.value}
              flex={field.span}
              strong={field.strong}
              nowrap={field.nowrap}
            />
          ))}
        </GridRow>
      ))}
    </View>
  )
  return (
    <Section number={section.number} title={section.title}>
      {section.id === 'identite' ? (
        <View style={styles.identity} wrap={false}>
          {grid}
          <Photo photo={data.photo} />
        </View>
      ) : (
        grid
      )}
    </Section>
  )
}

const PRIOR_COLUMNS: Column[] = [
  { label: 'Code', width: 70 },
  { label: 'Lieu d’obtention' },
  { label: 'Année', width: 60, align: 'right' },
]

function Prior({ data }: { data: RegistrationFormData }) {
  const { prior } = data
  return (
    <View>
      {prior.obtained.length === 0 ? (
        <Text>Aucune UE déclarée.</Text>
      ) : (
        <Table
          columns={PRIOR_COLUMNS}
          rows={prior.obtained.map((ue) => ({
            key: `${ue.code}-${ue.year}`,
            cells: [
              <Text key="code" style={{ fontWeight: 600 }}>
                {ue.code}
              </Text>,
              <Text key="place">{OBTAINED_PLACE_LABELS[ue.place]}</Text>,
              <Text key="year">{ue.year}</Text>,
            ],
          }))}
        />
      )}
      <Text style={styles.note}>
        Demande d’examen anticipé de l’expérience professionnelle :{' '}
        <Text style={{ fontWeight: 600 }}>{yesNo(prior.earlyExperienceReview)}</Text>
      </Text>
    </View>
  )
}

const UE_COLUMNS: Column[] = [
  { label: 'Code', width: 48 },
  { label: 'Intitulé' },
  { label: 'ECTS', width: 32, align: 'right' },
  { label: 'Période', width: 118 },
  { label: 'Semestre', width: 44, align: 'center' },
  { label: 'FOAD', width: 32, align: 'center' },
]

function Ues({ data, title }: { data: RegistrationFormData; title: ReactNode }) {
  const experience = experienceLabel(data.experience)
  return (
    <View>
      <Table
        before={title}
        columns={UE_COLUMNS}
        rows={data.ues.map((ue) => ({
          key: ue.code,
          cells: [
            <Text key="code" style={{ fontWeight: 600 }}>
              {ue.code}
            </Text>,
            <Text key="title" hyphenationCallback={breakLongWords}>
              {ue.title}
            </Text>,
            <Text key="ects">{ue.ects}</Text>,
            <Text key="period">{ue.periodLabel}</Text>,
            <Text key="semester">{semesterLabel(ue.semester)}</Text>,
            <Text key="foad">{yesNo(ue.foad)}</Text>,
          ],
        }))}
        total={
          <View style={styles.tableTotal}>
            <Text style={[styles.td, { flex: 1, fontWeight: 700 }]}>Total ({data.ues.length} UE)</Text>
            <Text style={[styles.td, { width: 32, textAlign: 'right', fontWeight: 700 }]}>
              {totalEcts(data.ues)}
            </Text>
            <Text style={[styles.td, styles.muted, { width: 118 + 44 + 32 }]}>crédits ECTS</Text>
          </View>
        }
      />
      {experience ? (
        <Text style={styles.note} wrap={false}>
          Expérience professionnelle à temps plein déclarée pour le rapport :{' '}
          <Text style={{ fontWeight: 600 }}>{experience}</Text>
        </Text>
      ) : null}
    </View>
  )
}

const FEE_COLUMNS: Column[] = [
  { label: 'Libellé' },
  { label: 'Base de calcul', width: 110 },
  { label: 'Montant', width: 70, align: 'right' },
]

function Fees({ data, title }: { data: RegistrationFormData; title: ReactNode }) {
  const { fees } = data
  return (
    <View>
      <Table
        before={title}
        columns={FEE_COLUMNS}
        rows={fees.lines.map((line, index) => ({
          key: `${line.kind}-${line.ueCode ?? index}`,
          cells: [
            <Text key="label" hyphenationCallback={breakLongWords}>
              {line.label}
            </Text>,
            <Text key="basis" style={styles.muted}>
              {pdfText(feeBasisLabel(line))}
            </Text>,
            <Text key="amount">{euros(line.amountCents)}</Text>,
          ],
        }))}
        total={
          <View style={styles.tableTotal}>
            <Text style={[styles.td, { flex: 1, fontWeight: 700 }]}>
              Total — {TARIFF_CATEGORY_LABELS[fees.category]}
            </Text>
            <Text
              style={[
                styles.td,
                { width: 70, textAlign: 'right', fontWeight: 700, fontSize: 11, lineHeight: 1.2 },
              ]}
            >
              {euros(fees.totalCents)}
            </Text>
          </View>
        }
      />
      <View wrap={false}>
        <Text style={styles.subheading}>Mode de paiement : à joindre au dossier</Text>
        {formPaymentInstructions(data)
          .map(pdfText)
          .map((instruction) => (
            <View key={instruction} style={styles.checkRow}>
              <View style={styles.checkBox} />
              <Text style={{ flex: 1 }}>{instruction}</Text>
            </View>
          ))}
      </View>
    </View>
  )
}

const CHECKLIST_COLUMNS: Column[] = [
  { label: 'Pièce' },
  { label: 'Fichier(s) déposé(s)', width: 170 },
  { label: 'État', width: 70 },
]

function Checklist({ data, title }: { data: RegistrationFormData; title: ReactNode }) {
  return (
    <Table
      before={title}
      columns={CHECKLIST_COLUMNS}
      rows={data.checklist.map((line) => ({
        key: line.label,
        cells: [
          <Text key="label" hyphenationCallback={breakLongWords}>
            {line.label}
          </Text>,
          <View key="files">
            {line.files.length === 0 ? (
              <Text style={styles.muted}>—</Text>
            ) : (
              line.files.map((file) => (
                <Text
                  key={file}
                  style={{ fontSize: 8.5, lineHeight: 1.3 }}
                  hyphenationCallback={breakLongWords}
                >
                  {file}
                </Text>
              ))
            )}
          </View>,
          <Text
            key="state"
            style={{ fontWeight: 600, color: TONE_COLOURS[CHECKLIST_STATE_TONES[line.state]] }}
          >
            {CHECKLIST_STATE_LABELS[line.state]}
          </Text>,
        ],
      }))}
    />
  )
}

function Withdrawal({ data }: { data: RegistrationFormData }) {
  return (
    <View>
      <Text style={{ fontWeight: 600 }}>{withdrawalSentence(data.programme.withdrawalPeriodDays)}</Text>
      {paragraphs(data.programme.terminationClause).map((paragraph) => (
        <Text key={paragraph} style={styles.clause}>
          {paragraph}
        </Text>
      ))}
    </View>
  )
}

function Signature({ data }: { data: RegistrationFormData }) {
  return (
    <View style={styles.signatureRow}>
      <View style={{ flex: 1, paddingRight: 16 }}>
        <Text style={styles.certification}>{CERTIFICATION}</Text>
        <Text style={styles.placeAndDate}>{placeAndDate(data.printedOn)}</Text>
      </View>
      <View style={styles.signatureBox}>
        <Text>{SIGNATURE_CAPTION}</Text>
      </View>
    </View>
  )
}

function Centre({ data }: { data: RegistrationFormData }) {
  const { centre } = data
  // A phone number is never cut across two lines.
  const contact = [`Tél.\u00a0${centre.phone.replaceAll(' ', '\u00a0')}`, centre.email]
    .filter(Boolean)
    .join(' · ')
  return (
    <View style={styles.centre}>
      <Text>
        <Text style={{ fontWeight: 600 }}>Dossier à déposer ou à envoyer au {centre.name}</Text>,{' '}
        {centre.addressLines.join(', ')}. {contact}.
      </Text>
      {centre.openingHours.length > 0 ? (
        <Text>Accueil du public : {centre.openingHours.join(' ; ')}.</Text>
      ) : null}
    </View>
  )
}

/**
 * The printable registration form as a PDF (A4, as many pages as needed): identity and photo,
 * contact, situation, UEs, fees and how to pay, pieces, withdrawal clause and signature. Every page
 * carries the reference and its number, so that loose sheets find their dossier.
 */
export function RegistrationFormDocument({ data }: { data: RegistrationFormData }) {
  registerPdfFonts()
  return (
    <Document
      title={`${FORM_TITLE} ${data.reference}`}
      author={INSTITUTION}
      subject={`${data.programme.code} — ${data.programme.title}, session ${data.session.label}`}
      creator={INSTITUTION}
      producer={INSTITUTION}
      language="fr"
    >
      <Page size="A4" style={styles.page} wrap>
        <View style={styles.footer} fixed>
          <Text>
            Cnam — Centre régional de La Réunion · {FORM_TITLE} · Réf. {data.reference}
          </Text>
          <Text render={({ pageNumber, totalPages }) => `page ${pageNumber} / ${totalPages}`} />
        </View>
        <Text
          style={styles.runningHeader}
          fixed
          render={({ pageNumber }) =>
            pageNumber > 1
              ? `${FORM_TITLE} ${data.reference} — ${data.programme.code}, session ${data.session.label}`
              : ''
          }
        />
        <View style={styles.body}>
          <Header data={data} />
          {formSections(data, FORM_SECTION_WORDS).map((section) => (
            <FieldsSection key={section.id} section={section} data={data} />
          ))}
          <Section number={4} title={SECTION_TITLES.prior}>
            <Prior data={data} />
          </Section>
          <View style={styles.section}>
            <Ues data={data} title={<SectionTitle number={5} title={SECTION_TITLES.ues} />} />
          </View>
          <View style={styles.section}>
            <Fees data={data} title={<SectionTitle number={6} title={SECTION_TITLES.fees} />} />
          </View>
          <View style={styles.section}>
            <Checklist data={data} title={<SectionTitle number={7} title={SECTION_TITLES.pieces} />} />
          </View>
          <Section number={8} title={SECTION_TITLES.withdrawal}>
            <Withdrawal data={data} />
          </Section>
          <Section number={9} title={SECTION_TITLES.signature}>
            <Signature data={data} />
            <Centre data={data} />
          </Section>
        </View>
      </Page>
    </Document>
  )
}

/** The registration form as PDF bytes (server only: reads the font files from node_modules). */
export async function renderRegistrationFormPdf(data: RegistrationFormData): Promise<Uint8Array> {
  const pdf = await renderToBuffer(RegistrationFormDocument({ data }))
  return new Uint8Array(pdf)
}
