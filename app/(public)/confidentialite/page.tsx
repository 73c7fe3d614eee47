import type { Metadata } from 'next'
import { env } from '@/lib/env'
import { formatDate } from '@/lib/format'
import { PRIVACY_NOTICE_VERSION } from '@/lib/server/registration/submit-draft'

export const metadata: Metadata = {
  title: 'Politique de confidentialité',
  description:
    'Comment le Cnam de La Réunion traite les informations et les pièces des dossiers d’inscription.',
}

export default function PrivacyNoticePage() {
  return (
    <article className="mx-auto max-w-3xl px-4 py-10 sm:px-6 [&_h2]:mt-10 [&_h2]:text-xl [&_h2]:font-semibold [&_li]:mt-1 [&_p]:mt-3 [&_ul]:mt-3 [&_ul]:list-disc [&_ul]:pl-6">
      <h1 className="text-3xl font-bold">Politique de confidentialité</h1>
      <p className="text-muted">Version du {formatDate(PRIVACY_NOTICE_VERSION)}.</p>
      <p>
        Ce portail permet de déposer en ligne un dossier d’inscription aux formations du Centre régional du
        Cnam de La Réunion. Cette page explique quelles informations nous recueillons, pourquoi, combien de
        temps nous les gardons et quels sont vos droits.
      </p>

      <h2>Qui est responsable de vos données</h2>
      <p>
        Le Centre régional du Cnam de La Réunion, 18 rue Claude Chappe, ZAC 2000, BP 274, 97827 Le Port Cedex
        — courriel : <a href="mailto:info@cnam.re">info@cnam.re</a>, téléphone : 0262 42 28 37.
      </p>

      <h2>Ce que nous recueillons</h2>
      <ul>
        <li>
          Votre identité : civilité, noms, prénoms, date et lieu de naissance, nationalité, numéro de sécurité
          sociale.
        </li>
        <li>Vos coordonnées : adresse, téléphone, adresse e-mail.</li>
        <li>
          Votre situation : catégorie de tarif, emploi ou inscription à France Travail, employeur, diplômes,
          UE déjà obtenues.
        </li>
        <li>
          Les pièces justificatives que vous déposez (pièce d’identité, CV, attestations…), et la photo
          d’identité.
        </li>
        <li>
          Le suivi de votre dossier : décisions, messages échangés, paiements enregistrés, historique des
          changements.
        </li>
      </ul>
      <p>
        Les pièces sont vérifiées à leur arrivée ; les métadonnées des photos (appareil, position GPS) sont
        supprimées avant l’enregistrement.
      </p>

      <h2>Pourquoi, et sur quelle base</h2>
      <ul>
        <li>
          Examiner votre demande, vous inscrire, organiser votre formation et vos examens : ces traitements
          sont nécessaires à votre inscription (mesures précontractuelles et contrat de formation) et à la
          mission de service public d’enseignement du Cnam.
        </li>
        <li>
          Gérer la participation aux frais de formation et sa prise en charge : obligations comptables et
          contrat de formation.
        </li>
        <li>
          Le numéro de sécurité sociale sert à votre inscription administrative et à la justification de votre
          couverture sociale, comme le prévoit la réglementation de la formation professionnelle.
        </li>
      </ul>
      <p>Vos informations ne sont ni vendues ni utilisées à des fins commerciales.</p>

      <h2>Qui y a accès</h2>
      <p>
        Seuls les personnels habilités du service des inscriptions du centre, chacun selon son rôle, et, pour
        les demandes d’examen anticipé de l’expérience professionnelle, la Direction nationale des formations
        du Cnam. Vous accédez à votre dossier avec votre lien personnel : ne le transmettez à personne.
      </p>

      <h2>Combien de temps</h2>
      <ul>
        <li>
          Une inscription commencée mais non envoyée est supprimée {env.DRAFT_TTL_DAYS} jours après sa
          dernière modification.
        </li>
        <li>
          Un dossier envoyé et ses pièces sont conservés pendant la session de formation, puis{' '}
          {env.DOSSIER_RETENTION_MONTHS} mois après sa fin ; ils sont ensuite supprimés, ou anonymisés pour
          les statistiques.
        </li>
      </ul>

      <h2>Vos droits</h2>
      <p>
        Vous pouvez demander l’accès à vos données, leur rectification, leur effacement, la limitation de leur
        traitement, vous opposer à un traitement ou demander la portabilité de vos données, en écrivant à{' '}
        <a href="mailto:info@cnam.re">info@cnam.re</a> ou à l’adresse postale ci-dessus. Le centre peut vous
        remettre l’ensemble des informations et pièces de votre dossier. Vous pouvez aussi retirer votre
        dossier en ligne pendant le délai de rétractation.
      </p>
      <p>
        Si vous estimez que vos droits ne sont pas respectés, vous pouvez adresser une réclamation à la CNIL (
        <a href="https://www.cnil.fr" rel="noopener">
          www.cnil.fr
        </a>
        ).
      </p>

      <h2>Cookies</h2>
      <p>
        Le portail n’utilise ni publicité ni mesure d’audience. Il dépose seulement des cookies nécessaires à
        son fonctionnement : celui qui retient votre inscription en cours sur votre appareil, celui de votre
        dossier, et, pour le personnel, celui de la session de connexion.
      </p>
    </article>
  )
}
