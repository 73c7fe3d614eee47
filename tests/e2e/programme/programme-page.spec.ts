import { academicStartYear, addDays, todayIn, weeksNearestToYears } from '@/lib/domain/dates'
import { formatDate, formatDateRange, formatEuros, formatPhone } from '@/lib/format'
import {
  brochureAmountsCents,
  brochureCalendar,
  brochurePhoneNumbers,
  brochureUes,
} from '../../support/brochure'
import { accessibilityViolations, DESKTOP, expect, PHONE, test } from '../fixtures'

// The page shows the current academic year, generated from the 2010-2011 brochure: every day moved
// by the whole weeks nearest to the years since (Monday 27 September 2010 stays a Monday).
const years = academicStartYear(todayIn(new Date())) - 2010
const weeks = weeksNearestToYears(brochureCalendar().semester1.startsOn, years)
const shift = (date: string) => addDays(date, 7 * weeks)
const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay()

test.describe('the programme page', () => {
  test('lists every UE of the brochure with its title and ECTS', async ({ page }) => {
    await page.goto('/')
    const section = page.getByRole('region', { name: 'Les unités d’enseignement' })
    for (const ue of brochureUes()) {
      const row = section
        .getByRole('row')
        .filter({ has: page.getByRole('rowheader', { name: ue.code, exact: true }) })
      await expect(row).toHaveCount(1)
      await expect(row.getByRole('cell').last()).toHaveText(String(ue.ects))
      const title = await row.getByRole('cell').first().innerText()
      expect(
        title
          .normalize('NFD')
          .replace(/\p{Diacritic}/gu, '')
          .replace(/’/g, "'")
          .toUpperCase()
          .replace(/\s+/g, ' '),
      ).toContain(ue.title)
      if (ue.recommendedFirst) await expect(row).toContainText('À suivre en premier')
      for (const required of ue.prerequisites) await expect(row).toContainText(`Prérequis : ${required}`)
    }
  })

  test('shows every amount of the fees section', async ({ page }) => {
    await page.goto('/')
    const fees = page.getByRole('table').filter({ hasText: 'Frais de dossier' })
    const text = await fees.innerText()
    for (const cents of brochureAmountsCents()) expect(text).toContain(formatEuros(cents))
  })

  test('shows every date of the calendar, for the current session', async ({ page }) => {
    await page.goto('/')
    const calendar = page.getByRole('region', { name: /^Calendrier/ })
    const printed = brochureCalendar()
    const days = [
      printed.semester1.registrationDeadline,
      printed.semester1.startsOn,
      printed.semester1.pauseOn,
      printed.semester1.resumeOn,
      printed.semester1.endsOn,
      printed.semester2.registrationDeadline,
      printed.semester2.startsOn,
      printed.semester2.endsOn,
    ]
    for (const day of days) {
      await expect(calendar.getByText(formatDate(shift(day)), { exact: true })).toBeVisible()
      // The brochure's weekdays are kept: no course starts on a Sunday.
      expect(weekday(shift(day)), day).toBe(weekday(day))
    }
    for (const [from, to] of [printed.semester1.exams, printed.semester2.exams, printed.secondExamSession]) {
      await expect(calendar.getByText(formatDateRange(shift(from), shift(to)), { exact: true })).toBeVisible()
    }
  })

  test('gives both centres with their phone numbers and the opening hours', async ({ page }) => {
    await page.goto('/')
    const contacts = page.getByRole('region', { name: 'Contacts' })
    const [portPhone, portFax, stLouisPhone, stLouisFax] = brochurePhoneNumbers()
    await expect(contacts.getByRole('link', { name: formatPhone(portPhone!) })).toHaveAttribute(
      'href',
      `tel:+262${portPhone!.slice(1)}`,
    )
    await expect(contacts.getByRole('link', { name: formatPhone(stLouisPhone!) })).toHaveAttribute(
      'href',
      `tel:+262${stLouisPhone!.slice(1)}`,
    )
    await expect(contacts).toContainText(formatPhone(portFax!))
    await expect(contacts).toContainText(formatPhone(stLouisFax!))
    await expect(contacts).toContainText('Du lundi au jeudi de 8h15 à 12h30 et de 13h30 à 17h00')
    await expect(contacts).toContainText('Le vendredi de 8h15 à 12h15')
    await expect(contacts.getByRole('link', { name: 'info@cnam.re' }).first()).toHaveAttribute(
      'href',
      'mailto:info@cnam.re',
    )
  })

  test('simulates the fees, and the total follows the category', async ({ page }) => {
    await page.goto('/')
    const simulator = page.getByRole('form', { name: 'Simulateur de frais' })
    const total = page.getByTestId('simulateur-total')
    await simulator.getByRole('checkbox', { name: /AST002/ }).check()
    await simulator.getByRole('radio', { name: /Demandeurs d'emploi/ }).check()
    // 18 € dossier fee + 100 € base fee + 6 ECTS × 5 €.
    await expect(total).toHaveText(formatEuros(1800 + 10000 + 6 * 500))
    await simulator.getByRole('radio', { name: /Salariés pris en charge/ }).check()
    await expect(total).toHaveText(formatEuros(1800 + 10000 + 6 * 12500))
    await simulator.getByRole('checkbox', { name: /FOAD/ }).check()
    await expect(total).toHaveText(formatEuros(1800 + 10000 + 20000))
  })

  test('dates a generated session by its own last change, and names the session it was made from', async ({
    page,
  }) => {
    await page.goto('/')
    const about = page.getByText(
      /^Données de la session \d{4}-\d{4} \(calendrier, UE, tarifs\) mises à jour le /,
    )
    await expect(about).toBeVisible()
    await expect(about).toContainText('à partir de la session 2010-2011')
    await expect(about).not.toContainText('2010.')
    await expect(page.getByText(/Dernière mise à jour de la fiche/)).toHaveCount(0)
  })

  test('at 360 × 800, « S’inscrire en ligne » is on the first screen, under a paragraph that does not repeat the title', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 360, height: 800 })
    await page.goto('/')
    await expect(page.getByRole('link', { name: 'S’inscrire en ligne' })).toBeInViewport({ ratio: 1 })
    const title = (await page.getByRole('heading', { level: 1 }).innerText()).trim()
    const opening = page.getByText(/crédits ECTS\. Enregistré au Répertoire national/)
    await expect(opening).toBeInViewport()
    expect(await opening.innerText()).not.toContain(title.split(' / ')[0]!)
  })

  for (const [name, viewport] of [
    ['phone', { width: 360, height: 800 }],
    ['desktop', DESKTOP],
  ] as const) {
    test(`keeps the simulator's total in view while UEs are ticked (${name})`, async ({ page }) => {
      await page.setViewportSize(viewport)
      await page.goto('/')
      const simulator = page.getByRole('form', { name: 'Simulateur de frais' })
      await simulator.getByRole('radio', { name: /Individuels payants/ }).check()
      const boxes = simulator.getByRole('checkbox', { name: /^[A-Z]{3}\d{3}/ })
      const last = boxes.last()
      await last.scrollIntoViewIfNeeded()
      await last.check()
      const total =
        name === 'phone'
          ? simulator.getByText('Total estimé').locator('..')
          : page.getByTestId('simulateur-total')
      await expect(total).toBeInViewport({ ratio: 1 })
      await expect(total).toContainText(await page.getByTestId('simulateur-total').innerText())
    })
  }

  test('shows a drawn wordmark in the header, from public/logo.svg', async ({ page, request }) => {
    await page.goto('/')
    const header = page.getByRole('banner')
    const logo = header.locator('img[src="/logo.svg"]')
    await expect(logo).toBeVisible()
    expect(await logo.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBeGreaterThan(0)
    await expect(header.getByRole('link', { name: /Cnam Réunion/ })).toBeVisible()
    await expect(header.getByText('cnam', { exact: true })).toHaveCount(0)
    const svg = await request.get('/logo.svg')
    expect(svg.headers()['content-type']).toContain('image/svg+xml')
    const text = await svg.text()
    expect(text).toContain('<path')
    expect(text).not.toContain('<text')
  })

  test('describes itself to search engines', async ({ page }) => {
    await page.goto('/')
    await expect(page).toHaveTitle(/Chargé d'accompagnement social \/ professionnel \(CPN42\)/)
    const json = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}')
    expect(json['@type']).toEqual(['EducationalOccupationalProgram', 'Course'])
    expect(json.courseCode).toBe('CPN42')
    expect(json.hasCourse).toHaveLength(brochureUes().length)
  })

  for (const [name, viewport] of [
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ] as const) {
    test(`has no WCAG 2.1 AA violation at ${name} width`, async ({ page }) => {
      await page.setViewportSize(viewport)
      await page.goto('/')
      expect(await accessibilityViolations(page)).toEqual([])
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      )
      expect(overflow, 'horizontal scrolling').toBeLessThanOrEqual(0)
    })
  }
})
