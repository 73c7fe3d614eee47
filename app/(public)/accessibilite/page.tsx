import type { Metadata } from 'next'
import Link from 'next/link'
import { formatDate } from '@/lib/format'

export const metadata: Metadata = {
  title: 'Déclaration d’accessibilité',
  description:
    'État de conformité du portail d’inscription du Cnam de La Réunion au RGAA, contenus non accessibles et voies de recours.',
}

/** Day this statement was written, after the tests it reports (tests/e2e/a11y). */
const STATEMENT_DATE = '2026-11-26'

/** Pages checked by axe at both widths (tests/e2e/a11y/all-pages.spec.ts), as of STATEMENT_DATE. */
const PUBLIC_PAGES_TESTED = [
  'Présentation de la formation (accueil)',
  'Début de l’inscription, puis chacune des 7 étapes (identité, coordonnées, situation, acquis, UE, pièces, récapitulatif), y compris avec des erreurs de saisie affichées',
  'Confirmation d’envoi',
  'Suivi du dossier par le candidat (y compris quand des pièces sont demandées), et lien perdu',
  'Formulaire d’inscription imprimable',
  'Politique de confidentialité et présente déclaration',
]
const STAFF_PAGES_TESTED = [
  'Connexion',
  'Tableau de bord',
  'Liste des dossiers et fiche d’un dossier',
  'Programme (textes, responsables, UE, pièces, centres) et sessions (calendrier, UE, tarifs)',
  'Comptes du personnel, invitation, fiche d’un compte, « Mon compte »',
  'Courriels envoyés',
]

export default function AccessibilityStatementPage() {
  return (
    <article className="mx-auto max-w-3xl px-4 py-10 sm:px-6 [&_h2]:mt-10 [&_h2]:text-xl [&_h2]:font-semibold [&_h3]:mt-6 [&_h3]:font-semibold [&_li]:mt-1 [&_p]:mt-3 [&_ul]:mt-3 [&_ul]:list-disc [&_ul]:pl-6">
      <h1 className="text-3xl font-bold">Déclaration d’accessibilité</h1>
      <p>
        Le Centre régional du Cnam de La Réunion s’engage à rendre ses sites internet, intranet, extranet et
        ses progiciels accessibles, conformément à l’article 47 de la loi n° 2005-102 du 11 février 2005.
      </p>
      <p>
        Cette déclaration d’accessibilité s’applique au portail d’inscription en ligne : la présentation des
        formations, l’inscription, le suivi du dossier par le candidat et l’espace de gestion du personnel.
      </p>

      <h2>État de conformité</h2>
      <p>
        Le portail d’inscription est <strong>partiellement conforme</strong> avec le référentiel général
        d’amélioration de l’accessibilité (RGAA), version 4.1.2, en raison des non-conformités énumérées
        ci-dessous.
      </p>
      <p>
        Cet état repose sur une évaluation interne menée par l’équipe qui développe le portail, et non sur un
        audit complet des 106 critères du RGAA par un auditeur indépendant : le taux de conformité n’est donc
        pas encore établi. Un audit complet est à programmer ; cette déclaration sera mise à jour avec ses
        résultats.
      </p>

      <h2>Résultats des tests</h2>
      <p>L’évaluation interne a porté sur les points suivants :</p>
      <ul>
        <li>
          Tests automatiques avec axe-core (règles WCAG 2.1 niveaux A et AA) sur chaque page publique et
          chaque page de l’espace de gestion, formulaires vides, remplis et avec erreurs affichées : 58 états
          de page, chacun à la largeur d’un téléphone (360 pixels) et d’un écran d’ordinateur (1 280 pixels),
          soit 116 analyses : <strong>aucune erreur détectée</strong>.
        </li>
        <li>
          Une inscription complète faite au clavier seul, de la première étape à l’envoi du dossier, puis
          l’examen d’un dossier par le personnel au clavier seul (connexion, recherche, pièce refusée avec un
          motif, demande de pièces, pièce acceptée) : tout est réalisable, le focus reste visible à chaque
          étape, et les erreurs sont signalées sur le champ concerné et annoncées aux lecteurs d’écran.
        </li>
        <li>
          Vérifications complémentaires : langue de la page, titres de page, hiérarchie des titres, étiquettes
          des champs, regroupement des boutons radio, lien d’évitement vers le contenu, contrastes, affichage
          sans perte d’information à 360 pixels de large.
        </li>
      </ul>
      <p>Pages testées :</p>
      <ul>
        {PUBLIC_PAGES_TESTED.map((page) => (
          <li key={page}>{page}</li>
        ))}
        {STAFF_PAGES_TESTED.map((page) => (
          <li key={page}>Espace de gestion : {page}</li>
        ))}
      </ul>
      <p>
        Les tests automatiques ne détectent qu’une partie des problèmes d’accessibilité ; les tests avec des
        lecteurs d’écran (NVDA, JAWS, VoiceOver, TalkBack) restent à faire.
      </p>

      <h2>Contenus non accessibles</h2>
      <h3>Non-conformités</h3>
      <ul>
        <li>
          Les documents PDF produits par le portail (formulaire d’inscription, modèle d’attestation d’emploi)
          ne sont pas balisés pour les technologies d’assistance (critère 13.3). Le formulaire d’inscription
          existe aussi en page web imprimable, accessible depuis la page de suivi du dossier ; pour le modèle
          d’attestation, le centre peut en envoyer une version adaptée sur demande.
        </li>
        <li>
          Dans l’espace de gestion, la session se ferme après 30 minutes d’inactivité sans avertissement
          préalable ni possibilité de la prolonger (critère 13.1). Cette limite protège les données des
          candidats ; ce qui n’a pas été enregistré doit être saisi à nouveau.
        </li>
      </ul>
      <h3>Dérogations pour charge disproportionnée</h3>
      <p>Aucune.</p>
      <h3>Contenus non soumis à l’obligation d’accessibilité</h3>
      <ul>
        <li>
          Les pièces justificatives déposées par les candidats (copies et photos de documents), qui sont des
          contenus de tiers, affichées telles quelles au personnel qui les examine.
        </li>
      </ul>

      <h2>Établissement de cette déclaration</h2>
      <p>Cette déclaration a été établie le {formatDate(STATEMENT_DATE)}.</p>
      <h3>Technologies utilisées pour la réalisation du portail</h3>
      <ul>
        <li>HTML5</li>
        <li>CSS</li>
        <li>JavaScript (React)</li>
        <li>WAI-ARIA</li>
      </ul>
      <h3>Environnement de test</h3>
      <ul>
        <li>Navigateur Chromium, sous Linux, aux largeurs de 360 et 1 280 pixels</li>
        <li>Clavier seul, sans souris</li>
      </ul>
      <h3>Outils pour évaluer l’accessibilité</h3>
      <ul>
        <li>axe-core, exécuté par Playwright sur chaque page</li>
        <li>Tests automatisés de parcours au clavier (Playwright)</li>
      </ul>

      <h2>Retour d’information et contact</h2>
      <p>
        Si vous n’arrivez pas à accéder à un contenu ou à un service, vous pouvez contacter le centre pour
        être orienté vers une alternative accessible ou obtenir le contenu sous une autre forme :
      </p>
      <ul>
        <li>
          par courriel : <a href="mailto:info@cnam.re">info@cnam.re</a>
        </li>
        <li>
          par téléphone : <a href="tel:+262262422837">0262 42 28 37</a>
        </li>
        <li>
          par courrier : Centre régional du Cnam de La Réunion, 18 rue Claude Chappe, ZAC 2000, BP 274, 97827
          Le Port Cedex
        </li>
      </ul>

      <h2>Voies de recours</h2>
      <p>
        Cette procédure est à utiliser dans le cas suivant : vous avez signalé au responsable du portail un
        défaut d’accessibilité qui vous empêche d’accéder à un contenu ou à un des services du portail et vous
        n’avez pas obtenu de réponse satisfaisante.
      </p>
      <ul>
        <li>
          Écrire un message au{' '}
          <a href="https://formulaire.defenseurdesdroits.fr/" rel="noopener">
            Défenseur des droits
          </a>
        </li>
        <li>
          Contacter{' '}
          <a href="https://www.defenseurdesdroits.fr/carte-des-delegues" rel="noopener">
            le délégué du Défenseur des droits dans votre région
          </a>
        </li>
        <li>
          Envoyer un courrier par la poste (gratuit, ne pas mettre de timbre) : Défenseur des droits, Libre
          réponse 71120, 75342 Paris CEDEX 07
        </li>
      </ul>
      <p>
        Voir aussi la <Link href="/confidentialite">politique de confidentialité</Link>.
      </p>
    </article>
  )
}
