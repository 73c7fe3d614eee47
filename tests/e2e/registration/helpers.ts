import { readFileSync } from 'node:fs'
import { nirKey } from '@/lib/domain/nir'
import type { Page } from '@playwright/test'
import { expect } from '../fixtures'

export const NIR_BODY = '2840997411005'
export const NIR = `${NIR_BODY}${String(nirKey(NIR_BODY)).padStart(2, '0')}`

export function fixturePath(name: string): string {
  return `tests/fixtures/uploads/${name}`
}

export function fixtureBuffer(name: string): Buffer {
  return readFileSync(fixturePath(name))
}

/** Submits the current step and waits for the next one to open. */
export async function next(page: Page) {
  const current = page.url()
  await page.getByRole('button', { name: 'Enregistrer et continuer' }).click()
  await page.waitForURL((url) => url.toString() !== current)
}

export async function startRegistration(page: Page) {
  await page.goto('/inscription')
  await page.getByRole('button', { name: /Commencer (mon|une nouvelle) inscription/ }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Identité' })).toBeVisible()
}

export async function fillIdentity(page: Page, options: { birthName?: string } = {}) {
  await page.getByRole('radio', { name: 'Madame' }).check()
  await page.getByLabel('Nom de naissance').fill(options.birthName ?? 'Payet')
  await page.getByLabel('Nom d’usage').fill('Hoarau')
  await page.getByLabel('Prénoms').fill('Marie-Claire')
  await page.getByLabel('Date de naissance').fill('12/09/1984')
  await page.getByLabel('Commune de naissance').fill('Saint-Denis')
  await page.getByLabel('Numéro de sécurité sociale').fill(NIR)
}

/** Signs a staff member in through the sign-in page. */
export async function signInStaff(page: Page, email: string, password: string) {
  await page.goto('/admin/connexion')
  await page.getByLabel('Adresse e-mail').fill(email)
  await page.getByLabel('Mot de passe').fill(password)
  await page.getByRole('button', { name: 'Se connecter' }).click()
  await page.waitForURL((url) => !url.pathname.startsWith('/admin/connexion'))
}

export async function fillContact(page: Page, email = 'marie-claire.hoarau@example.re') {
  await page.getByLabel('Adresse', { exact: true }).fill('12 rue des Flamboyants')
  await page.getByLabel('Code postal').fill('97400')
  await page.getByLabel('Commune', { exact: true }).fill('Saint-Denis')
  await page.getByLabel('Téléphone').fill('0692 12 34 56')
  await page.getByLabel('Adresse e-mail', { exact: true }).fill(email)
  await page.getByLabel('Confirmez l’adresse e-mail').fill(email)
}

export async function fillSituation(page: Page) {
  await page.getByRole('radio', { name: /Individuels payants/ }).check()
  await page.getByRole('radio', { name: /Salarié\(e\), en activité/ }).check()
  await page.getByLabel('Nom de l’employeur').fill('Mission locale Nord')
  await page.getByLabel('Adresse de l’employeur').fill('1 rue de Paris, 97400 Saint-Denis')
  await page.getByLabel('Personne à contacter').fill('Mme Grondin, ressources humaines')
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
}

/** Pieces an employed individual must provide, with the file sent for each. */
export const PIECES: Array<[RegExp, string, string?]> = [
  [/^Curriculum vitae/, 'cv.pdf'],
  [/^Lettre de motivation/, 'cv.pdf'],
  [/^Photocopie des diplômes/, 'scan-releve.png'],
  [/^Attestation d'emploi ou Bulletin de salaire/, 'cv.pdf', 'Bulletin de salaire'],
  [/^Justificatif de la couverture sociale/, 'cv.pdf'],
  [/^Photocopie de la carte d'identité/, 'scan-releve.png'],
  [/^Photographie d'identité/, 'photo-identite-gps.jpg'],
  [/^Titre de paiement/, 'cv.pdf'],
]

export async function uploadAllPieces(page: Page) {
  for (const [label, file, type] of PIECES) {
    const item = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { level: 2, name: label }) })
    if (type) await item.getByLabel('Type de document').selectOption({ label: type })
    await item.getByLabel(/^Fichier/).setInputFiles(fixturePath(file))
    await item.getByRole('button', { name: 'Envoyer le fichier' }).click()
    await expect(item.getByText('Fournie', { exact: true })).toBeVisible()
  }
}

/** A new registration filled in up to the UE step (employed individual, no UE obtained). */
export async function toUeStep(page: Page, options: { birthName?: string } = {}) {
  await startRegistration(page)
  await fillIdentity(page, options)
  await next(page)
  await fillContact(page)
  await next(page)
  await fillSituation(page)
  await next(page)
  await next(page)
  await expect(page.getByRole('heading', { level: 1, name: 'Choix des UE' })).toBeVisible()
}

/** A new draft up to the pieces step, with PSY001 chosen (the UE every test can take). */
export async function toPiecesStep(page: Page, options: { birthName?: string } = {}) {
  await toUeStep(page, options)
  await page.getByRole('checkbox', { name: /^PSY001/ }).check()
  await next(page)
  await expect(page.getByRole('heading', { level: 1, name: /pièces/i })).toBeVisible()
}
