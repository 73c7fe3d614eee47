import { extractTextItems } from 'unpdf'
import { beforeAll, describe, expect, it } from 'vitest'
import type { RegistrationFormData } from '@/lib/domain/registration-form'
import {
  sampleLongRegistrationFormData,
  sampleRegistrationFormData,
} from '@/tests/fixtures/registration-form'
import { renderRegistrationFormPdf } from './registration-form'

/**
 * The PDF's layout as a reader sees it: no text drawn over other text, nothing written into the
 * page footer. Positions come from pdf.js (unpdf), in points from the bottom-left corner.
 */

type Box = { page: number; text: string; left: number; right: number; bottom: number; top: number }

/** Room around glyphs that touch without overlapping (a bold run after a plain one, two lines). */
const SLACK = 0.6

async function textBoxes(pdf: Uint8Array): Promise<Box[][]> {
  const { items } = await extractTextItems(new Uint8Array(pdf))
  return items.map((pageItems, index) =>
    pageItems
      .filter((item) => item.str.trim() !== '')
      .map((item) => ({
        page: index + 1,
        text: item.str,
        left: item.x,
        right: item.x + item.width,
        // The glyphs' box: descenders below the baseline, capitals and accents above it.
        bottom: item.y - 0.22 * item.fontSize,
        top: item.y + 0.78 * item.fontSize,
      })),
  )
}

function overlaps(a: Box, b: Box): boolean {
  return (
    a.left + SLACK < b.right - SLACK &&
    b.left + SLACK < a.right - SLACK &&
    a.bottom + SLACK < b.top - SLACK &&
    b.bottom + SLACK < a.top - SLACK
  )
}

const describeBox = (box: Box) =>
  `p.${box.page} «${box.text}» x ${box.left.toFixed(1)}–${box.right.toFixed(1)} y ${box.bottom.toFixed(1)}–${box.top.toFixed(1)}`

/** Pairs of text items drawn over each other, and items that reach into the page footer. */
async function layoutFaults(data: RegistrationFormData): Promise<{ pages: number; faults: string[] }> {
  const pages = await textBoxes(await renderRegistrationFormPdf(data))
  const faults: string[] = []
  for (const boxes of pages) {
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        if (overlaps(boxes[i]!, boxes[j]!))
          faults.push(`${describeBox(boxes[i]!)} over ${describeBox(boxes[j]!)}`)
      }
    }
    const isFooter = (box: Box) =>
      /^page \d+ \/ \d+$/.test(box.text) || box.text.startsWith('Cnam — Centre régional de La Réunion ·')
    const footer = boxes.filter(isFooter)
    expect(footer.length, `footer of page ${boxes[0]?.page}`).toBe(2)
    // The footer's rule is drawn 4 pt above its text.
    const footerTop = Math.max(...footer.map((box) => box.top)) + 4
    for (const box of boxes) {
      if (!isFooter(box) && box.bottom < footerTop)
        faults.push(`${describeBox(box)} crosses the footer (top ${footerTop.toFixed(1)})`)
    }
  }
  return { pages: pages.length, faults }
}

const LONG_TITLE =
  'Accompagnement social et professionnel des publics en situation de vulnérabilité : méthodes, outils, partenariats territoriaux et évaluation des pratiques (approfondissement)'

let worst: RegistrationFormData

beforeAll(async () => {
  const long = await sampleLongRegistrationFormData()
  // Every UE of the long sample, plus two with the longest titles: 14 UEs, some at a distance.
  const ues: RegistrationFormData['ues'] = [
    ...long.ues.map((ue, index) => (index % 3 === 0 ? { ...ue, title: `${ue.title} — ${LONG_TITLE}` } : ue)),
    { ...long.ues[0]!, code: 'USEA01', title: LONG_TITLE, foad: true },
    { ...long.ues[1]!, code: 'USEA02', title: `${LONG_TITLE} ${LONG_TITLE}`, foad: false },
  ]
  worst = {
    ...long,
    ues,
    prior: {
      ...long.prior,
      obtained: [
        ...long.prior.obtained,
        { code: 'AST001', place: 'ELSEWHERE', year: 2012 },
        { code: 'DRS101', place: 'REUNION', year: 2018 },
        { code: 'PSY003', place: 'ELSEWHERE', year: 2023 },
      ],
    },
  }
}, 30_000)

describe('registration form PDF layout', () => {
  it('draws no text over text and nothing into the footer, in the worst case (14 long UEs)', async () => {
    expect(worst.ues).toHaveLength(14)
    const { pages, faults } = await layoutFaults(worst)
    expect(pages).toBeGreaterThanOrEqual(3)
    expect(faults).toEqual([])
  }, 60_000)

  it.each([0, 1, 14])(
    'draws no text over text with %i UE(s)',
    async (count) => {
      const { faults } = await layoutFaults({ ...worst, ues: worst.ues.slice(0, count) })
      expect(faults).toEqual([])
    },
    60_000,
  )

  it('draws no text over text for the sample dossier (3 chosen UEs, 2 declared)', async () => {
    const { faults } = await layoutFaults(await sampleRegistrationFormData())
    expect(faults).toEqual([])
  }, 60_000)

  it('repeats the head of the UE table on each page it runs on', async () => {
    const pages = await textBoxes(await renderRegistrationFormPdf(worst))
    const ueCodes = new Set(worst.ues.map((ue) => ue.code))
    const pagesWithUes = pages.filter((boxes) => boxes.some((box) => ueCodes.has(box.text)))
    expect(pagesWithUes.length).toBeGreaterThanOrEqual(2)
    for (const boxes of pagesWithUes) {
      const texts = boxes.map((box) => box.text)
      expect(texts).toContain('Intitulé')
      expect(texts).toContain('Période')
    }
    // Every UE is printed once, whatever the pages.
    const printed = pages.flat().filter((box) => ueCodes.has(box.text))
    expect(printed.map((box) => box.text).sort()).toEqual([...ueCodes].sort())
  }, 60_000)
})
