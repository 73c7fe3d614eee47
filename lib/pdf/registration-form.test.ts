import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { extractText } from 'unpdf'
import { beforeAll, describe, expect, it } from 'vitest'
import { RegistrationFormPrint } from '@/components/dossier/registration-form-print'
import { formSections, type RegistrationFormData } from '@/lib/domain/registration-form'
import {
  sampleLongRegistrationFormData,
  sampleRegistrationFormData,
} from '@/tests/fixtures/registration-form'
import { qrCodeSvg } from './qr-code'
import { renderRegistrationFormPdf } from './registration-form'
import { FORM_SECTION_WORDS } from './registration-form-text'

/**
 * One spelling for comparisons: formatEuros writes narrow no-break spaces (the PDF no-break
 * spaces), lines wrap anywhere, and the form uses typographic apostrophes.
 */
function normalize(text: string): string {
  return text.replace(/[’]/g, "'").replace(/\s+/g, ' ').trim()
}

/** The text a reader sees in static markup: tags dropped, entities decoded. */
function visibleText(html: string): string {
  return normalize(
    html
      .replace(/<style[\s\S]*?<\/style>/g, ' ')
      .replace(/<[^>]+>/g, ' ')
      .replace(/&#x27;|&#39;/g, "'")
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&'),
  )
}

/** Image XObjects in a react-pdf file (pdfkit writes object dictionaries uncompressed). */
function imageCount(pdf: Uint8Array): number {
  return (
    Buffer.from(pdf)
      .toString('latin1')
      .match(/\/Subtype \/Image/g)?.length ?? 0
  )
}

const CAUTION =
  "Des chèques de caution d'un montant total de 978 € à l'ordre de l'ARCnam, car l'attestation ne sera pas signée par votre employeur (ils ne sont pas encaissés si la prise en charge est confirmée)."
const WITHDRAWAL = "Vous disposez d'un délai de rétractation de 10 jours après le dépôt de votre dossier."

let sample: RegistrationFormData
let long: RegistrationFormData

beforeAll(async () => {
  sample = await sampleRegistrationFormData()
  long = await sampleLongRegistrationFormData()
})

describe('sample data', () => {
  it('prices the employer-funded registration and its caution as the brochure does', () => {
    // 18 € + 100 € + 2 × 6 ECTS × 125 € + 200 € (FOAD); caution at the individual rate: 55 € per ECTS.
    expect(sample.fees.totalCents).toBe(1818_00)
    expect(sample.cautionCents).toBe(978_00)
  })
})

describe('registration form PDF', () => {
  let pdf: Uint8Array
  let text: string
  let pages: number

  beforeAll(async () => {
    pdf = await renderRegistrationFormPdf(sample)
    const extracted = await extractText(new Uint8Array(pdf), { mergePages: true })
    text = normalize(extracted.text)
    pages = extracted.totalPages
  }, 30_000)

  it('is a PDF', () => {
    expect(Buffer.from(pdf.slice(0, 5)).toString('latin1')).toBe('%PDF-')
  })

  it('shows the institution, the reference, the programme and the session', () => {
    expect(text).toContain('Conservatoire national des arts et métiers — Centre régional de La Réunion')
    expect(text).toContain('CPN42-2026-00042')
    expect(text).toContain("CPN42 — Chargé d'accompagnement social / professionnel")
    expect(text).toContain('Titre professionnel de niveau III — 120 crédits ECTS')
    expect(text).toContain('2026-2027')
    expect(text).toContain('5 octobre 2026')
    expect(text).toContain("Réservé à l'administration")
  })

  it('shows the applicant', () => {
    expect(text).toContain('PAYET')
    expect(text).toContain('HOARAU')
    expect(text).toContain('Marie-Claire')
    expect(text).toContain('12 septembre 1984')
    expect(text).toContain('2 84 09 97 411 238 44')
    expect(text).toContain('0692 12 34 56')
    expect(text).toContain("Salarié pris en charge par l'employeur")
    expect(text).toContain('Mission locale Nord')
  })

  it('lists the chosen UEs, the fees and the total', () => {
    for (const code of ['AST004', 'TRS001', 'TET003']) expect(text).toContain(code)
    expect(text).toContain('6 ECTS × 125 €')
    expect(text).toContain('1 818 €')
  })

  it('says how to pay: certificate and caution cheques', () => {
    expect(text).toContain("L'original de l'attestation de prise en charge par votre employeur.")
    expect(text).toContain(CAUTION)
  })

  it('shows the pieces with their state', () => {
    expect(text).toContain('cv-marie-claire-hoarau.pdf')
    expect(text).toContain("Chèques de caution à l'ordre de l'ARCnam — Manquante")
  })

  it('ends with the withdrawal clause, the certification and the signature box', () => {
    expect(text).toContain(WITHDRAWAL)
    expect(text).toContain("Je certifie l'exactitude des informations ci-dessus.")
    expect(text).toContain('le 5 octobre 2026')
    expect(text).toContain('Signature du candidat')
  })

  it('numbers every page with the reference', () => {
    for (let page = 1; page <= pages; page++) expect(text).toContain(`page ${page} / ${pages}`)
    expect(text.match(/Réf\. CPN42-2026-00042/g)).toHaveLength(pages)
  })

  it('embeds the photo and the QR code as images', async () => {
    const withoutPhoto = await renderRegistrationFormPdf({ ...sample, photo: null })
    expect(imageCount(pdf)).toBeGreaterThanOrEqual(2)
    expect(imageCount(withoutPhoto)).toBe(imageCount(pdf) - 1)
    expect(normalize((await extractText(new Uint8Array(withoutPhoto), { mergePages: true })).text)).toContain(
      "Photo d'identité 35 × 45 mm",
    )
  }, 30_000)
})

describe('registration form PDF of a long dossier', () => {
  it('runs on several numbered pages and keeps every UE and piece', async () => {
    const pdf = await renderRegistrationFormPdf(long)
    const { text, totalPages } = await extractText(new Uint8Array(pdf), { mergePages: true })
    const content = normalize(text)
    expect(long.ues).toHaveLength(12)
    expect(long.checklist).toHaveLength(15)
    expect(totalPages).toBeGreaterThanOrEqual(2)
    expect(content).toContain(`page 2 / ${totalPages}`)
    expect(content).toContain('CPN42-2026-01234')
    for (const ue of long.ues) expect(content).toContain(ue.code)
    expect(content).toContain('Non conforme')
    expect(content).toContain('À revoir')
    expect(content).toContain(
      "Votre chèque de 912 € à l'ordre de l'ARCnam, avec la référence de votre dossier au dos.",
    )
    expect(content).toContain('30 mois, dans le domaine du titre')
    expect(content).toContain(WITHDRAWAL)
  }, 30_000)
})

describe('registration form print view (HTML)', () => {
  let html: string
  let text: string

  beforeAll(async () => {
    html = renderToStaticMarkup(
      createElement(RegistrationFormPrint, { data: sample, qrSvg: await qrCodeSvg(sample.staffUrl) }),
    )
    text = visibleText(html)
  })

  it('shows the same key texts as the PDF', () => {
    expect(text).toContain('CPN42-2026-00042')
    expect(text).toContain('PAYET')
    expect(text).toContain('2 84 09 97 411 238 44')
    for (const code of ['AST004', 'TRS001', 'TET003']) expect(text).toContain(code)
    expect(text).toContain('1 818 €')
    expect(text).toContain(CAUTION)
    expect(text).toContain(WITHDRAWAL)
    expect(text).toContain('Signature du candidat')
  })

  it('has the photo, the QR code with a text alternative, and accessible tables', () => {
    expect(html).toMatch(/<img [^>]*src="data:image\/jpeg;base64,[A-Za-z0-9+/=]+"/)
    expect(html).toMatch(/<img [^>]*alt="Photo d’identité de Madame Marie-Claire HOARAU"/)
    expect(html).toMatch(/<div role="img" aria-label="QR code[^"]*"[^>]*><svg /)
    expect(html.match(/<h2 /g)).toHaveLength(9)
    expect(html.match(/<caption/g)?.length).toBe(4)
    expect(html).toContain('scope="col"')
  })

  it('prints the reference and page numbers in the page margins', () => {
    expect(html).toContain('@bottom-right { content: "page " counter(page) " / " counter(pages)')
    expect(html).toContain('Réf. CPN42-2026-00042"')
  })

  it('prints an empty photo frame when there is no photo', () => {
    const withoutPhoto = renderToStaticMarkup(
      createElement(RegistrationFormPrint, { data: long, qrSvg: '<svg></svg>' }),
    )
    expect(withoutPhoto).not.toContain('<img')
    expect(visibleText(withoutPhoto)).toContain("Photo d'identité 35 × 45 mm")
    expect(visibleText(withoutPhoto)).toContain(
      "Votre chèque de 912 € à l'ordre de l'ARCnam, avec la référence de votre dossier au dos.",
    )
  })
})

describe('one model, two renderings', () => {
  /** Without any white space: the PDF cuts long words across lines where the HTML does not. */
  const squeeze = (text: string) => normalize(text).replace(/\s/g, '')

  it.each([
    ['the sample dossier', () => sample],
    ['the long dossier', () => long],
  ])(
    'prints every field of formSections, label and value, in the PDF and in the HTML (%s)',
    async (_, get) => {
      const data = get()
      const fields = formSections(data, FORM_SECTION_WORDS).flatMap((section) => section.lines.flat())
      expect(fields.length).toBeGreaterThanOrEqual(data.situation.employer ? 19 : 16)
      const pdfText = squeeze(
        (await extractText(await renderRegistrationFormPdf(data), { mergePages: true })).text,
      )
      const htmlText = squeeze(
        visibleText(
          renderToStaticMarkup(createElement(RegistrationFormPrint, { data, qrSvg: '<svg></svg>' })),
        ),
      )
      for (const field of fields) {
        const values = field.value === null ? ['—'] : [field.value].flat()
        for (const expected of [field.label, ...values].map(squeeze)) {
          expect(pdfText, `PDF: ${field.label}`).toContain(expected)
          expect(htmlText, `HTML: ${field.label}`).toContain(expected)
        }
      }
    },
    60_000,
  )
})
