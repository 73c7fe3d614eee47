// Server actions are public HTTP endpoints: anyone can POST to a page with a `Next-Action` header.
// This spec takes the list of actions from the production build the end-to-end server runs (its
// server-reference-manifest.json, not a list kept by hand), calls every one over HTTP as a browser
// would, without credentials and with a role that lacks the permission, and checks that each call
// is refused with the message the user would read and that nothing was written in the database.
//
// A Playwright spec rather than a Vitest file: Playwright already builds and starts the production
// server (scripts/test/e2e-server.ts), so the test reads the very build it calls. It uses Node's
// fetch rather than the `request` fixture, whose cookie jar would carry one identity's cookies into
// the next call: here every call states its cookies.
import { createHash, randomBytes, randomUUID } from 'node:crypto'
import pg from 'pg'
import { nirKey } from '@/lib/domain/nir'
import { can, STAFF_ROLES, type Permission, type StaffRole } from '@/lib/domain/staff'
import { HOME_PROGRAMME_CODE } from '@/lib/site'
import { expect, test } from '../fixtures'
import { E2E_STAFF, E2E_STAFF_PASSWORD } from '../staff-accounts'
import {
  callAction,
  e2eDistDir,
  readActionManifest,
  type ActionOutcome,
  type ManifestAction,
} from './server-action-client'

const PORT = Number(process.env.E2E_PORT ?? 3100)
const BASE_URL = `http://127.0.0.1:${PORT}`

/** What the staff area answers (lib/server/auth/authorize.ts, AccessDenied). */
const SIGNED_OUT = 'Votre session a expiré : reconnectez-vous.'
const FORBIDDEN = 'Vous n’avez pas les droits pour cette action.'
const WRONG_CREDENTIALS = 'Adresse e-mail ou mot de passe incorrect.'
const INVITATION_INVALID =
  'Ce lien d’invitation n’est plus valable (déjà utilisé, expiré ou remplacé). Demandez une nouvelle invitation à un administrateur.'
/** Every refusal of an applicant action without its private link says the draft or dossier is not found. */
const NOT_FOUND = /introuvable/

// ---------------------------------------------------------------------------------------------
// What each action requires. An action of the build missing here fails the coverage test: whoever
// adds an action declares who may call it.
// ---------------------------------------------------------------------------------------------

type Access =
  /** Signed-in staff whose role holds the permission (lib/domain/staff.ts). */
  | { kind: 'staff'; permission: Permission }
  /** Any signed-in staff member, on their own account. */
  | { kind: 'own-account' }
  /** An applicant whose browser holds the private link of a draft or of a dossier (cookie). */
  | { kind: 'applicant'; credential: 'draft' | 'dossier' }
  /** Anyone, by design (`reason` says why); the public-actions test proves what misuse cannot do. */
  | { kind: 'public'; reason: string }

type Declaration = { access: Access; args: (targets: Targets) => unknown[] }

/**
 * Each action's access rule, and the arguments its form sends (the ids of this spec's own rows), so
 * that a refusal comes from the access check and not from the input.
 */
const DECLARED: Record<string, Declaration> = {
  'app/(admin)/admin/dossiers/[id]/actions.ts#decidePieceAction': {
    access: { kind: 'staff', permission: 'dossiers.decide' },
    args: (t) => [
      {
        dossierId: t.dossierId,
        pieceId: t.pieceId,
        decision: 'REJECTED',
        reason: 'Illisible',
        seenStatus: 'PENDING',
      },
    ],
  },
  'app/(admin)/admin/dossiers/[id]/actions.ts#transitionAction': {
    access: { kind: 'staff', permission: 'dossiers.decide' },
    args: (t) => [
      { dossierId: t.dossierId, name: 'REFUSE', reason: 'Prérequis absents', expectedVersion: 1 },
    ],
  },
  'app/(admin)/admin/dossiers/[id]/actions.ts#requestPiecesAction': {
    access: { kind: 'staff', permission: 'dossiers.decide' },
    args: (t) => [
      { dossierId: t.dossierId, pieceTypeCodes: ['CV'], message: 'Envoyez votre CV.', expectedVersion: 1 },
    ],
  },
  'app/(admin)/admin/dossiers/[id]/actions.ts#sendMessageAction': {
    access: { kind: 'staff', permission: 'dossiers.decide' },
    args: (t) => [{ dossierId: t.dossierId, body: 'Bonjour, votre dossier est en cours.' }],
  },
  'app/(admin)/admin/dossiers/[id]/actions.ts#addNoteAction': {
    access: { kind: 'staff', permission: 'dossiers.decide' },
    args: (t) => [{ dossierId: t.dossierId, body: 'Note interne' }],
  },
  'app/(admin)/admin/dossiers/[id]/actions.ts#recordPaymentAction': {
    access: { kind: 'staff', permission: 'dossiers.decide' },
    args: (t) => [
      { dossierId: t.dossierId, kind: 'CHEQUE', amount: '118', receivedOn: '02/11/2026', reference: 'CHQ 1' },
    ],
  },
  'app/(admin)/admin/dossiers/[id]/actions.ts#eraseDossierAction': {
    access: { kind: 'staff', permission: 'rgpd.requests' },
    args: (t) => [{ dossierId: t.dossierId, confirmation: t.dossierReference }],
  },
  'app/(admin)/admin/courriels/actions.ts#retryEmailAction': {
    access: { kind: 'staff', permission: 'staff.manage' },
    args: (t) => [{ emailId: t.emailId }],
  },
  'app/(admin)/admin/comptes/actions.ts#inviteStaffAction': {
    access: { kind: 'staff', permission: 'staff.manage' },
    args: (t) => [{ name: 'Compte pirate', email: t.inviteeEmail, role: 'ADMIN' }],
  },
  'app/(admin)/admin/comptes/actions.ts#changeStaffRoleAction': {
    access: { kind: 'staff', permission: 'staff.manage' },
    args: (t) => [{ userId: t.targetUserId, role: 'ADMIN' }],
  },
  'app/(admin)/admin/comptes/actions.ts#setStaffActiveAction': {
    access: { kind: 'staff', permission: 'staff.manage' },
    args: (t) => [{ userId: t.targetUserId, active: false }],
  },
  'app/(admin)/admin/comptes/actions.ts#resendInvitationAction': {
    access: { kind: 'staff', permission: 'staff.manage' },
    args: (t) => [{ userId: t.targetUserId }],
  },
  'app/(admin)/admin/compte/actions.ts#changeOwnPasswordAction': {
    access: { kind: 'own-account' },
    args: () => [
      {
        currentPassword: E2E_STAFF_PASSWORD,
        password: 'Cirque-de-Mafate-2027!',
        confirmation: 'Cirque-de-Mafate-2027!',
      },
    ],
  },
  'app/(admin)/admin/compte/actions.ts#startTotpAction': { access: { kind: 'own-account' }, args: () => [] },
  'app/(admin)/admin/compte/actions.ts#cancelTotpAction': { access: { kind: 'own-account' }, args: () => [] },
  'app/(admin)/admin/compte/actions.ts#confirmTotpAction': {
    access: { kind: 'own-account' },
    args: () => [{ code: '123456' }],
  },
  'app/(admin)/admin/compte/actions.ts#disableTotpAction': {
    access: { kind: 'own-account' },
    args: () => [{ currentPassword: E2E_STAFF_PASSWORD }],
  },
  // The editors send the version their form was loaded with; a made-up one would be refused as stale
  // even for an administrator, but only after the permission check this spec is about.
  'app/(admin)/admin/programme/actions.ts#updateProgrammeTextsAction': {
    access: { kind: 'staff', permission: 'programme.edit' },
    args: (t) => [{ id: t.programmeId, version: 'v1', values: { title: 'Formation piratée' } }],
  },
  'app/(admin)/admin/programme/actions.ts#updateResponsablesAction': {
    access: { kind: 'staff', permission: 'programme.edit' },
    args: (t) => [{ id: t.programmeId, version: 'v1', values: { responsables: [{ name: 'X', role: 'Y' }] } }],
  },
  'app/(admin)/admin/programme/actions.ts#updateUeCatalogueAction': {
    access: { kind: 'staff', permission: 'programme.edit' },
    args: (t) => [{ id: t.programmeId, version: 'v1', values: { ues: [] } }],
  },
  'app/(admin)/admin/programme/actions.ts#updatePieceCatalogueAction': {
    access: { kind: 'staff', permission: 'programme.edit' },
    args: (t) => [{ id: t.programmeId, version: 'v1', values: { pieces: [] } }],
  },
  'app/(admin)/admin/programme/actions.ts#updateCentreAction': {
    access: { kind: 'staff', permission: 'programme.edit' },
    args: (t) => [{ id: t.centreId, version: 'v1', values: { name: 'Centre pirate' } }],
  },
  'app/(admin)/admin/sessions/actions.ts#updateSessionCalendarAction': {
    access: { kind: 'staff', permission: 'programme.edit' },
    args: (t) => [{ id: t.sessionId, version: 'v1', values: { semesters: [] } }],
  },
  'app/(admin)/admin/sessions/actions.ts#updateSessionOfferingsAction': {
    access: { kind: 'staff', permission: 'programme.edit' },
    args: (t) => [{ id: t.sessionId, version: 'v1', values: { periods: [], ues: [] } }],
  },
  'app/(admin)/admin/sessions/actions.ts#updateSessionTariffAction': {
    access: { kind: 'staff', permission: 'programme.edit' },
    args: (t) => [{ id: t.sessionId, version: 'v1', values: { rates: [] } }],
  },
  'app/(admin)/admin/sessions/actions.ts#setSessionRegistrationAction': {
    access: { kind: 'staff', permission: 'programme.edit' },
    args: (t) => [{ id: t.sessionId, version: 'v1', values: { open: true } }],
  },
  // No version: an administrator would duplicate the session with exactly these arguments.
  'app/(admin)/admin/sessions/actions.ts#duplicateSessionAction': {
    access: { kind: 'staff', permission: 'programme.edit' },
    args: (t) => [{ sessionId: t.sessionId }],
  },
  'app/(public)/inscription/actions.ts#saveStepAction': {
    access: { kind: 'applicant', credential: 'draft' },
    args: () => ['identite', validIdentity()],
  },
  'app/(public)/inscription/actions.ts#removeDraftPieceAction': {
    access: { kind: 'applicant', credential: 'draft' },
    args: () => [randomUUID()],
  },
  'app/(public)/inscription/actions.ts#setDraftPieceDateAction': {
    access: { kind: 'applicant', credential: 'draft' },
    args: () => [randomUUID(), '02/11/2026'],
  },
  'app/(public)/inscription/actions.ts#submitRegistrationAction': {
    access: { kind: 'applicant', credential: 'draft' },
    args: () => [{ consent: true, certify: true }],
  },
  'app/(public)/dossier/actions.ts#withdrawDossierAction': {
    access: { kind: 'applicant', credential: 'dossier' },
    args: () => [{ confirm: true }],
  },
  'app/(public)/inscription/actions.ts#startRegistrationAction': {
    access: {
      kind: 'public',
      reason:
        'Starting a registration is what a visitor does first: it creates an empty draft and gives this browser its session. Bots are kept out by the honeypot and a per-IP rate limit, and nothing is created while registration is closed.',
    },
    args: () => [form({ website: '' })],
  },
  'app/(public)/dossier/lien-perdu/actions.ts#requestNewLinkAction': {
    access: {
      kind: 'public',
      reason:
        'An applicant who lost their link asks for a new one with the reference and e-mail of their dossier; the link goes to the dossier’s own address only, so the caller learns nothing and gains nothing.',
    },
    args: (t) => [
      lostLinkState(),
      form({ reference: t.dossierReference, email: t.dossierEmail, website: '' }),
    ],
  },
  'app/(public)/inscription/actions.ts#openResumeLinkAction': {
    access: {
      kind: 'public',
      reason:
        '« Continuer » on a resume link’s page: the link’s token is the credential, it works once, within 7 days, for the address it was mailed to; a browser holding another draft is asked first.',
    },
    args: () => [form({ token: 'x'.repeat(43) })],
  },
  'app/(public)/dossier/actions.ts#openDossierLinkAction': {
    access: {
      kind: 'public',
      reason:
        '« Continuer » on a dossier link’s page: the link’s token is the credential, it works once, within 7 days, for the dossier’s address; a browser holding another dossier is asked first.',
    },
    args: () => [form({ token: 'x'.repeat(43) })],
  },
  'app/(public)/inscription/actions.ts#requestResumeLinkAction': {
    access: {
      kind: 'public',
      reason:
        'An applicant who lost a resume link asks a new one for an address: only a demand is recorded, the link goes (after the response, within limits) to drafts whose current address it is, so the caller learns nothing and gains nothing.',
    },
    args: () => [
      { status: 'idle', message: null, fieldErrors: {}, email: '' },
      form({ email: 'intrus@example.re', website: '' }),
    ],
  },
  'app/(admin)/admin/connexion/actions.ts#signInAction': {
    access: { kind: 'public', reason: 'The sign-in form: the e-mail and password are the credential.' },
    args: (t) => [{ message: null, email: '' }, form({ email: t.actors.LECTURE.email, password: 'mauvais' })],
  },
  'app/(admin)/admin/connexion/actions.ts#secondFactorAction': {
    access: {
      kind: 'public',
      reason: 'The second sign-in step: it needs the pending session cookie of a correct password.',
    },
    args: () => [{ message: null }, form({ code: '123456', retour: '/admin' })],
  },
  'app/(admin)/admin/connexion/actions.ts#signOutAction': {
    access: {
      kind: 'public',
      reason: 'Signing out ends the session of the cookie sent, if any; without one it does nothing.',
    },
    args: () => [],
  },
  'app/(admin)/admin/invitation/[token]/actions.ts#acceptInvitationAction': {
    access: {
      kind: 'public',
      reason: 'The invited member chooses a password: the private link of the invitation is the credential.',
    },
    args: () => [
      randomBytes(32).toString('base64url'),
      { password: 'Piton-des-Neiges-2027!', confirmation: 'Piton-des-Neiges-2027!' },
    ],
  },
}

function keyOf(action: ManifestAction): string {
  return `${action.file}#${action.exportName}`
}

function form(fields: Record<string, string>): FormData {
  const data = new FormData()
  for (const [name, value] of Object.entries(fields)) data.set(name, value)
  return data
}

function lostLinkState() {
  return { status: 'idle', message: null, fieldErrors: {}, values: { reference: '', email: '' } }
}

function validIdentity() {
  const body = '2840997411005'
  return {
    civility: 'MADAME',
    birthName: 'Payet',
    usageName: '',
    firstNames: 'Marie',
    birthDate: '12/09/1984',
    birthPlace: 'Saint-Denis',
    birthCountry: 'France',
    nationality: 'Française',
    nir: `${body}${String(nirKey(body)).padStart(2, '0')}`,
  }
}

/** A dossier's answers as stored at submission (the applicant's dossier page reads them). */
function dossierAnswers(email: string) {
  return {
    identite: {
      ...validIdentity(),
      usageName: null,
      birthDate: '1984-09-12',
      firstNames: 'Alice',
      birthName: 'Sonde',
    },
    coordonnees: {
      addressLine1: '1 rue de la Paix',
      addressLine2: null,
      postcode: '97400',
      town: 'Saint-Denis',
      phone: '+262692123456',
      email,
    },
    situation: {
      category: 'INDIVIDUAL',
      employmentStatus: 'EMPLOYED',
      employer: {
        name: 'Mission locale',
        address: 'Saint-Denis',
        contactName: 'RH',
        contactPhone: null,
        contactEmail: null,
      },
      employerCertificateSigned: null,
      jobSeekerId: null,
      highestDiploma: 'BAC',
      diplomaTitle: null,
      accessRoute: 'BAC_LEVEL',
      firstRegistration: true,
      baseFeeAlreadyPaid: false,
    },
    acquis: { obtained: [], earlyExperienceReview: false },
    ue: { ues: [{ code: 'PSY001', foad: false }], experienceMonths: null, experienceInField: null },
  }
}

// ---------------------------------------------------------------------------------------------
// Rows of the end-to-end database that the calls aim at, made by this spec for itself
// ---------------------------------------------------------------------------------------------

type Actor = { id: string; email: string; cookie: string }

type Targets = {
  tag: string
  programmeId: string
  /** The oldest session, closed: the other specs edit the current one. */
  sessionId: string
  centreId: string
  dossierId: string
  dossierReference: string
  dossierEmail: string
  /** The dossier's private link (its hash is stored). */
  dossierToken: string
  pieceId: string
  fileId: string
  draftId: string
  emailId: string
  outboxAddress: string
  /** An invited account, not yet accepted: what the account actions aim at. */
  targetUserId: string
  targetEmail: string
  inviteeEmail: string
  actors: Record<Exclude<StaffRole, 'ADMIN'>, Actor>
}

/** The end-to-end server's database (see scripts/test/e2e-server.ts). */
function e2eDatabaseUrl(): string {
  const base = process.env.TEST_DATABASE_URL
    ? new URL(process.env.TEST_DATABASE_URL)
    : new URL(
        `postgresql://portal:portal-local-only@127.0.0.1:${process.env.TEST_EMBEDDED_DB_PORT ?? 54321}/`,
      )
  base.pathname = '/portal_e2e'
  return base.toString()
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')

/** A fresh address for each call, so that no call meets a rate limit another call filled. */
const ipPrefix = `198.18.${randomBytes(1)[0]}`
let ipCounter = 0
function nextIp(): string {
  ipCounter += 1
  return `${ipPrefix}.${(ipCounter % 254) + 1}`
}

async function createTargets(db: pg.Client): Promise<Omit<Targets, 'actors'> & { actorEmails: string[] }> {
  const tag = randomBytes(4).toString('hex')
  const one = async <T>(sql: string, values: unknown[] = []): Promise<T> => {
    const { rows } = await db.query(sql, values)
    if (!rows[0]) throw new Error(`No row for ${sql}`)
    return rows[0] as T
  }
  const programme = await one<{ id: string }>('SELECT id FROM "Programme" WHERE code = $1', [
    HOME_PROGRAMME_CODE,
  ])
  const session = await one<{ id: string; startYear: number }>(
    'SELECT id, "startYear" FROM "AcademicSession" WHERE "programmeId" = $1 ORDER BY "startYear" LIMIT 1',
    [programme.id],
  )
  const centre = await one<{ id: string }>('SELECT id FROM "Centre" ORDER BY position LIMIT 1')
  const dossierToken = randomBytes(32).toString('base64url')
  const draft = await one<{ id: string }>(
    `INSERT INTO "Draft" (id, "sessionId", "tokenHash", answers, "completedSteps", "updatedAt", "expiresAt", "submittedAt")
     VALUES (gen_random_uuid(), $1, $2, '{}', '{}', now(), now() + interval '30 days', now()) RETURNING id`,
    [session.id, sha256(randomBytes(32).toString('base64url'))],
  )
  const reference = `${HOME_PROGRAMME_CODE}-${session.startYear}-9${String(parseInt(tag, 16) % 10_000).padStart(4, '0')}`
  const dossierEmail = `securite-${tag}@example.re`
  const dossier = await one<{ id: string }>(
    `INSERT INTO "Dossier" (id, reference, "sessionId", "draftId", "accessTokenHash", status, civility, "birthName",
       "firstNames", "birthDate", email, phone, category, "searchText", answers, "feeLines", "totalCents",
       "firstRegistration", "consentGivenAt", "privacyNoticeVersion", "submittedAt", "updatedAt")
     VALUES (gen_random_uuid(), $1, $2, $3, $4, 'UNDER_REVIEW', 'MADAME', 'Sonde', 'Alice', '1984-09-12', $5,
       '+262692123456', 'INDIVIDUAL', $6, $7, '[]', 11800, true, now(), 'test', now(), now()) RETURNING id`,
    [
      reference,
      session.id,
      draft.id,
      sha256(dossierToken),
      dossierEmail,
      `${reference} sonde alice ${dossierEmail}`,
      JSON.stringify(dossierAnswers(dossierEmail)),
    ],
  )
  const pdf = Buffer.from('%PDF-1.4\n% sonde\n%%EOF\n')
  const file = await one<{ id: string }>(
    `INSERT INTO "StoredFile" (id, "mimeType", "sizeBytes", sha256, "originalName")
     VALUES (gen_random_uuid(), 'application/pdf', $1, $2, 'cv.pdf') RETURNING id`,
    [pdf.length, createHash('sha256').update(pdf).digest('hex')],
  )
  await db.query('INSERT INTO "StoredFileContent" ("fileId", bytes) VALUES ($1, $2)', [file.id, pdf])
  const piece = await one<{ id: string }>(
    `INSERT INTO "Piece" (id, "dossierId", "pieceTypeCode", "fileId") VALUES (gen_random_uuid(), $1, 'CV', $2)
     RETURNING id`,
    [dossier.id, file.id],
  )
  const outboxAddress = `courriel-${tag}@example.re`
  const email = await one<{ id: string }>(
    `INSERT INTO "OutboxEmail" (id, kind, "toAddress", subject, text, status, attempts, "lastError")
     VALUES (gen_random_uuid(), 'RESUME_LINK', $1, 'Sujet', 'Texte', 'FAILED', 5, 'SMTP refusé') RETURNING id`,
    [outboxAddress],
  )
  const targetEmail = `cible-${tag}@test.cnam.re`
  const target = await one<{ id: string }>(
    `INSERT INTO "StaffUser" (id, email, name, role, active, "invitationTokenHash", "invitationExpiresAt", "updatedAt")
     VALUES (gen_random_uuid(), $1, 'Compte cible', 'LECTURE', true, $2, now() + interval '7 days', now()) RETURNING id`,
    [targetEmail, sha256(randomBytes(32).toString('base64url'))],
  )
  // Accounts of the roles that lack permissions, with the password of tests/e2e/staff-accounts.ts
  // (its hash copied from the account the e2e server made). Our own, so that what they write, or
  // not, is told apart from what the other specs' accounts do meanwhile.
  const { passwordHash } = await one<{ passwordHash: string }>(
    'SELECT "passwordHash" FROM "StaffUser" WHERE email = $1',
    [E2E_STAFF.LECTURE],
  )
  const actorEmails: string[] = []
  for (const role of ['LECTURE', 'GESTIONNAIRE'] as const) {
    const actorEmail = `${role.toLowerCase()}-${tag}@test.cnam.re`
    await db.query(
      `INSERT INTO "StaffUser" (id, email, name, role, "passwordHash", active, "updatedAt")
       VALUES (gen_random_uuid(), $1, $2, $3::"StaffRole", $4, true, now())`,
      [actorEmail, `Sonde ${role.toLowerCase()}`, role, passwordHash],
    )
    actorEmails.push(actorEmail)
  }
  return {
    tag,
    programmeId: programme.id,
    sessionId: session.id,
    centreId: centre.id,
    dossierId: dossier.id,
    dossierReference: reference,
    dossierEmail,
    dossierToken,
    pieceId: piece.id,
    fileId: file.id,
    draftId: draft.id,
    emailId: email.id,
    outboxAddress,
    targetUserId: target.id,
    targetEmail,
    inviteeEmail: `invite-${tag}@test.cnam.re`,
    actorEmails,
  }
}

/**
 * A fingerprint of every row the calls could write if an access check were missing: this spec's
 * dossier and what hangs from it, its e-mail, its accounts (and the sessions and audit events of its
 * actors), the programme's catalogues, the closed session it aims at, the centre. The responsables
 * and the current session are left out: the programme spec edits them at the same time; a wrong
 * role editing them would leave an audit event of this spec's actor, which is counted.
 */
async function fingerprint(db: pg.Client, targets: Targets): Promise<{ hash: string; rows: number }> {
  const actors = Object.values(targets.actors)
  const { rows } = await db.query<{ hash: string; rows: number }>(
    `SELECT md5(coalesce(string_agg(line, E'\\n' ORDER BY line), '')) AS hash, count(*)::int AS rows FROM (
       SELECT 'Dossier ' || t::text AS line FROM "Dossier" t WHERE id = $1
       UNION ALL SELECT 'Piece ' || t::text FROM "Piece" t WHERE "dossierId" = $1
       UNION ALL SELECT 'DossierUe ' || t::text FROM "DossierUe" t WHERE "dossierId" = $1
       UNION ALL SELECT 'DossierNote ' || t::text FROM "DossierNote" t WHERE "dossierId" = $1
       UNION ALL SELECT 'DossierMessage ' || t::text FROM "DossierMessage" t WHERE "dossierId" = $1
       UNION ALL SELECT 'PaymentRecord ' || t::text FROM "PaymentRecord" t WHERE "dossierId" = $1
       UNION ALL SELECT 'AuditEvent ' || t::text FROM "AuditEvent" t WHERE "dossierId" = $1 OR "actorId" = ANY($2)
       UNION ALL SELECT 'OutboxEmail ' || t::text FROM "OutboxEmail" t
         WHERE id = $3 OR "dossierId" = $1 OR "toAddress" = ANY($4)
       UNION ALL SELECT 'StaffUser ' || t::text FROM "StaffUser" t WHERE email = ANY($4)
       UNION ALL SELECT 'StaffSession ' || t.id || ' ' || t."pendingSecondFactor" FROM "StaffSession" t
         WHERE "userId" IN (SELECT id FROM "StaffUser" WHERE email = ANY($4))
       UNION ALL SELECT 'Programme ' || t::text FROM "Programme" t WHERE id = $5
       UNION ALL SELECT 'Ue ' || t::text FROM "Ue" t WHERE "programmeId" = $5
       UNION ALL SELECT 'UePrerequisite ' || t::text FROM "UePrerequisite" t
         WHERE "ueId" IN (SELECT id FROM "Ue" WHERE "programmeId" = $5)
       UNION ALL SELECT 'PieceType ' || t::text FROM "PieceType" t WHERE "programmeId" = $5
       UNION ALL SELECT 'Session ' || t.id FROM "AcademicSession" t WHERE "programmeId" = $5
       UNION ALL SELECT 'AcademicSession ' || t::text FROM "AcademicSession" t WHERE id = $6
       UNION ALL SELECT 'Semester ' || t::text FROM "Semester" t WHERE "sessionId" = $6
       UNION ALL SELECT 'Period ' || t::text FROM "Period" t WHERE "sessionId" = $6
       UNION ALL SELECT 'SessionUe ' || t::text FROM "SessionUe" t WHERE "sessionId" = $6
       UNION ALL SELECT 'SessionTariff ' || t::text FROM "SessionTariff" t WHERE "sessionId" = $6
       UNION ALL SELECT 'CategoryRate ' || t::text FROM "CategoryRate" t WHERE "sessionId" = $6
       UNION ALL SELECT 'Centre ' || t::text FROM "Centre" t WHERE id = $7
       UNION ALL SELECT 'OpeningHours ' || t::text FROM "OpeningHours" t WHERE "centreId" = $7
       UNION ALL SELECT 'Draft ' || t::text FROM "Draft" t WHERE "sessionId" = $6
     ) lines`,
    [
      targets.dossierId,
      actors.map((actor) => actor.id),
      targets.emailId,
      [
        targets.outboxAddress,
        targets.targetEmail,
        targets.inviteeEmail,
        targets.dossierEmail,
        ...actors.map((a) => a.email),
      ],
      targets.programmeId,
      targets.sessionId,
      targets.centreId,
    ],
  )
  return rows[0]!
}

// ---------------------------------------------------------------------------------------------

const manifest = readActionManifest(e2eDistDir(PORT))
const actionNamed = (exportName: string) => {
  const action = manifest.find((candidate) => candidate.exportName === exportName)
  if (!action) throw new Error(`${exportName} is not in the build`)
  return action
}

type Identity = { name: string; cookie?: string }

function messageOf(result: unknown): string | null {
  if (!result || typeof result !== 'object') return null
  const { formError, message } = result as { formError?: unknown; message?: unknown }
  const text = typeof formError === 'string' ? formError : message
  return typeof text === 'string' ? text : null
}

function describeOutcome(outcome: ActionOutcome): string {
  if (outcome.error) return `error ${outcome.status}: ${outcome.error}`
  if (outcome.redirect) return `redirect to ${outcome.redirect}`
  return `${outcome.status} ${JSON.stringify(outcome.result)}`
}

/** A refusal: answered normally, `ok: false`, with the expected words for the user. */
function isRefusal(outcome: ActionOutcome, expected: string | RegExp): boolean {
  if (outcome.status !== 200 || outcome.error || outcome.redirect) return false
  if ((outcome.result as { ok?: unknown } | undefined)?.ok !== false) return false
  const message = messageOf(outcome.result) ?? ''
  return typeof expected === 'string' ? message === expected : expected.test(message)
}

test.describe.configure({ mode: 'serial' })

let db: pg.Client
let targets: Targets

test.beforeAll(async () => {
  db = new pg.Client({ connectionString: e2eDatabaseUrl() })
  await db.connect()
  const { actorEmails, ...made } = await createTargets(db)
  const actors = {} as Targets['actors']
  for (const email of actorEmails) {
    const { rows } = await db.query<{ id: string; role: 'LECTURE' | 'GESTIONNAIRE' }>(
      'SELECT id, role FROM "StaffUser" WHERE email = $1',
      [email],
    )
    const [actor] = rows
    // Signed in through the real sign-in action, as the sign-in form does.
    const signIn = await callAction(
      BASE_URL,
      actionNamed('signInAction'),
      [{ message: null, email: '' }, form({ email, password: E2E_STAFF_PASSWORD })],
      { ip: nextIp() },
    )
    const cookie = signIn.cookies.find((pair) => pair.startsWith('cnam_personnel=') && pair.length > 20)
    if (!actor || signIn.redirect !== '/admin' || !cookie)
      throw new Error(`Sign-in of ${email}: ${describeOutcome(signIn)}`)
    actors[actor.role] = { id: actor.id, email, cookie }
  }
  targets = { ...made, actors }
})

test.afterAll(async () => {
  if (!targets) return db?.end()
  const staffEmails = [
    targets.targetEmail,
    targets.inviteeEmail,
    ...Object.values(targets.actors).map((a) => a.email),
  ]
  await db.query('DELETE FROM "AuditEvent" WHERE "actorId" = ANY($1)', [
    Object.values(targets.actors).map((a) => a.id),
  ])
  await db.query('DELETE FROM "Dossier" WHERE id = $1', [targets.dossierId])
  await db.query('DELETE FROM "StoredFile" WHERE id = $1', [targets.fileId])
  await db.query('DELETE FROM "Draft" WHERE id = $1', [targets.draftId])
  await db.query('DELETE FROM "OutboxEmail" WHERE id = $1 OR "toAddress" = ANY($2) OR "dossierId" = $3', [
    targets.emailId,
    [targets.outboxAddress, targets.dossierEmail, ...staffEmails],
    targets.dossierId,
  ])
  await db.query('DELETE FROM "StaffUser" WHERE email = ANY($1)', [staffEmails])
  await db.query('DELETE FROM "SignInAttempt" WHERE ip LIKE $1 || \'.%\'', [ipPrefix])
  await db.query("DELETE FROM \"RateLimitBucket\" WHERE key LIKE '%:' || $1 || '.%'", [ipPrefix])
  await db.end()
})

test('every server action of the build has a declared access rule', () => {
  const inBuild = manifest.map(keyOf).sort()
  expect(inBuild.length, 'the manifest lists the actions').toBeGreaterThan(0)
  expect(
    inBuild.filter((key) => !DECLARED[key]),
    'actions without a declared access rule: declare who may call them in this spec',
  ).toEqual([])
  // A declaration without its action (removed, renamed, or not built yet) only gets a note: the
  // declaration may land before the action it describes.
  for (const key of Object.keys(DECLARED).filter((declared) => !inBuild.includes(declared)))
    test.info().annotations.push({ type: 'warning', description: `${key} is declared but not in the build` })
})

test('without credentials or with the wrong role, every staff and applicant action is refused and writes nothing', async () => {
  const forged = randomBytes(32).toString('base64url')
  const identitiesFor = (access: Access): Array<{ identity: Identity; refusal: string | RegExp }> => {
    switch (access.kind) {
      case 'staff':
        return [
          { identity: { name: 'anonymous' }, refusal: SIGNED_OUT },
          ...STAFF_ROLES.filter((role) => !can(role, access.permission)).map((role) => {
            if (role === 'ADMIN') throw new Error(`No admin actor to try ${access.permission} with`)
            return { identity: { name: role, cookie: targets.actors[role].cookie }, refusal: FORBIDDEN }
          }),
        ]
      case 'own-account':
        return [{ identity: { name: 'anonymous' }, refusal: SIGNED_OUT }]
      case 'applicant': {
        const cookieName = access.credential === 'draft' ? 'cnam_inscription' : 'cnam_dossier'
        return [
          { identity: { name: 'anonymous' }, refusal: NOT_FOUND },
          {
            identity: { name: `forged ${cookieName}`, cookie: `${cookieName}=${forged}` },
            refusal: NOT_FOUND,
          },
          { identity: { name: 'staff session', cookie: targets.actors.LECTURE.cookie }, refusal: NOT_FOUND },
        ]
      }
      case 'public':
        return []
    }
  }

  const before = await fingerprint(db, targets)
  const calls: Array<{ action: string; identity: string; refused: boolean; outcome: ActionOutcome }> = []
  for (const action of manifest) {
    const declaration = DECLARED[keyOf(action)]
    if (!declaration) continue
    for (const { identity, refusal } of identitiesFor(declaration.access)) {
      const outcome = await callAction(BASE_URL, action, declaration.args(targets), {
        cookie: identity.cookie,
        ip: nextIp(),
      })
      calls.push({
        action: action.exportName,
        identity: identity.name,
        refused: isRefusal(outcome, refusal),
        outcome,
      })
    }
  }
  const after = await fingerprint(db, targets)

  const guarded = manifest.filter((action) => DECLARED[keyOf(action)]?.access.kind !== 'public')
  await test.info().attach('calls.txt', {
    contentType: 'text/plain',
    body: calls
      .map((call) => `${call.action} as ${call.identity}: ${describeOutcome(call.outcome)}`)
      .join('\n'),
  })
  expect
    .soft(
      calls
        .filter((call) => !call.refused)
        .map((call) => `${call.action} as ${call.identity}: ${describeOutcome(call.outcome)}`),
      'calls that were not refused',
    )
    .toEqual([])
  // Every guarded action was called, by every identity its rule refuses.
  expect(new Set(calls.map((call) => call.action)).size).toBe(guarded.length)
  expect(calls.length).toBe(
    guarded.reduce((sum, action) => sum + identitiesFor(DECLARED[keyOf(action)]!.access).length, 0),
  )
  expect(before.rows, 'the fingerprint covers the target rows').toBeGreaterThan(10)
  expect(after, 'rows written by refused calls').toEqual(before)
})

/** Rate-limit counters of `ip`: written by a public action before it creates anything. */
async function bucketsOf(ip: string): Promise<string[]> {
  const { rows } = await db.query<{ key: string }>('SELECT key FROM "RateLimitBucket" WHERE key LIKE $1', [
    `%:${ip}`,
  ])
  return rows.map((row) => row.key)
}

const sessionCookies = (outcome: ActionOutcome) =>
  outcome.cookies.filter((pair) => /^cnam_(personnel|inscription|dossier)=./.test(pair))

test('the public actions give nothing to an illegitimate call', async () => {
  const before = await fingerprint(db, targets)
  const lecture = targets.actors.LECTURE

  // A bot fills the honeypot: sent back to the start, no draft, no link; it did not even reach the
  // rate limit, which is counted before a draft is created.
  const botIp = nextIp()
  const bot = await callAction(
    BASE_URL,
    actionNamed('startRegistrationAction'),
    [form({ website: 'https://promo.example' })],
    { ip: botIp },
  )
  expect(bot.redirect).toBe('/inscription')
  expect(sessionCookies(bot)).toEqual([])
  expect(await bucketsOf(botIp)).toEqual([])

  // "Lost link" with the dossier's true reference and address, but the honeypot filled: the usual
  // answer, and no new link (the dossier's link hash and its e-mails are in the fingerprint).
  const lostIp = nextIp()
  const lost = await callAction(
    BASE_URL,
    actionNamed('requestNewLinkAction'),
    [
      lostLinkState(),
      form({ reference: targets.dossierReference, email: targets.dossierEmail, website: 'x' }),
    ],
    { ip: lostIp },
  )
  expect(lost.result).toMatchObject({ status: 'sent', fieldErrors: {} })
  expect(await bucketsOf(lostIp)).toEqual([])
  // The true reference with someone else's address: the same answer, and nothing sent anywhere.
  const stranger = await callAction(
    BASE_URL,
    actionNamed('requestNewLinkAction'),
    [lostLinkState(), form({ reference: targets.dossierReference, email: 'intrus@example.re', website: '' })],
    { ip: nextIp() },
  )
  expect(stranger.result).toMatchObject({
    status: 'sent',
    message: (lost.result as { message: string }).message,
  })

  // A wrong password opens no session.
  const signIn = await callAction(
    BASE_URL,
    actionNamed('signInAction'),
    [{ message: null, email: '' }, form({ email: lecture.email, password: 'Mauvais-Mot-De-Passe-1' })],
    { ip: nextIp() },
  )
  expect(signIn.result).toEqual({ message: WRONG_CREDENTIALS, email: lecture.email })
  expect(sessionCookies(signIn)).toEqual([])

  // The second step without the pending session of a correct password goes back to the sign-in.
  for (const cookie of [undefined, lecture.cookie]) {
    const code = await callAction(
      BASE_URL,
      actionNamed('secondFactorAction'),
      DECLARED['app/(admin)/admin/connexion/actions.ts#secondFactorAction']!.args(targets),
      { cookie, ip: nextIp() },
    )
    expect(code.redirect).toBe('/admin/connexion')
    expect(sessionCookies(code)).toEqual([])
  }

  // Signing out without a session.
  const signOut = await callAction(BASE_URL, actionNamed('signOutAction'), [], { ip: nextIp() })
  expect(signOut.redirect).toBe('/admin/connexion?deconnecte=1')
  expect(sessionCookies(signOut)).toEqual([])

  // An invitation link that was never sent: refused, the invited account keeps no password.
  const invitation = await callAction(
    BASE_URL,
    actionNamed('acceptInvitationAction'),
    DECLARED['app/(admin)/admin/invitation/[token]/actions.ts#acceptInvitationAction']!.args(targets),
    { ip: nextIp() },
  )
  expect(invitation.result).toEqual({ ok: false, fieldErrors: {}, formError: INVITATION_INVALID })
  expect(sessionCookies(invitation)).toEqual([])

  expect(await fingerprint(db, targets), 'rows written by the public actions').toEqual(before)
})

test('malformed arguments get an answer, never a server error, and write nothing', async () => {
  // What a hand-made request can send instead of what the forms send. FormData is left out: an
  // empty one is a legitimate "Commencer mon inscription". The raw bodies are replies React decodes
  // (own `__proto__` keys, big integers, an impossible date) that its encoder would not write.
  const malformed: Array<{ args: unknown[]; rawBody?: string }> = [
    { args: [] },
    { args: [null] },
    { args: [7] },
    { args: ['\u0000'] },
    { args: [[]] },
    { args: [{}, {}, {}] },
    { args: ['x'.repeat(200_000)] },
    { args: [], rawBody: '[{"__proto__":{"ok":true},"constructor":{"prototype":{"polluted":true}}}]' },
    { args: [], rawBody: '["$n123456789012345678901234567890",{"confirm":"$n1"}]' },
    { args: [], rawBody: '["$D2026-02-30T99:00:00.000Z"]' },
  ]
  const before = await fingerprint(db, targets)
  const failures: string[] = []
  for (const action of manifest) {
    for (const { args, rawBody } of malformed) {
      const outcome = await callAction(BASE_URL, action, args, { ip: nextIp(), rawBody })
      if (outcome.status >= 500 || outcome.error)
        failures.push(
          `${action.exportName}(${(rawBody ?? JSON.stringify(args)).slice(0, 40)}): ${describeOutcome(outcome)}`,
        )
    }
  }
  expect(failures).toEqual([])
  expect(await fingerprint(db, targets), 'rows written by malformed calls').toEqual(before)
})

test('with the right credential the same calls go through: the refusals come from the access checks', async () => {
  const note = await callAction(
    BASE_URL,
    actionNamed('addNoteAction'),
    DECLARED['app/(admin)/admin/dossiers/[id]/actions.ts#addNoteAction']!.args(targets),
    { cookie: targets.actors.GESTIONNAIRE.cookie, ip: nextIp() },
  )
  expect(note.result).toEqual({ ok: true })
  const notes = await db.query('SELECT body FROM "DossierNote" WHERE "dossierId" = $1', [targets.dossierId])
  expect(notes.rows).toEqual([{ body: 'Note interne' }])

  // A visitor starts a registration: a draft behind the link in the cookie; with it, a step saves.
  const start = await callAction(BASE_URL, actionNamed('startRegistrationAction'), [form({ website: '' })], {
    ip: nextIp(),
  })
  expect(start.redirect).toBe('/inscription/identite')
  const draftCookie = start.cookies.find((pair) => pair.startsWith('cnam_inscription='))
  expect(draftCookie).toBeTruthy()
  const draftHash = sha256(draftCookie!.slice('cnam_inscription='.length))
  try {
    const saved = await callAction(BASE_URL, actionNamed('saveStepAction'), ['identite', validIdentity()], {
      cookie: draftCookie,
      ip: nextIp(),
    })
    expect(saved.result).toEqual({ ok: true, next: 'coordonnees' })
    const draft = await db.query(
      'SELECT answers->\'identite\'->>\'birthName\' AS name FROM "Draft" WHERE "tokenHash" = $1',
      [draftHash],
    )
    expect(draft.rows).toEqual([{ name: 'Payet' }])
  } finally {
    await db.query('DELETE FROM "Draft" WHERE "tokenHash" = $1', [draftHash])
  }

  // The applicant withdraws their dossier from the browser holding its link.
  const withdrawn = await callAction(BASE_URL, actionNamed('withdrawDossierAction'), [{ confirm: true }], {
    cookie: `cnam_dossier=${targets.dossierToken}`,
    ip: nextIp(),
  })
  expect(withdrawn.result).toEqual({ ok: true })
  const status = await db.query('SELECT status FROM "Dossier" WHERE id = $1', [targets.dossierId])
  expect(status.rows).toEqual([{ status: 'WITHDRAWN' }])
})
