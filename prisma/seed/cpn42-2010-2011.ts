/**
 * The 2010-2011 brochure of CPN42 (../shared/seed/000_f110e2c09aaea183.txt, "Dernière mise à jour :
 * 15 septembre 2010"), transcribed as data.
 *
 * Codes, ECTS, dates, amounts, addresses and phone numbers are exactly as printed. UE titles are
 * printed in capitals without accents; they are written here in sentence case with their accents
 * restored (and "DEL'ACCUEIL" read as "de l'accueil") so that they read well on a screen; the
 * Playwright and integration tests compare them with the brochure ignoring case and accents.
 */
import type { AcademicSession, Centre, Programme } from '../../lib/domain/programme'

export const programme2010: Programme = {
  code: 'CPN42',
  title: "Chargé d'accompagnement social / professionnel",
  diplomaKind: 'Titre professionnel',
  level: 'III',
  ects: 120,
  department: 'Travail et société',
  validationSummary:
    "Chargé d'accompagnement social et professionnel. Titre de niveau III avec 120 crédits ECTS.",
  rncpRegistrationYears: 3,
  rncpDecreeOn: '2009-07-08',
  rncpPublishedOn: '2009-07-21',
  objectives: [
    "Le chargé d'accompagnement social et professionnel est un généraliste. Il travaille de façon approfondie et sur la durée avec les publics en insertion. Sa mission consiste à favoriser l'insertion sociale ou professionnelle des publics en difficulté auxquels il propose une relation de coopération et de confiance. En travaillant au sein d'un réseau, en pluridisciplinarité, au côté des travailleurs sociaux, il sait faire un diagnostic global sur la situation de la personne.",
    "Il est, d'un côté, le référent de la personne suivie, son conseiller et tuteur dans son parcours d'insertion. Il est, de l'autre, celui qui fait le lien avec l'extérieur.",
    "Médiateur, négociateur, il doit être en mesure de construire et d'alimenter un réseau grâce à ses propres expériences, initiatives et capacités à communiquer. Il doit connaître son territoire d'action (ses acteurs) et le public qui le compose.",
  ].join('\n\n'),
  pedagogicalObjectivesIntro:
    "Accompagner un individu dans le cadre d'un dispositif d'intervention sociale :",
  pedagogicalObjectives: [
    'en posant un diagnostic de sa situation',
    "en lui proposant un travail conjoint d'élaboration d'un parcours (en précisant ses objectifs et ses étapes)",
    'en assurant le suivi de sa mise en œuvre et (éventuellement) sa renégociation',
  ],
  competencesIntro:
    'La certification professionnelle atteste des compétences et capacités acquises dans les principaux domaines suivants :',
  competences: [
    'accueillir les personnes de façon individualisée',
    "orienter vers le monde du travail, les institutions ou les dispositifs d'intervention sociale (insertion, formation, aide sociale)",
    "se situer et agir au sein d'un réseau d'acteurs locaux",
  ],
  audience: "Salariés en activité ou en congé individuel de formation, demandeurs d'emploi.",
  accessConditions: ['Niveau bac', 'VAE'],
  deliveryConditionsIntro:
    "Pour les candidats ayant suivi les UE, le Titre RNCP III Chargé d'accompagnement social / professionnel leur sera délivré s'ils remplissent l'ensemble des conditions ci-dessous :",
  deliveryConditions: [
    'Avoir acquis les UE qui composent le cursus (obtenir une note supérieure ou égale à 10/20 à chaque UE).',
    "Justifier de 2 ans d'expérience professionnelle à temps plein (rémunérée ou bénévole) dans le domaine du titre ou d'une expérience professionnelle de 18 mois complétée par un stage d'application professionnelle de 3 mois dans le secteur du titre si l'expérience professionnelle est hors secteur. L'évaluation s'effectue sur la base d'un rapport d'activité professionnelle (UA000S) ou d'un rapport de stage (analyse de pratique professionnelle - UA0003) et donne lieu respectivement à 36 crédits ECTS ou 14 crédits ECTS.",
  ],
  experienceMonthsRequired: 24,
  experienceMonthsReduced: 18,
  internshipMonths: 3,
  oralDefenceNote: "Le rapport d'expérience professionnelle est soumis à une soutenance orale.",
  earlyExperienceReviewNote:
    "L'expérience professionnelle de l'auditeur pourra être appréciée sur présentation du dossier de « demande d'examen anticipé de l'expérience professionnelle », approuvée par le responsable de la mention du diplôme et en accord avec le jury de délivrance.",
  earlyExperienceReviewMinUes: 4,
  careersSummary: 'Conseiller en emploi et insertion professionnelle.',
  jobTitles: [
    'Conseiller en insertion',
    'Conseiller social',
    'Conseiller en emploi',
    'Conseiller des missions locales',
    "Accompagnateur d'insertion",
    "Accompagnateur vers l'emploi",
    "Chargé d'accompagnement social/professionnel",
    "Chargé d'information conseil",
    'Responsable BIJ/PIJ',
  ],
  employersIntro:
    "Le chargé d'accompagnement social et professionnel exerce son activité au sein de structures d'une extrême diversité en matière de statut, d'organisation ou de taille :",
  employerTypes: [
    'unités inscrites dans des collectivités territoriales (Services sociaux dépendant des Conseils généraux ou des communes) ou dans des structures publiques (antennes Pôle emploi, Poste, Hôpital)',
    "structures associatives (centres sociaux, Missions locales, foyers d'hébergement, antennes emploi, associations locales d'adultes relais) dont la taille peut varier de quelques personnes à plus d'une centaine de personnes.",
  ],
  withdrawalPeriodDays: 10,
  terminationClause: [
    "Les candidats disposent d'un délai de rétractation de 10 jours après le dépôt de leur dossier d'inscription.",
    "Lorsque, par suite de cas de force majeure dûment reconnu (événement imprévisible, insurmontable et étranger à la personne qui n'exécute pas ses obligations), le stagiaire est dans l'impossibilité de poursuivre la formation, il peut résilier le contrat. Seules les prestations de formation effectivement dispensées sont dues au prorata temporis de leur valeur prévue au contrat.",
  ].join('\n\n'),
  disclaimer:
    "Les fiches descriptives de la formation sont purement indicatives. Elles sont susceptibles d'être modifiées à tout moment et de ce fait, ne constituent pas des documents contractuels.",
  weeklyWorkloadMinHours: 6,
  weeklyWorkloadMaxHours: 8,
  recommendedFirstCertificate: "Certificat professionnel Chargé d'information, d'accueil et d'orientation",
  financingAdviceNote:
    'Des conseillers sont à votre disposition sur rendez-vous pour le financement de votre formation et la validation de vos acquis.',
  incompleteDossierWarning:
    'Nous vous informons que tout dossier incomplet (pièce manquante ou rubrique non renseignée) ne sera pas accepté.',
  paymentPayee: 'ARCnam',
  funders: ["l'Europe", 'le Conseil Régional de la Réunion'],
  lastUpdatedOn: '2010-09-15',
  responsables: [
    { name: 'Amand BENARD', role: 'Directeur du Centre Régional Cnam' },
    { name: 'Guy RAPANOEL', role: 'Directeur des Etudes' },
  ],
  pieceTypes: [
    {
      code: 'REGISTRATION_FORM',
      label: "Formulaire de dossier d'inscription",
      description: "Rempli en ligne sur ce portail : vous pourrez l'imprimer une fois votre dossier déposé.",
      condition: 'GENERATED',
      alternativeGroup: null,
      maxAgeDays: null,
      optional: false,
      templatePath: null,
    },
    {
      code: 'CV',
      label: 'Curriculum vitae',
      description: null,
      condition: 'ALWAYS',
      alternativeGroup: null,
      maxAgeDays: null,
      optional: false,
      templatePath: null,
    },
    {
      code: 'COVER_LETTER',
      label: 'Lettre de motivation',
      description: null,
      condition: 'ALWAYS',
      alternativeGroup: null,
      maxAgeDays: null,
      optional: false,
      templatePath: null,
    },
    {
      code: 'DIPLOMAS',
      label: 'Photocopie des diplômes obtenus',
      description: null,
      condition: 'ALWAYS',
      alternativeGroup: null,
      maxAgeDays: null,
      optional: false,
      templatePath: null,
    },
    {
      code: 'EMPLOYMENT_CERTIFICATE',
      label: "Attestation d'emploi",
      description: 'Formulaire à faire remplir par votre employeur, téléchargeable ci-dessous.',
      condition: 'EMPLOYED',
      alternativeGroup: 'EMPLOYMENT_PROOF',
      maxAgeDays: null,
      optional: false,
      templatePath: '/documents/attestation-emploi.pdf',
    },
    {
      code: 'PAY_SLIP',
      label: 'Bulletin de salaire',
      description: null,
      condition: 'EMPLOYED',
      alternativeGroup: 'EMPLOYMENT_PROOF',
      maxAgeDays: null,
      optional: false,
      templatePath: null,
    },
    {
      code: 'JOB_SEEKER_CERTIFICATE',
      label: 'Attestation de Pôle emploi de moins de 15 jours',
      description: "Pôle emploi s'appelle aujourd'hui France Travail : son attestation convient.",
      condition: 'JOB_SEEKER',
      alternativeGroup: null,
      maxAgeDays: 15,
      optional: false,
      templatePath: null,
    },
    {
      code: 'SOCIAL_SECURITY',
      label: 'Justificatif de la couverture sociale',
      description: null,
      condition: 'ALWAYS',
      alternativeGroup: null,
      maxAgeDays: null,
      optional: false,
      templatePath: null,
    },
    {
      code: 'ID_CARD',
      label: "Photocopie de la carte d'identité",
      description: null,
      condition: 'ALWAYS',
      alternativeGroup: null,
      maxAgeDays: null,
      optional: false,
      templatePath: null,
    },
    {
      code: 'ID_PHOTO',
      label: "Photographie d'identité récente",
      description:
        'Sur papier, 2 photographies portant au dos votre nom et la formation ; en ligne, une photo suffit.',
      condition: 'ALWAYS',
      alternativeGroup: null,
      maxAgeDays: null,
      optional: false,
      templatePath: null,
    },
    {
      code: 'PRIOR_UE_CERTIFICATES',
      label:
        "Attestations de réussite aux UE obtenues dans d'autres centres régionaux et/ou diplôme le plus élevé",
      description: null,
      condition: 'UES_OBTAINED_ELSEWHERE',
      alternativeGroup: null,
      maxAgeDays: null,
      optional: false,
      templatePath: null,
    },
    {
      code: 'PAYMENT',
      label: "Titre de paiement à l'ordre de l'ARCnam",
      description: 'Pour la participation aux frais de formation.',
      condition: 'SELF_PAYING',
      alternativeGroup: null,
      maxAgeDays: null,
      optional: false,
      templatePath: null,
    },
    {
      code: 'EMPLOYER_FUNDING_CERTIFICATE',
      label: "Attestation de prise en charge par l'employeur",
      description: null,
      condition: 'EMPLOYER_FUNDED',
      alternativeGroup: null,
      maxAgeDays: null,
      optional: false,
      templatePath: null,
    },
    {
      code: 'CAUTION_CHEQUES',
      label: "Chèques de caution à l'ordre de l'ARCnam",
      description:
        "Si l'attestation de prise en charge n'est pas signée par l'employeur : d'un montant équivalent au tarif payé par un auditeur inscrit à titre individuel.",
      condition: 'EMPLOYER_CERTIFICATE_UNSIGNED',
      alternativeGroup: null,
      maxAgeDays: null,
      optional: false,
      templatePath: null,
    },
    {
      code: 'EARLY_EXPERIENCE_REVIEW',
      label: "Dossier de demande d'examen anticipé de l'expérience professionnelle",
      description:
        "Pour les auditeurs qui ont obtenu au moins 4 UE. Facultatif, ce dossier est à remplir par les auditeurs qui ont un doute sur leur expérience professionnelle ; il est disponible auprès du Centre Régional du Cnam de La Réunion et on y joint le rapport d'activité. Il est soumis à la Direction Nationale des Formations du Cnam pour notification.",
      condition: 'EARLY_EXPERIENCE_REVIEW',
      alternativeGroup: null,
      maxAgeDays: null,
      optional: true,
      templatePath: null,
    },
  ],
}

const DESCRIPTION_BASE = 'http://formation.cnam.fr/pdf/ue'

function course(
  code: string,
  title: string,
  ects: number,
  periodKind: AcademicSession['ues'][number]['periodKind'],
  options: { recommendedFirst?: boolean; prerequisites?: string[] } = {},
): AcademicSession['ues'][number] {
  return {
    code,
    title,
    ects,
    kind: 'COURSE',
    periodKind,
    recommendedFirst: options.recommendedFirst ?? false,
    // The brochure prices FOAD per UE without restricting it: every course may be taken at a distance.
    foadAvailable: true,
    prerequisites: options.prerequisites ?? [],
    descriptionUrl: `${DESCRIPTION_BASE}${code}.pdf`,
  }
}

export const session2010: AcademicSession = {
  label: '2010-2011',
  startYear: 2010,
  // An archived session: the current one is generated from it by the seed.
  registrationOpen: false,
  generated: false,
  semesters: [
    {
      number: 1,
      registrationDeadline: '2010-10-29',
      startsOn: '2010-09-27',
      pauseOn: '2010-12-17',
      resumeOn: '2011-01-10',
      endsOn: '2011-02-11',
      examStartsOn: '2011-02-21',
      examEndsOn: '2011-02-25',
    },
    {
      number: 2,
      registrationDeadline: '2011-03-31',
      startsOn: '2011-02-28',
      pauseOn: null,
      resumeOn: null,
      endsOn: '2011-07-01',
      examStartsOn: '2011-07-11',
      examEndsOn: '2011-07-15',
    },
  ],
  periods: [
    { kind: 'FIRST_SEMESTER', startMonth: '2010-10-01', endMonth: '2011-02-01' },
    { kind: 'FULL_YEAR', startMonth: '2010-10-01', endMonth: '2011-07-01' },
    { kind: 'SECOND_SEMESTER', startMonth: '2011-03-01', endMonth: '2011-07-01' },
    { kind: 'PROFESSIONAL_EXPERIENCE', startMonth: null, endMonth: null },
  ],
  ues: [
    course('AST002', 'Champs de la sociologie', 6, 'FIRST_SEMESTER'),
    course(
      'AST004',
      "Institutions et acteurs de l'intervention sociale : accueil, information, orientation",
      6,
      'FIRST_SEMESTER',
      { recommendedFirst: true },
    ),
    course(
      'TRS001',
      "L'interaction avec les publics de l'intervention sociale : l'information, l'accueil et l'orientation",
      6,
      'FIRST_SEMESTER',
      { recommendedFirst: true },
    ),
    course('CCE001', 'Outils et démarche de la communication écrite et orale', 4, 'FIRST_SEMESTER', {
      recommendedFirst: true,
    }),
    course('CCE003', "Pratiques de l'accueil, de la négociation et de la communication", 4, 'FIRST_SEMESTER'),
    course('UEV010', 'Géographie urbaine', 6, 'FIRST_SEMESTER'),
    course(
      'TET003',
      "Méthodes de recherche et traitement de l'information : entretiens et questionnaires professionnels",
      8,
      'FULL_YEAR',
      { recommendedFirst: true },
    ),
    course('TET099', 'Élaboration de projets personnel et professionnel (EMOPPP)', 6, 'SECOND_SEMESTER', {
      recommendedFirst: true,
    }),
    course(
      'TET007',
      'Information en sciences du travail et de la société : théorie et techniques (électronique et informatique)',
      6,
      'SECOND_SEMESTER',
      { recommendedFirst: true },
    ),
    course(
      'AST005',
      "Institutions et acteurs de l'intervention sociale : l'accompagnement",
      6,
      'SECOND_SEMESTER',
      { prerequisites: ['AST004'] },
    ),
    course(
      'TRS002',
      "L'interaction avec les publics de l'intervention sociale : l'accompagnement social et professionnel",
      6,
      'SECOND_SEMESTER',
    ),
    course('PSY001', "Éléments de psychopathologie dans l'intervention sociale", 4, 'SECOND_SEMESTER'),
    {
      code: 'UA000S',
      title: "Rapport d'activité professionnelle",
      ects: 36,
      kind: 'ACTIVITY_REPORT',
      periodKind: 'PROFESSIONAL_EXPERIENCE',
      recommendedFirst: false,
      foadAvailable: false,
      prerequisites: [],
      descriptionUrl: null,
    },
    {
      code: 'UA0003',
      title: 'Rapport de stage (analyse de pratique professionnelle)',
      ects: 14,
      kind: 'INTERNSHIP_REPORT',
      periodKind: 'PROFESSIONAL_EXPERIENCE',
      recommendedFirst: false,
      foadAvailable: false,
      prerequisites: [],
      descriptionUrl: null,
    },
  ],
  tariff: {
    region: 'Réunion',
    dossierFeeCents: 18_00,
    baseFeeCents: 100_00,
    foadPerUeCents: 200_00,
    reportFollowUpCents: 152_00,
    rates: [
      { category: 'JOB_SEEKER', label: "Demandeurs d'emploi", perEctsCents: 5_00 },
      { category: 'INDIVIDUAL', label: 'Individuels payants', perEctsCents: 55_00 },
      { category: 'EMPLOYER_FUNDED', label: 'Salariés pris en charge', perEctsCents: 125_00 },
    ],
  },
  secondExamStartsOn: '2011-08-29',
  secondExamEndsOn: '2011-09-09',
}

export const centres: Centre[] = [
  {
    code: 'LE_PORT',
    name: 'Centre Régional du Cnam de La Réunion',
    street: '18, rue Claude Chappe',
    addressComplement: 'ZAC 2000',
    postBox: 'BP 274',
    postcode: '97827',
    city: 'Le Port',
    cedex: true,
    phone: '0262 42 28 37',
    fax: '0262 55 68 27',
    email: 'info@cnam.re',
    website: 'http://www.cnam.re',
    receivesDossiers: true,
    openingHours: [
      { fromDay: 1, toDay: 4, opensAt: '08:15', closesAt: '12:30' },
      { fromDay: 1, toDay: 4, opensAt: '13:30', closesAt: '17:00' },
      { fromDay: 5, toDay: 5, opensAt: '08:15', closesAt: '12:15' },
    ],
  },
  {
    code: 'SAINT_LOUIS',
    name: "Centre d'Enseignement de Saint-Louis",
    street: '18, rue Marius et Ary Leblond',
    addressComplement: null,
    postBox: null,
    postcode: '97450',
    city: 'Saint-Louis',
    cedex: false,
    phone: '0262 55 90 69',
    fax: '0262 55 90 46',
    // The brochure gives one e-mail address and website for both centres.
    email: 'info@cnam.re',
    website: 'http://www.cnam.re',
    receivesDossiers: false,
    // The brochure prints no opening hours for Saint-Louis: the page says to call.
    openingHours: [],
  },
]
