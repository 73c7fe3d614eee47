import type { Locator } from '@playwright/test'
import { addDays, todayIn } from '@/lib/domain/dates'
import { formatEuros } from '@/lib/format'
import { toFrenchDate } from '@/lib/schemas/fields'
import { expect, test, type Page } from '../fixtures'
import { fillContact, fillIdentity, fixturePath, next, NIR, PIECES, startRegistration } from './helpers'

// 18 € dossier fee + 100 € base fee + (6 + 4) ECTS × 55 € for TET099 and PSY001.
const TOTAL = formatEuros(1800 + 10000 + 10 * 5500)

/**
 * Whether the focused element shows it: it matches :focus-visible and draws an outline or a ring
 * (a box-shadow layer with a colour and a spread), as a sighted keyboard user needs to see.
 */
async function focusIndicator(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement
    if (!element || element === document.body) return 'nothing focused'
    if (!element.matches(':focus-visible')) return 'not :focus-visible'
    const style = getComputedStyle(element)
    const alpha = (color: string) => {
      const parts = /rgba?\(([^)]*)\)/.exec(color)?.[1]?.split(',') ?? []
      return parts.length === 4 ? Number(parts[3]) : parts.length === 3 ? 1 : 0
    }
    if (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0 && alpha(style.outlineColor) > 0)
      return 'visible'
    const ring = [
      ...style.boxShadow.matchAll(
        /(rgba?\([^)]*\))\s+(-?[\d.]+)px\s+(-?[\d.]+)px\s+([\d.]+)px\s+([\d.]+)px/g,
      ),
    ]
    if (ring.some((layer) => alpha(layer[1]!) > 0 && Number(layer[5]) >= 1)) return 'visible'
    return `no outline nor ring (outline ${style.outlineStyle}, box-shadow ${style.boxShadow})`
  })
}

/** Presses `key` and checks that focus lands, visibly, on `target`. */
async function press(page: Page, key: string, target: Locator) {
  await page.keyboard.press(key)
  await expect(target).toBeFocused()
  await expect.poll(() => focusIndicator(page), { message: `focus indicator after ${key}` }).toBe('visible')
}

/** Tabs to a text field, checking it is the one expected, and types `text` in it. */
async function typeIn(page: Page, target: Locator, text: string) {
  await press(page, 'Tab', target)
  await page.keyboard.type(text)
  await expect(target).toHaveValue(text)
}

/** The main form's submit button; pressing Enter on it opens the next step. */
async function submitStep(page: Page, nextTitle: string) {
  await press(page, 'Tab', page.getByRole('button', { name: 'Enregistrer et continuer' }))
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 1, name: nextTitle })).toBeVisible()
}

test('the whole application can be done with the keyboard alone, focus visible at every step', async ({
  page,
}) => {
  test.setTimeout(180_000)
  await page.goto('/inscription')

  // The start page: skip link first, then the header, then the start button.
  await press(page, 'Tab', page.getByRole('link', { name: 'Aller au contenu' }))
  await press(page, 'Tab', page.getByRole('link', { name: /Cnam Réunion/ }))
  await press(page, 'Tab', page.getByRole('button', { name: 'Commencer mon inscription' }))
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 1, name: 'Identité' })).toBeVisible()

  // Identité. A radio group is one tab stop; Space ticks the focused radio.
  const madame = page.getByRole('radio', { name: 'Madame' })
  await press(page, 'Tab', madame)
  await page.keyboard.press('Space')
  await expect(madame).toBeChecked()
  await typeIn(page, page.getByLabel('Nom de naissance'), 'Payet')
  await typeIn(page, page.getByLabel('Nom d’usage'), 'Hoarau')
  await typeIn(page, page.getByLabel('Prénoms'), 'Marie-Claire')
  await typeIn(page, page.getByLabel('Date de naissance'), '12/09/1984')
  await typeIn(page, page.getByLabel('Commune de naissance'), 'Saint-Denis')
  // Country and nationality come filled in ("France", "Française"): tab past them.
  await press(page, 'Tab', page.getByLabel('Pays de naissance'))
  await expect(page.getByLabel('Pays de naissance')).toHaveValue('France')
  await press(page, 'Tab', page.getByLabel('Nationalité'))
  await typeIn(page, page.getByLabel('Numéro de sécurité sociale'), NIR)
  await submitStep(page, 'Coordonnées')

  // Coordonnées: the link back to the finished step comes first, then the fields.
  await press(page, 'Tab', page.getByRole('link', { name: '1. Identité (fait)' }))
  await typeIn(page, page.getByLabel('Adresse', { exact: true }), '12 rue des Flamboyants')
  await press(page, 'Tab', page.getByLabel('Complément d’adresse'))
  await typeIn(page, page.getByLabel('Code postal'), '97400')
  await typeIn(page, page.getByLabel('Commune', { exact: true }), 'Saint-Denis')
  await typeIn(page, page.getByLabel('Téléphone'), '0692 12 34 56')
  await typeIn(page, page.getByLabel('Adresse e-mail', { exact: true }), 'marie-claire.hoarau@example.re')
  await typeIn(page, page.getByLabel('Confirmez l’adresse e-mail'), 'marie-claire.hoarau@example.re')
  await press(page, 'Tab', page.getByRole('link', { name: '← Étape précédente' }))
  await submitStep(page, 'Situation et financement')

  // Situation: arrow keys move and tick within a radio group.
  await press(page, 'Tab', page.getByRole('link', { name: '1. Identité (fait)' }))
  await press(page, 'Tab', page.getByRole('link', { name: '2. Coordonnées (fait)' }))
  await press(page, 'Tab', page.getByRole('radio', { name: /^Demandeurs d'emploi/ }))
  const individual = page.getByRole('radio', { name: /^Individuels payants/ })
  await press(page, 'ArrowDown', individual)
  await expect(individual).toBeChecked()
  const employed = page.getByRole('radio', { name: /^Salarié\(e\), en activité/ })
  await press(page, 'Tab', employed)
  // Back and forth: a radio group's tab stop is its ticked radio.
  await press(page, 'Shift+Tab', individual)
  await press(page, 'Tab', employed)
  await page.keyboard.press('Space')
  await expect(employed).toBeChecked()
  // Ticking "salarié(e)" reveals the employer's fields right after the group, in the tab order.
  await typeIn(page, page.getByLabel('Nom de l’employeur'), 'Mission locale Nord')
  await typeIn(page, page.getByLabel('Adresse de l’employeur'), '1 rue de Paris, 97400 Saint-Denis')
  await typeIn(page, page.getByLabel('Personne à contacter'), 'Mme Grondin, ressources humaines')
  await press(page, 'Tab', page.getByLabel('Son téléphone'))
  await press(page, 'Tab', page.getByLabel('Son adresse e-mail'))
  const diploma = page.getByLabel('Votre diplôme le plus élevé')
  await press(page, 'Tab', diploma)
  for (const expected of ['NONE', 'CAP_BEP', 'BAC']) {
    await page.keyboard.press('ArrowDown')
    await expect(diploma).toHaveValue(expected)
  }
  await expect(diploma.locator('option:checked')).toHaveText('Baccalauréat ou équivalent')
  await press(page, 'Tab', page.getByLabel('Intitulé de ce diplôme'))
  const bacLevel = page.getByRole('radio', { name: 'Niveau bac' })
  await press(page, 'Tab', bacLevel)
  await page.keyboard.press('Space')
  await expect(bacLevel).toBeChecked()
  const firstRegistration = page
    .getByRole('group', { name: /première inscription/ })
    .getByRole('radio', { name: 'Oui' })
  await press(page, 'Tab', firstRegistration)
  await page.keyboard.press('Space')
  await expect(firstRegistration).toBeChecked()
  const baseFeeNotPaid = page
    .getByRole('group', { name: /droit individuel de base/ })
    .getByRole('radio', { name: 'Non' })
  await press(page, 'Tab', baseFeeNotPaid)
  await page.keyboard.press('Space')
  await expect(baseFeeNotPaid).toBeChecked()
  await press(page, 'Tab', page.getByRole('link', { name: '← Étape précédente' }))
  await submitStep(page, 'UE déjà obtenues')

  // UE déjà obtenues: none ticked; every UE of the catalogue is a tab stop, in catalogue order.
  for (const step of ['1. Identité', '2. Coordonnées', '3. Situation et financement'])
    await press(page, 'Tab', page.getByRole('link', { name: `${step} (fait)` }))
  const obtained = page.getByRole('checkbox')
  const count = await obtained.count()
  expect(count).toBeGreaterThan(0)
  for (let index = 0; index < count; index++) {
    await press(page, 'Tab', obtained.nth(index))
    await expect(obtained.nth(index)).not.toBeChecked()
  }
  await press(page, 'Tab', page.getByRole('link', { name: '← Étape précédente' }))
  await submitStep(page, 'Choix des UE')

  // Choix des UE: the UEs whose semester is closed are disabled and skipped by Tab.
  for (const step of ['1. Identité', '2. Coordonnées', '3. Situation et financement', '4. UE déjà obtenues'])
    await press(page, 'Tab', page.getByRole('link', { name: `${step} (fait)` }))
  const open = await page
    .getByRole('checkbox', { disabled: false })
    .evaluateAll((boxes) => boxes.map((box) => box.id))
  const codes = open.map((id) => id.replace(/^champ-ues-/, ''))
  expect(codes).toEqual(expect.arrayContaining(['TET099', 'PSY001']))
  const foad = page.getByRole('checkbox', { name: /^Suivre cette UE à distance/ })
  for (const code of codes) {
    const ue = page.getByRole('checkbox', { name: new RegExp(`^${code} `) })
    await press(page, 'Tab', ue)
    if (code !== 'TET099' && code !== 'PSY001') continue
    await page.keyboard.press('Space')
    await expect(ue).toBeChecked()
    // Its FOAD option appears right after it.
    await press(page, 'Tab', foad.last())
    await expect(foad.last()).not.toBeChecked()
  }
  await expect(page.getByTestId('total-inscription')).toHaveText(TOTAL)
  // The UEs of closed semesters are folded under one summary, itself a tab stop (when there are some).
  const closedUes = page.locator('summary', { hasText: 'UE dont les inscriptions sont closes' })
  if ((await closedUes.count()) > 0) await press(page, 'Tab', closedUes)
  await press(page, 'Tab', page.getByRole('link', { name: '← Étape précédente' }))
  await submitStep(page, 'Pièces justificatives')

  // Pièces: each file input opens the file chooser on Space; Enter on the button sends the file.
  for (const step of [
    '1. Identité',
    '2. Coordonnées',
    '3. Situation et financement',
    '4. UE déjà obtenues',
    '5. Choix des UE',
  ])
    await press(page, 'Tab', page.getByRole('link', { name: `${step} (fait)` }))
  for (const [label, file, type] of PIECES) {
    const item = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { level: 2, name: label }) })
    if (type) {
      await press(page, 'Tab', item.getByRole('link', { name: /^Télécharger le formulaire vierge/ }))
      const select = item.getByLabel('Type de document')
      await press(page, 'Tab', select)
      const labels = await select.locator('option').allTextContents()
      for (let index = 0; index < labels.indexOf(type); index++) await page.keyboard.press('ArrowDown')
      await expect(select.locator('option:checked')).toHaveText(type)
    }
    const input = item.getByLabel(/^Fichier/)
    await press(page, 'Tab', input)
    const chooser = page.waitForEvent('filechooser')
    await page.keyboard.press('Space')
    await (await chooser).setFiles(fixturePath(file))
    await expect(input).toBeFocused()
    const send = item.getByRole('button', { name: 'Envoyer le fichier' })
    await press(page, 'Tab', send)
    await page.keyboard.press('Enter')
    await expect(item.getByText('Fournie', { exact: true })).toBeVisible()
    await expect(item.getByRole('button', { name: `Supprimer ${file}` })).toBeVisible()
    // Focus stays on the uploader's button while the file is sent and after, so that Tab goes on
    // to the next piece.
    await expect(item.getByRole('button', { name: 'Ajouter un autre fichier' })).toBeFocused()
  }
  await expect(page.getByText('Toutes les pièces demandées sont fournies.')).toBeVisible()
  await press(page, 'Tab', page.getByRole('link', { name: '← Étape précédente' }))
  await press(page, 'Tab', page.getByRole('link', { name: 'Continuer vers le récapitulatif' }))
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 1, name: 'Récapitulatif et envoi' })).toBeVisible()

  // Récapitulatif: a "Modifier" link per block, then consent, its policy link, certification, send.
  await expect(page.getByText('Votre dossier est complet')).toBeVisible()
  for (const step of [
    '1. Identité',
    '2. Coordonnées',
    '3. Situation et financement',
    '4. UE déjà obtenues',
    '5. Choix des UE',
  ])
    await press(page, 'Tab', page.getByRole('link', { name: `${step} (fait)` }))
  await press(page, 'Tab', page.getByRole('link', { name: /^6\. Pièces justificatives/ }))
  for (const title of [
    'Identité',
    'Coordonnées',
    'Situation et financement',
    'UE déjà obtenues',
    'Choix des UE',
    'Pièces justificatives',
  ])
    await press(page, 'Tab', page.getByRole('link', { name: `Modifier : ${title}` }))
  const consent = page.getByRole('checkbox', { name: /J’accepte que le Cnam/ })
  await press(page, 'Tab', consent)
  await page.keyboard.press('Space')
  await expect(consent).toBeChecked()
  await press(page, 'Tab', page.getByRole('link', { name: 'politique de confidentialité' }))
  const certify = page.getByRole('checkbox', { name: /Je certifie/ })
  await press(page, 'Tab', certify)
  await page.keyboard.press('Space')
  await expect(certify).toBeChecked()
  await press(page, 'Tab', page.getByRole('button', { name: 'Envoyer mon dossier', exact: true }))
  await page.keyboard.press('Enter')

  await expect(page.getByText('Votre dossier est envoyé')).toBeVisible()
  await expect(page.getByTestId('reference')).toHaveText(/^CPN42-\d{4}-\d{5}$/)
  await expect(page.getByTestId('total')).toHaveText(TOTAL)
})

test('a job seeker dates the France Travail certificate, then corrects the date, with the keyboard', async ({
  page,
}) => {
  // The steps before the pieces are filled with the mouse: this test is about the dated piece.
  await startRegistration(page)
  await fillIdentity(page)
  await next(page)
  await fillContact(page)
  await next(page)
  await page.getByRole('radio', { name: /^Demandeurs d'emploi/ }).check()
  await page.getByRole('radio', { name: 'Demandeur ou demandeuse d’emploi' }).check()
  await page.getByLabel('Identifiant France Travail (ex-Pôle emploi)').fill('1234567A')
  await page.getByLabel('Votre diplôme le plus élevé').selectOption('BAC')
  await page.getByRole('radio', { name: 'Niveau bac' }).check()
  await page
    .getByRole('group', { name: /première inscription/ })
    .getByRole('radio', { name: 'Oui' })
    .check()
  await page
    .getByRole('group', { name: /droit individuel de base/ })
    .getByRole('radio', { name: 'Non' })
    .check()
  await next(page)
  await next(page)
  await page.getByRole('checkbox', { name: /^PSY001/ }).check()
  await next(page)
  await expect(page.getByRole('heading', { level: 1, name: 'Pièces justificatives' })).toBeVisible()

  // Far from the 15-day limit on both sides, so that the test does not depend on the hour.
  const today = todayIn(new Date())
  const recent = toFrenchDate(addDays(today, -3))
  const tooOld = toFrenchDate(addDays(today, -40))
  const item = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { level: 2, name: /^Attestation de Pôle emploi/ }) })
  const file = item.getByLabel(/^Fichier/)
  // The only non-keyboard action from here: the starting point.
  await file.focus()
  const chooser = page.waitForEvent('filechooser')
  await page.keyboard.press('Space')
  await (await chooser).setFiles(fixturePath('cv.pdf'))
  await typeIn(page, item.getByLabel('Date du document', { exact: true }), recent)
  await press(page, 'Tab', item.getByRole('button', { name: 'Envoyer le fichier' }))
  await page.keyboard.press('Enter')
  await expect(item.getByText('Fournie', { exact: true })).toBeVisible()
  const another = item.getByRole('button', { name: 'Ajouter un autre fichier' })
  await expect(another).toBeFocused()

  // Back to the date of the file just sent: it comes before the uploader.
  await press(page, 'Shift+Tab', item.getByLabel('Date du document', { exact: true }))
  await press(page, 'Shift+Tab', file)
  const save = item.getByRole('button', { name: 'Enregistrer la date' })
  await press(page, 'Shift+Tab', save)
  const sentDate = item.getByLabel(/^Date du document \(moins de 15 jours/)
  await press(page, 'Shift+Tab', sentDate)
  await expect(sentDate).toHaveValue(recent)
  await page.keyboard.press('Control+A')
  await page.keyboard.type(tooOld)
  await press(page, 'Tab', save)
  await page.keyboard.press('Enter')
  await expect(item.getByText('Trop ancienne', { exact: true })).toBeVisible()
  await expect(item.getByText(/le document doit dater de moins de 15 jours/)).toBeVisible()
  // Focus stays on the button once the date is saved.
  await expect(save).toBeFocused()

  await press(page, 'Shift+Tab', sentDate)
  await page.keyboard.press('Control+A')
  await page.keyboard.type(recent)
  await press(page, 'Tab', save)
  await page.keyboard.press('Enter')
  await expect(item.getByText('Fournie', { exact: true })).toBeVisible()
  await expect(save).toBeFocused()
})
