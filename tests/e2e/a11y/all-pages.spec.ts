import { generate } from 'otplib'
import { allowConsoleError, DESKTOP, expect, PHONE, test, type Page } from '../fixtures'
import { invitationPathFor } from '../admin/invitation-link'
import {
  fillContact,
  fillIdentity,
  fillSituation,
  next,
  signInStaff,
  uploadAllPieces,
} from '../registration/helpers'
import { E2E_STAFF, E2E_STAFF_PASSWORD } from '../staff-accounts'
import { applyOnline, checkAccessibility, uniqueBirthName } from './helpers'

// Axe (WCAG 2.1 A and AA) on every page of the portal and every step of its forms, with and
// without errors shown, at a phone's width and a desktop's. Other specs check some of these pages
// too, as part of their own story; this one is the list that must stay complete: a new page gets
// a line here.

const NEW_PASSWORD = 'la houle roule sur le récif'

async function checkHeading(page: Page, name: string | RegExp, label: string) {
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()
  await checkAccessibility(page, label)
}

async function submitStep(page: Page) {
  await page.getByRole('button', { name: 'Enregistrer et continuer' }).click()
}

for (const [width, viewport] of [
  ['phone', PHONE],
  ['desktop', DESKTOP],
] as const) {
  test.describe(`every page at ${width} width`, () => {
    test.use({ viewport })

    test('public pages and every registration step, errors included', async ({ page }) => {
      test.setTimeout(240_000)
      await page.goto('/')
      await checkAccessibility(page, 'accueil')
      await page.goto('/confidentialite')
      await checkHeading(page, 'Politique de confidentialité', 'confidentialité')
      await page.goto('/accessibilite')
      await checkHeading(page, 'Déclaration d’accessibilité', 'accessibilité')
      // The footer of every public page links to both.
      const footer = page.getByRole('navigation', { name: 'Informations légales' })
      await expect(footer.getByRole('link', { name: 'Données personnelles' })).toHaveAttribute(
        'href',
        '/confidentialite',
      )
      await expect(
        footer.getByRole('link', { name: 'Accessibilité : partiellement conforme' }),
      ).toHaveAttribute('href', '/accessibilite')
      await page.goto('/dossier')
      await checkHeading(page, 'Mon dossier d’inscription', 'dossier sans lien')
      await page.goto('/dossier/lien-perdu')
      await checkHeading(page, /perdu le lien/, 'lien perdu')
      allowConsoleError(page, /status of 404/)
      await page.goto('/cette-page-n-existe-pas')
      await checkAccessibility(page, 'page introuvable')
      // In the public site's layout: one main region, which the skip link leads to.
      await expect(page.getByRole('main')).toHaveCount(1)
      await expect(page.getByRole('main')).toHaveAttribute('id', 'contenu')

      await page.goto('/inscription')
      await checkHeading(page, 'S’inscrire en ligne', 'inscription')
      await page.getByRole('button', { name: /Commencer (mon|une nouvelle) inscription/ }).click()

      await expect(page.getByRole('heading', { level: 1, name: 'Identité' })).toBeVisible()
      await checkAccessibility(page, 'identité')
      await submitStep(page)
      await expect(page.getByLabel('Nom de naissance')).toHaveAttribute('aria-invalid', 'true')
      await checkAccessibility(page, 'identité, erreurs')
      await fillIdentity(page, { birthName: uniqueBirthName('Axe') })
      await next(page)

      await expect(page.getByRole('heading', { level: 1, name: 'Coordonnées' })).toBeVisible()
      await checkAccessibility(page, 'coordonnées')
      await submitStep(page)
      await expect(page.getByLabel('Code postal')).toHaveAttribute('aria-invalid', 'true')
      await checkAccessibility(page, 'coordonnées, erreurs')
      await fillContact(page)
      await next(page)

      await checkAccessibility(page, 'situation')
      await submitStep(page)
      await expect(page.getByRole('alert').first()).toBeVisible()
      await checkAccessibility(page, 'situation, erreurs')
      await fillSituation(page)
      await next(page)

      await checkAccessibility(page, 'acquis')
      await next(page)

      await checkAccessibility(page, 'UE')
      await submitStep(page)
      await expect(page.getByRole('alert').first()).toBeVisible()
      await checkAccessibility(page, 'UE, erreurs')
      await page.getByRole('checkbox', { name: /^PSY001/ }).check()
      await next(page)

      await checkAccessibility(page, 'pièces')
      // A refused file: its message is shown by the piece.
      allowConsoleError(page, /status of 422/)
      const cv = page
        .getByRole('listitem')
        .filter({ has: page.getByRole('heading', { level: 2, name: /^Curriculum vitae/ }) })
      await cv.getByLabel(/^Fichier/).setInputFiles('tests/fixtures/uploads/cv.exe.pdf')
      await cv.getByRole('button', { name: 'Envoyer le fichier' }).click()
      await expect(cv.getByRole('alert')).toContainText('cv.exe.pdf')
      await checkAccessibility(page, 'pièces, fichier refusé')
      await uploadAllPieces(page)
      await checkAccessibility(page, 'pièces, toutes fournies')

      await page.getByRole('link', { name: 'Continuer vers le récapitulatif' }).click()
      await expect(page.getByRole('heading', { level: 1, name: /Récapitulatif/ })).toBeVisible()
      await checkAccessibility(page, 'récapitulatif')
      await page.getByRole('button', { name: /^Envoyer mon dossier/ }).click()
      await expect(page.getByRole('checkbox', { name: /J’accepte que le Cnam/ })).toHaveAttribute(
        'aria-invalid',
        'true',
      )
      await checkAccessibility(page, 'récapitulatif, erreurs')
      await page.getByRole('checkbox', { name: /J’accepte que le Cnam/ }).check()
      await page.getByRole('checkbox', { name: /Je certifie/ }).check()
      await page.getByRole('button', { name: /^Envoyer mon dossier/ }).click()

      await expect(page.getByText('Votre dossier est envoyé')).toBeVisible()
      await checkAccessibility(page, 'confirmation')
      await page.goto('/dossier')
      await checkHeading(page, /^Dossier CPN42-/, 'suivi du dossier')
      await page.goto('/dossier/formulaire')
      await checkAccessibility(page, 'formulaire imprimable')
    })

    test('staff pages, for each role, errors included', async ({ page, browser }) => {
      test.setTimeout(300_000)
      // A dossier to look at, sent by an applicant in their own browser.
      const applicantContext = await browser.newContext({ viewport, locale: 'fr-FR' })
      const applicant = await applicantContext.newPage()
      const reference = await applyOnline(applicant, uniqueBirthName('Gestion'))

      await page.goto('/admin/connexion')
      await checkHeading(page, 'Espace gestion des inscriptions', 'connexion')
      await page.getByLabel('Adresse e-mail').fill(E2E_STAFF.ADMIN)
      await page.getByLabel('Mot de passe').fill('pas le bon mot de passe')
      await page.getByRole('button', { name: 'Se connecter' }).click()
      await expect(page.getByRole('alert').filter({ hasText: 'mot de passe incorrect' })).toBeVisible()
      await checkAccessibility(page, 'connexion, erreur')

      await signInStaff(page, E2E_STAFF.ADMIN, E2E_STAFF_PASSWORD)
      await checkHeading(page, 'Tableau de bord', 'tableau de bord')
      await page.goto('/admin/dossiers')
      await checkHeading(page, 'Dossiers d’inscription', 'liste des dossiers')
      await page.getByLabel('Rechercher', { exact: true }).fill(reference)
      await page.getByLabel('Rechercher', { exact: true }).press('Enter')
      await page.getByRole('link', { name: reference }).click()
      await checkHeading(page, new RegExp(reference), 'dossier, administrateur')
      const rgpd = page.getByRole('region', { name: 'Données personnelles (RGPD)' })
      await rgpd.getByRole('button', { name: 'Effacer le dossier…' }).click()
      await rgpd.getByRole('button', { name: 'Effacer définitivement' }).click()
      await expect(rgpd.getByRole('textbox')).toHaveAttribute('aria-invalid', 'true')
      await checkAccessibility(page, 'dossier, effacement refusé')
      const dossierPath = new URL(page.url()).pathname
      await page.goto(`${dossierPath}/formulaire`)
      await checkAccessibility(page, 'formulaire imprimable, personnel')

      for (const [path, heading] of [
        ['/admin/programme', /Programme|CPN42/],
        ['/admin/programme/textes', /./],
        ['/admin/programme/responsables', /./],
        ['/admin/programme/ue', /./],
        ['/admin/programme/pieces', /./],
        ['/admin/programme/centres', /./],
        ['/admin/sessions', /./],
        ['/admin/comptes', 'Comptes du personnel'],
        ['/admin/courriels', 'Courriels'],
        ['/admin/compte', 'Mon compte'],
      ] as const) {
        await page.goto(path)
        await checkHeading(page, heading, path)
      }
      await page.goto('/admin/programme/centres')
      await page.getByRole('link', { name: 'Centre Régional du Cnam de La Réunion' }).click()
      await checkHeading(page, 'Centre Régional du Cnam de La Réunion', 'centre')
      await page.goto('/admin/sessions')
      await page
        .getByRole('link', { name: /^Session \d{4}-\d{4}$/ })
        .first()
        .click()
      await checkHeading(page, /^Session \d{4}-\d{4}$/, 'session')
      for (const tab of ['Calendrier', 'Périodes et UE', 'Tarifs']) {
        await page.getByRole('link', { name: tab, exact: true }).click()
        await expect(page.getByRole('link', { name: tab, exact: true })).toHaveAttribute(
          'aria-current',
          'page',
        )
        await checkAccessibility(page, `session, ${tab}`)
      }
      await page.goto('/admin/comptes')
      await page.getByRole('link', { name: 'Test gestionnaire' }).click()
      await checkHeading(page, 'Test gestionnaire', 'fiche d’un compte')

      // An invitation, with its errors, then the invitee's page and the second-factor step.
      const email = `a11y-${width}-${Date.now()}@test.cnam.re`
      await page.goto('/admin/comptes/inviter')
      await checkHeading(page, 'Inviter une personne', 'inviter')
      await page.getByRole('button', { name: 'Envoyer l’invitation' }).click()
      await expect(page.getByLabel('Prénom et nom')).toHaveAttribute('aria-invalid', 'true')
      await checkAccessibility(page, 'inviter, erreurs')
      await page.getByLabel('Prénom et nom').fill('Maëlle Técher')
      await page.getByLabel('Adresse e-mail professionnelle').fill(email)
      await page.getByRole('radio', { name: /^Lecture seule/ }).check()
      await page.getByRole('button', { name: 'Envoyer l’invitation' }).click()
      await checkHeading(page, 'Maëlle Técher', 'compte invité')

      const inviteeContext = await browser.newContext({ viewport, locale: 'fr-FR' })
      const invitee = await inviteeContext.newPage()
      await invitee.goto(await invitationPathFor(email))
      await checkHeading(invitee, 'Activer mon compte', 'invitation')
      await invitee.getByLabel('Mot de passe', { exact: true }).fill(NEW_PASSWORD)
      await invitee.getByLabel('Confirmez le mot de passe').fill(NEW_PASSWORD)
      await invitee.getByRole('button', { name: /Enregistrer mon mot de passe/ }).click()
      await expect(invitee.getByRole('heading', { level: 1, name: 'Tableau de bord' })).toBeVisible()
      await invitee.goto('/admin/compte')
      await invitee.getByRole('button', { name: 'Configurer la vérification en deux étapes' }).click()
      const key = invitee.getByLabel(/^Clé : [A-Z2-7]{32}$/)
      await expect(key).toBeVisible()
      const secret = /([A-Z2-7]{32})/.exec((await key.getAttribute('aria-label')) ?? '')?.[1] ?? ''
      await invitee.getByLabel('Code à 6 chiffres affiché par l’application').fill(await generate({ secret }))
      await invitee.getByRole('button', { name: 'Activer la vérification en deux étapes' }).click()
      await expect(invitee.getByRole('button', { name: /Désactiver la vérification/ })).toBeVisible()
      await invitee.getByRole('button', { name: 'Se déconnecter' }).click()
      // Signed out once the page says so: navigating sooner would cancel the sign-out.
      await expect(invitee.getByText('Vous êtes déconnecté(e).')).toBeVisible()
      await invitee.goto('/admin/connexion')
      await invitee.getByLabel('Adresse e-mail').fill(email)
      await invitee.getByLabel('Mot de passe').fill(NEW_PASSWORD)
      await invitee.getByRole('button', { name: 'Se connecter' }).click()
      // Its error is the sign-in page's alert, checked above: a wrong code here would count towards
      // the lockout of 127.0.0.1, which every end-to-end test signs in from.
      await checkHeading(invitee, 'Vérification en deux étapes', 'code de vérification')
      await inviteeContext.close()

      // Read-only staff: the dossier without decision controls, and the page for what they may not do.
      await page.getByRole('button', { name: 'Se déconnecter' }).click()
      // Signed out once the page says so: navigating sooner would cancel the sign-out.
      await expect(page.getByText('Vous êtes déconnecté(e).')).toBeVisible()
      await signInStaff(page, E2E_STAFF.LECTURE, E2E_STAFF_PASSWORD)
      await page.goto(dossierPath)
      await checkHeading(page, new RegExp(reference), 'dossier, lecture seule')
      await expect(page.getByRole('region', { name: 'Données personnelles (RGPD)' })).toHaveCount(0)
      await page.goto('/admin/comptes')
      await checkHeading(page, 'Accès non autorisé', 'accès non autorisé')

      // Reviewers decide but do not answer RGPD requests.
      await page.getByRole('button', { name: 'Se déconnecter' }).click()
      // Signed out once the page says so: navigating sooner would cancel the sign-out.
      await expect(page.getByText('Vous êtes déconnecté(e).')).toBeVisible()
      await signInStaff(page, E2E_STAFF.GESTIONNAIRE, E2E_STAFF_PASSWORD)
      await page.goto(dossierPath)
      await checkHeading(page, new RegExp(reference), 'dossier, gestionnaire')
      await expect(page.getByRole('button', { name: /Exporter toutes ses données/ })).toHaveCount(0)
      await expect(page.getByRole('button', { name: /Effacer le dossier/ })).toHaveCount(0)
      // A piece is asked for again: the applicant's page then has a form to send it.
      const idCard = page
        .getByRole('listitem')
        .filter({ has: page.getByRole('heading', { level: 3, name: /carte d'identité/ }) })
      await idCard.getByRole('button', { name: /^Non conforme…/ }).click()
      await idCard.getByLabel('Motif de non-conformité').selectOption('Document illisible')
      await idCard.getByRole('button', { name: 'Déclarer non conforme' }).click()
      await expect(idCard.getByText('Motif : Document illisible')).toBeVisible()
      const request = page.getByRole('region', { name: 'Demander des pièces au candidat' })
      await request.getByLabel('Message au candidat').fill('Envoyez une copie lisible de votre carte.')
      await request.getByRole('button', { name: 'Demander ces pièces' }).click()
      await expect(page.getByRole('status').filter({ hasText: 'Incomplet : pièces demandées' })).toBeVisible()
      await checkAccessibility(page, 'dossier incomplet, gestionnaire')
      await applicant.goto('/dossier')
      await expect(applicant.getByText('Des pièces vous sont demandées')).toBeVisible()
      await checkAccessibility(applicant, 'suivi du dossier, pièces demandées')
      await applicantContext.close()

      // The administrator exports, then erases the dossier; the list says it is done.
      await page.getByRole('button', { name: 'Se déconnecter' }).click()
      // Signed out once the page says so: navigating sooner would cancel the sign-out.
      await expect(page.getByText('Vous êtes déconnecté(e).')).toBeVisible()
      await signInStaff(page, E2E_STAFF.ADMIN, E2E_STAFF_PASSWORD)
      await page.goto(dossierPath)
      const panel = page.getByRole('region', { name: 'Données personnelles (RGPD)' })
      const download = page.waitForEvent('download')
      await panel.getByRole('button', { name: 'Exporter toutes ses données (ZIP)' }).click()
      expect((await download).suggestedFilename()).toBe(`${reference}-donnees-personnelles.zip`)
      await panel.getByRole('button', { name: 'Effacer le dossier…' }).click()
      await panel.getByLabel(`Pour confirmer, recopiez la référence ${reference}`).fill(reference)
      await panel.getByRole('button', { name: 'Effacer définitivement' }).click()
      await expect(page.getByRole('status').filter({ hasText: 'Le dossier a été effacé' })).toBeVisible()
      await checkAccessibility(page, 'liste, dossier effacé')
      allowConsoleError(page, /status of 404/)
      await page.goto(dossierPath)
      await expect(page.getByRole('heading', { level: 1, name: new RegExp(reference) })).toHaveCount(0)
    })
  })
}
