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
      <p>
        Vous pouvez aussi écrire au délégué à la protection des données du Cnam : Cnam, Délégué à la
        protection des données, 292 rue Saint-Martin, 75141 Paris Cedex 03.
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
        supprimées avant l’enregistrement. Pour limiter les abus, l’adresse IP de votre connexion est
        enregistrée quelques heures avec le nombre d’envois faits depuis elle.
      </p>
      <p>
        Les informations marquées comme obligatoires dans le formulaire sont nécessaires pour examiner votre
        demande : sans elles, l’inscription ne peut pas être faite. Les autres sont facultatives.
      </p>

      <h2>Pourquoi, et sur quelle base</h2>
      <ul>
        <li>
          Examiner votre demande, vous inscrire, organiser votre formation et vos examens : ces traitements
          sont nécessaires à votre inscription (mesures précontractuelles et contrat de formation, article
          6.1.b du RGPD) et à la mission de service public d’enseignement du Cnam (mission d’intérêt public,
          article 6.1.e).
        </li>
        <li>
          Gérer la participation aux frais de formation et sa prise en charge : contrat de formation et
          obligations comptables du centre (article 6.1.c).
        </li>
        <li>
          Le numéro de sécurité sociale sert à votre inscription administrative et à la justification de votre
          couverture sociale, comme le prévoit la réglementation de la formation professionnelle.
        </li>
        <li>
          Établir des statistiques sur les inscriptions (nombre de dossiers par session, par UE, par catégorie
          de tarif, suites données), pour le pilotage du centre et les comptes rendus à ses financeurs :
          mission d’intérêt public. Ces statistiques ne nomment personne.
        </li>
      </ul>
      <p>
        Vos informations ne sont ni vendues ni utilisées à des fins commerciales. Aucune décision vous
        concernant n’est prise de façon automatisée : le portail calcule les frais et la liste des pièces à
        fournir, mais chaque dossier est examiné et décidé par une personne du service des inscriptions.
      </p>

      <h2>Qui y a accès</h2>
      <p>
        Seuls les personnels habilités du service des inscriptions du centre, chacun selon son rôle, et, pour
        les demandes d’examen anticipé de l’expérience professionnelle, la Direction nationale des formations
        du Cnam. Vous accédez à votre dossier avec votre lien personnel : ne le transmettez à personne.
      </p>

      <h2>Combien de temps</h2>
      <ul>
        <li>
          Une inscription commencée mais non envoyée est supprimée, avec ses fichiers, {env.DRAFT_TTL_DAYS}{' '}
          jours après sa dernière modification.
        </li>
        <li>
          Un dossier envoyé, ses pièces, les messages échangés et l’historique de son examen sont conservés
          pendant l’année de formation, puis {env.DOSSIER_RETENTION_MONTHS} mois après sa fin (le dernier jour
          de la seconde session d’examens), le temps de répondre aux réclamations et aux recours.
        </li>
        <li>
          Le lendemain de cette durée, le dossier est <strong>anonymisé</strong> : vos noms, prénoms, date de
          naissance, adresse e-mail, téléphone, numéro de sécurité sociale, adresse et toutes vos réponses,
          vos pièces et leurs fichiers, les messages, les notes du personnel, les motifs écrits dans
          l’historique, les références de vos paiements et les e-mails qui vous ont été envoyés sont effacés.
          La référence du dossier est remplacée, et votre lien personnel ne fonctionne plus. Ne restent, pour
          les statistiques, que la session, les UE choisies, la catégorie de tarif, la civilité, les montants,
          les dates de dépôt et de décision et la suite donnée : ils ne permettent plus de vous identifier.
        </li>
        <li>
          Nous anonymisons plutôt que de tout supprimer pour garder ces statistiques ; les données qui vous
          identifient, elles, sont supprimées.
        </li>
        <li>
          Les copies de sauvegarde de la base de données sont renouvelées en continu : une donnée effacée en
          disparaît au plus tard 35 jours après.
        </li>
      </ul>

      <h2>Vos droits</h2>
      <p>
        Vous pouvez demander l’accès à vos données, leur rectification, leur effacement, la limitation de leur
        traitement, vous opposer à un traitement ou demander la portabilité de vos données, et définir des
        directives sur leur sort après votre décès, en écrivant à{' '}
        <a href="mailto:info@cnam.re">info@cnam.re</a> ou à l’adresse postale ci-dessus. Nous pouvons vous
        demander de justifier de votre identité. Nous vous répondons dans un délai d’un mois.
      </p>
      <ul>
        <li>
          Accès et portabilité : le centre vous remet, dans une archive ZIP, tout ce qu’il détient sur votre
          dossier : vos réponses (dans un fichier JSON lisible par un ordinateur), chaque pièce déposée,
          l’historique de l’examen, les messages, les notes du personnel, les paiements enregistrés et les
          e-mails envoyés.
        </li>
        <li>
          Effacement : le centre supprime votre dossier, ses pièces, son brouillon, ses messages, notes,
          paiements et e-mails. Il ne garde que la trace, sans aucune donnée personnelle, qu’un effacement a
          été fait. L’effacement peut être refusé quand le centre doit garder certaines informations, par
          exemple celles d’une inscription acceptée et payée (obligations comptables).
        </li>
        <li>Vous pouvez aussi retirer votre dossier en ligne pendant le délai de rétractation.</li>
      </ul>
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
