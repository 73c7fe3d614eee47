// Reads facts straight from the printed brochure's text, independently of the seed, so that tests
// can check the database against the source of truth rather than against the seed's own constants.
import { readFileSync } from 'node:fs'

export const BROCHURE_PATH = 'prisma/seed/brochure-cpn42-2010-2011.txt'

export function brochureText(): string {
  return readFileSync(BROCHURE_PATH, 'utf8')
}

/** Uppercase, no accents, straight apostrophes, single spaces: how titles are compared. */
export function normalizeTitle(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/[’`]/g, "'")
    .replace(/Œ/gi, 'OE')
    .toUpperCase()
    .replace(/\s+/g, ' ')
    .trim()
}

export type BrochureUe = {
  code: string
  title: string
  ects: number
  recommendedFirst: boolean
  prerequisites: string[]
}

/** The UE table: code, title, ECTS, the "1" footnote mark and "(PREREQUIS : …)". */
export function brochureUes(): BrochureUe[] {
  const text = brochureText()
  const table = text.slice(text.indexOf('UE Intitulés ECTS'), text.indexOf('Il est recommandé de commencer'))
  const codePattern = /\b([A-Z]{3}\d{3}|UA\d{3}[A-Z0-9])\b/g
  const starts = [...table.matchAll(codePattern)].filter(
    (match) => !/PREREQUIS : $/.test(table.slice(0, match.index)),
  )
  return starts.map((match, index) => {
    const end = index + 1 < starts.length ? starts[index + 1]!.index : table.length
    const block = table.slice(match.index + match[1]!.length, end)
    const prerequisites = [...block.matchAll(/\(PREREQUIS : ([A-Z0-9, ]+)\)/g)].flatMap((found) =>
      found[1]!.split(/,\s*/),
    )
    const tokens = block
      .replace(/\(PREREQUIS : [^)]*\)/g, ' ')
      .split(/\s+/)
      .filter(Boolean)
    const recommendedFirst = tokens[0] === '1'
    const body = recommendedFirst ? tokens.slice(1) : tokens
    const ectsIndex = body.findIndex((token) => /^\d{1,2}$/.test(token))
    return {
      code: match[1]!,
      // The brochure prints "DEL'ACCUEIL" for "de l'accueil".
      title: normalizeTitle(body.slice(0, ectsIndex).join(' ')).replace("DEL'", "DE L'"),
      ects: Number(body[ectsIndex]),
      recommendedFirst,
      prerequisites,
    }
  })
}

const MONTHS = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
]

function iso(day: string, month: string, year: string): string {
  const monthIndex = MONTHS.indexOf(month.toLowerCase())
  if (monthIndex < 0) throw new Error(`Unknown month ${month}`)
  return `${year}-${String(monthIndex + 1).padStart(2, '0')}-${String(Number(day.replace('er', ''))).padStart(2, '0')}`
}

const DATE = /(\d{1,2}(?:er)?) (\p{L}+) (\d{4})/u
const RANGE = /du (\d{1,2}(?:er)?)(?: (\p{L}+))? au (\d{1,2}(?:er)?) (\p{L}+) (\d{4})/u

function single(line: string, label: RegExp): string {
  const part = line.split('/').find((piece) => label.test(piece))
  const found = part ? DATE.exec(part) : null
  if (!found) throw new Error(`No date for ${label} in: ${line}`)
  return iso(found[1]!, found[2]!, found[3]!)
}

function range(line: string): [string, string] {
  const found = RANGE.exec(line)
  if (!found) throw new Error(`No range in: ${line}`)
  const [, fromDay, fromMonth, toDay, toMonth, year] = found as unknown as [
    string,
    string,
    string | undefined,
    string,
    string,
    string,
  ]
  return [iso(fromDay, fromMonth ?? toMonth, year), iso(toDay, toMonth, year)]
}

/** "Déroulement de la formation", field by field. */
export function brochureCalendar() {
  const text = brochureText()
  const lines = text
    .slice(text.indexOf('1er semestre (Date limite'), text.indexOf('DEBOUCHES'))
    .split('\n')
    .filter((line) => line.trim())
  const find = (pattern: RegExp, from = 0) => {
    const index = lines.findIndex((line, position) => position >= from && pattern.test(line))
    if (index < 0) throw new Error(`Missing calendar line ${pattern}`)
    return index
  }
  const s1 = find(/^1er semestre/)
  const s2 = find(/^2nd semestre/)
  const line = (index: number) => lines[index]!
  return {
    semester1: {
      registrationDeadline: single(line(s1), /Date limite/),
      startsOn: single(line(find(/Début de la formation/, s1)), /Début/),
      pauseOn: single(line(find(/Arrêt des cours/, s1)), /Arrêt/),
      resumeOn: single(line(find(/Reprise des cours/, s1)), /Reprise/),
      endsOn: single(line(find(/Fin des cours/, s1)), /Fin des cours/),
      exams: range(line(find(/session d.examen pour les UE du 1er/, s1))),
    },
    semester2: {
      registrationDeadline: single(line(s2), /Date limite/),
      startsOn: single(line(find(/Début de la formation/, s2)), /Début/),
      endsOn: single(line(find(/Fin des cours/, s2)), /Fin des cours/),
      exams: range(line(find(/session d.examen pour les UE du 2nd/, s2))),
    },
    secondExamSession: range(line(find(/2ème session/))),
  }
}

/** Every "N €" of "Participation aux frais de formation", in printed order, in cents. */
export function brochureAmountsCents(): number[] {
  const text = brochureText()
  const section = text.slice(text.indexOf('Frais de dossier'), text.indexOf('Des conseillers sont'))
  return [...section.matchAll(/(\d+) €/g)].map((match) => Number(match[1]) * 100)
}

/** Phone and fax numbers as digits, in printed order. */
export function brochurePhoneNumbers(): string[] {
  return [...brochureText().matchAll(/(0262(?:\.\d{2}){3})/g)].map((match) => match[1]!.replace(/\D/g, ''))
}
