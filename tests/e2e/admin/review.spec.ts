import { randomBytes } from 'node:crypto'
import { accessibilityViolations, expect, test } from '../fixtures'
import {
  fillContact,
  fillIdentity,
  fillSituation,
  next,
  signInStaff,
  uploadAllPieces,
} from '../registration/helpers'
import { E2E_STAFF, E2E_STAFF_PASSWORD } from '../staff-accounts'

test('a reviewer rejects a piece, the applicant sends it again, the reviewer accepts the dossier', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000)
  // A unique name, so that the search finds this dossier only.
  const birthName = `Revue${randomBytes(3).toString('hex')}`

  // The applicant applies, in their own browser.
  const applicant = await (await browser.newContext()).newPage()
  await applicant.goto('/inscription')
  await applicant.getByRole('button', { name: 'Commencer mon inscription' }).click()
  await fillIdentity(applicant, { birthName })
  await next(applicant)
  await fillContact(applicant)
  await next(applicant)
  await fillSituation(applicant)
  await next(applicant)
  await next(applicant)
  await applicant.getByRole('checkbox', { name: /^PSY001/ }).check()
  await next(applicant)
  await uploadAllPieces(applicant)
  await applicant.goto('/inscription/recapitulatif')
  await applicant.getByRole('checkbox', { name: /J’accepte que le Cnam/ }).check()
  await applicant.getByRole('checkbox', { name: /Je certifie/ }).check()
  await applicant.getByRole('button', { name: /Envoyer mon dossier/ }).click()
  const reference = (await applicant.getByTestId('reference').textContent())?.trim() ?? ''

  // The reviewer finds it by name (typed without capitals).
  await signInStaff(page, E2E_STAFF.GESTIONNAIRE, E2E_STAFF_PASSWORD)
  await page.goto('/admin/dossiers')
  await page.getByLabel('Rechercher', { exact: true }).fill(birthName.toLowerCase())
  await page.getByLabel('Rechercher', { exact: true }).press('Enter')
  await page.getByRole('link', { name: reference }).click()
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(reference) })).toBeVisible()
  expect(await accessibilityViolations(page), 'dossier page').toEqual([])

  // The ID card is not readable: rejected with a reason, and asked for again.
  const idCard = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { level: 3, name: /carte d'identité/ }) })
  await idCard.getByRole('button', { name: /Non conforme/ }).click()
  await idCard.getByLabel('Motif de non-conformité').selectOption('Document illisible')
  await idCard.getByRole('button', { name: 'Déclarer non conforme' }).click()
  await expect(idCard.getByText('Motif : Document illisible')).toBeVisible()
  const request = page.getByRole('region', { name: 'Demander des pièces au candidat' })
  await request
    .getByLabel('Message au candidat')
    .fill('Votre carte d’identité est illisible : envoyez un scan net du recto et du verso.')
  await request.getByRole('button', { name: 'Demander ces pièces' }).click()
  await expect(page.getByText('Incomplet : pièces demandées').first()).toBeVisible()

  // The applicant sees the request on their page and sends the piece again.
  await applicant.goto('/dossier')
  await expect(applicant.getByText('Des pièces vous sont demandées')).toBeVisible()
  await expect(applicant.getByText('Votre carte d’identité est illisible')).toBeVisible()
  const toSend = applicant.getByRole('region', { name: 'Pièces à envoyer' })
  await toSend.getByLabel(/^Fichier/).setInputFiles('tests/fixtures/uploads/scan-releve.png')
  await toSend.getByRole('button', { name: 'Envoyer le fichier' }).click()
  await expect(applicant.getByText('En cours d’examen').first()).toBeVisible()

  // The reviewer accepts every piece, declares the dossier complete, and enrols the applicant.
  await page.reload()
  await expect(page.getByText('En cours d’examen').first()).toBeVisible()
  const accept = page.getByRole('button', { name: /^Conforme/ }).and(page.locator(':not([disabled])'))
  for (let left = await accept.count(); left > 0; left -= 1) {
    await accept.first().click()
    await expect(accept).toHaveCount(left - 1)
  }
  // Every decision is saved and shown once nothing is left to check.
  await expect(page.getByText('À vérifier', { exact: true })).toHaveCount(0)
  await page.getByRole('button', { name: 'Déclarer complet' }).click()
  await expect(page.getByText('Complet', { exact: true }).first()).toBeVisible()
  // The payment panel speaks to staff; no payment is recorded, so accepting asks first.
  const payment = page.getByRole('region', { name: 'Frais et paiement' })
  await expect(payment.getByText(/^Attendu du candidat : un chèque de/)).toBeVisible()
  await expect(payment.getByText(/Votre chèque/)).toHaveCount(0)
  await page.getByRole('button', { name: 'Accepter (inscrire)' }).click()
  const confirmation = page.getByRole('group', { name: /Aucun paiement ni prise en charge/ })
  await expect(confirmation).toBeVisible()
  await expect(page.getByText('Complet', { exact: true }).first()).toBeVisible()
  await confirmation.getByRole('button', { name: 'Accepter sans paiement enregistré' }).click()
  await expect(page.getByText('Accepté : inscrit').first()).toBeVisible()

  // The history names the piece and the file of each decision, and the unpaid acceptance.
  const history = page.getByRole('region', { name: 'Historique' })
  await expect(history.getByText(/Pièce non conforme : .*carte d'identité.*, « .+ »/)).toBeVisible()
  await expect(history.getByText(/Pièce conforme : .*, « scan-releve\.png »/).first()).toBeVisible()
  await expect(
    history.getByText('Dossier accepté : inscription, accepté sans paiement enregistré', { exact: false }),
  ).toBeVisible()

  // Accepted: its pieces are closed, a payment can still be recorded, one badge per piece.
  const pieces = page.getByRole('region', { name: 'Pièces', exact: true })
  await expect(pieces.getByText(/ses pièces ne peuvent plus être décidées/)).toBeVisible()
  await expect(pieces.getByRole('button', { name: /Conforme|Non conforme/ })).toHaveCount(0)
  const cv = pieces
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { level: 3, name: /Curriculum vitae/ }) })
  await expect(cv.getByText('Conforme', { exact: true })).toHaveCount(1)
  await expect(page.getByRole('button', { name: 'Enregistrer le paiement' })).toBeVisible()

  await applicant.reload()
  await expect(applicant.getByText('Accepté : inscrit').first()).toBeVisible()

  // The applicant withdraws: what is left to staff is an internal note.
  await applicant.getByRole('checkbox', { name: /Je confirme vouloir retirer/ }).check()
  await applicant.getByRole('button', { name: 'Retirer mon dossier' }).click()
  await expect(applicant.getByText('Retiré par le candidat').first()).toBeVisible()
  await page.reload()
  await expect(page.getByText('Retiré par le candidat').first()).toBeVisible()
  for (const name of ['Enregistrer le paiement', 'Envoyer le message', /Conforme/, 'Accepter (inscrire)'])
    await expect(page.getByRole('button', { name })).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Ajouter la note' })).toBeVisible()
})
