import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { addDays, addYears, weeksNearestToYears, type IsoDate } from '@/lib/domain/dates'
import {
  STALE_EDIT_MESSAGE,
  toCentreInput,
  toPieceCatalogueInput,
  toProgrammeTextsInput,
  toResponsablesInput,
  toSessionCalendarInput,
  toSessionOfferingsInput,
  toSessionTariffInput,
  toUeCatalogueInput,
} from '@/lib/schemas/programme'
import type { ProgrammeChangeAction } from '@/lib/server/admin/programme/edit-transaction'
import { getProgrammeEditor } from '@/lib/server/admin/programme/get-programme-editor'
import { updateCentre } from '@/lib/server/admin/programme/update-centre'
import { updatePieceCatalogue } from '@/lib/server/admin/programme/update-piece-catalogue'
import { updateProgrammeTexts } from '@/lib/server/admin/programme/update-programme-texts'
import { updateResponsables } from '@/lib/server/admin/programme/update-responsables'
import { updateUeCatalogue } from '@/lib/server/admin/programme/update-ue-catalogue'
import { duplicateSessionToNextYear } from '@/lib/server/admin/sessions/duplicate-session'
import { getSessionEditor } from '@/lib/server/admin/sessions/get-session-editor'
import { listSessions } from '@/lib/server/admin/sessions/list-sessions'
import { setSessionRegistration } from '@/lib/server/admin/sessions/set-session-registration'
import { updateSessionCalendar } from '@/lib/server/admin/sessions/update-session-calendar'
import { updateSessionOfferings } from '@/lib/server/admin/sessions/update-session-offerings'
import { updateSessionTariff } from '@/lib/server/admin/sessions/update-session-tariff'
import { AccessDenied, currentStaff } from '@/lib/server/auth/authorize'
import type { StaffActor } from '@/lib/server/auth/staff-session'
import { getDb } from '@/lib/server/db'
import { getProgrammePage } from '@/lib/server/programme/get-programme-page'
import { seed } from '@/prisma/seed'
import { createDossier } from '../support/dossiers'
import { browser, revalidated } from '../support/next-request'
import { NOW } from '../support/registration'
import {
  becomeIdentity,
  contentFingerprint,
  createStaff,
  IDENTITIES,
  signInBrowserAs,
} from '../support/staff'
import { resetDatabase } from '../support/test-database'

const programmeActions = await import('@/app/(admin)/admin/programme/actions')
const sessionActions = await import('@/app/(admin)/admin/sessions/actions')
const db = getDb()
const PROGRAMME = 'CPN42'

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(NOW)
  await resetDatabase()
  await seed(db, { now: NOW })
  browser.reset()
  revalidated.length = 0
})

afterAll(() => {
  vi.useRealTimers()
})

async function signInAdmin(): Promise<StaffActor> {
  const admin = await createStaff('ADMIN')
  await signInBrowserAs(admin.id)
  const actor = await currentStaff()
  if (!actor) throw new Error('admin not signed in')
  return actor
}

async function programmeEditor(actor: StaffActor) {
  const editor = await getProgrammeEditor({ actor, programmeCode: PROGRAMME })
  if (!editor) throw new Error('programme not seeded')
  return editor
}

/** The session of the current year (2026-2027 at NOW), open to registration. */
async function currentSessionEditor(actor: StaffActor) {
  const session = await db.academicSession.findFirstOrThrow({
    where: { startYear: 2026 },
    select: { id: true },
  })
  const editor = await getSessionEditor({ actor, sessionId: session.id })
  if (!editor) throw new Error('session not seeded')
  return editor
}

/** Something must not have been written: the content of every table, before and after. */
async function expectNothingWritten(run: () => Promise<unknown>): Promise<void> {
  const before = await contentFingerprint()
  await run()
  expect(await contentFingerprint()).toBe(before)
  expect(revalidated).toEqual([])
}

describe('the programme texts', () => {
  it('are saved, audited, and the public page is refreshed', async () => {
    const actor = await signInAdmin()
    const editor = await programmeEditor(actor)
    const values = {
      ...toProgrammeTextsInput(editor.texts.data),
      title: '  Chargé d’accompagnement social et professionnel  ',
      jobTitles: 'Conseiller en insertion\n\n  Médiateur social  \nConseiller emploi',
      weeklyWorkloadMaxHours: '10',
      lastUpdatedOn: '2026-11-20',
    }
    const result = await programmeActions.updateProgrammeTextsAction({
      id: editor.programmeId,
      version: editor.texts.version,
      values,
    })
    expect(result).toMatchObject({ ok: true })
    if (!result.ok) return
    expect(result.version).not.toBe(editor.texts.version)
    expect(result.values.jobTitles).toBe('Conseiller en insertion\nMédiateur social\nConseiller emploi')

    const stored = await db.programme.findUniqueOrThrow({ where: { code: PROGRAMME } })
    expect(stored.title).toBe('Chargé d’accompagnement social et professionnel')
    expect(stored.jobTitles).toEqual(['Conseiller en insertion', 'Médiateur social', 'Conseiller emploi'])
    expect(stored.weeklyWorkloadMaxHours).toBe(10)
    expect(stored.lastUpdatedOn.toISOString().slice(0, 10)).toBe('2026-11-20')
    expect((await getProgrammePage({ programmeCode: PROGRAMME }))?.programme.title).toBe(
      'Chargé d’accompagnement social et professionnel',
    )
    expect(revalidated).toContain('/')
    expect(await db.auditEvent.findFirst({ where: { action: 'PROGRAMME_TEXTS_UPDATED' } })).toMatchObject({
      actorType: 'STAFF',
      actorId: actor.userId,
      dossierId: null,
      details: expect.objectContaining({
        fields: expect.arrayContaining(['title', 'jobTitles', 'weeklyWorkloadMaxHours', 'lastUpdatedOn']),
      }),
    })
  })

  it('are refused with French messages on their fields, and nothing is written', async () => {
    const actor = await signInAdmin()
    const editor = await programmeEditor(actor)
    await expectNothingWritten(async () => {
      const result = await programmeActions.updateProgrammeTextsAction({
        id: editor.programmeId,
        version: editor.texts.version,
        values: {
          ...toProgrammeTextsInput(editor.texts.data),
          title: '   ',
          ects: '12,5',
          competences: '\n \n',
          rncpDecreeOn: '31/02/2009',
        },
      })
      expect(result).toEqual({
        ok: false,
        formError: null,
        fieldErrors: {
          title: 'Indiquez l’intitulé de la formation.',
          ects: 'Indiquez le nombre de crédits ECTS en chiffres, sans virgule (par exemple 2).',
          competences: 'Indiquez les compétences, une par ligne.',
          rncpDecreeOn: 'La date de l’arrêté doit être une date réelle, au format JJ/MM/AAAA.',
        },
      })
    })
  })

  it('refuses a stale form: the second editor is told to reload and the first edit stays', async () => {
    const actor = await signInAdmin()
    const editor = await programmeEditor(actor)
    const base = toProgrammeTextsInput(editor.texts.data)
    const first = await programmeActions.updateProgrammeTextsAction({
      id: editor.programmeId,
      version: editor.texts.version,
      values: { ...base, audience: 'Première version.' },
    })
    expect(first.ok).toBe(true)
    revalidated.length = 0
    await expectNothingWritten(async () => {
      const second = await programmeActions.updateProgrammeTextsAction({
        id: editor.programmeId,
        version: editor.texts.version,
        values: { ...base, audience: 'Seconde version, faite sur une page périmée.' },
      })
      expect(second).toEqual({ ok: false, formError: STALE_EDIT_MESSAGE, fieldErrors: {} })
    })
    expect((await db.programme.findUniqueOrThrow({ where: { code: PROGRAMME } })).audience).toBe(
      'Première version.',
    )
  })

  it('lets only one of two simultaneous saves of the same version through', async () => {
    const actor = await signInAdmin()
    const editor = await programmeEditor(actor)
    const results = await Promise.all(
      ['Version A.', 'Version B.'].map((audience) =>
        updateProgrammeTexts({
          actor,
          programmeId: editor.programmeId,
          expectedVersion: editor.texts.version,
          values: { ...editor.texts.data, audience },
        }),
      ),
    )
    expect(results.filter((result) => result.ok)).toHaveLength(1)
    expect(results.filter((result) => !result.ok)).toEqual([
      { ok: false, formError: STALE_EDIT_MESSAGE, fieldErrors: {} },
    ])
    expect((await db.programme.findUniqueOrThrow({ where: { code: PROGRAMME } })).audience).toMatch(
      /^Version [AB]\.$/,
    )
  })
})

describe('the responsables', () => {
  it('are replaced in the order given', async () => {
    const actor = await signInAdmin()
    const editor = await programmeEditor(actor)
    const result = await programmeActions.updateResponsablesAction({
      id: editor.programmeId,
      version: editor.responsables.version,
      values: {
        responsables: [
          { name: 'Guy RAPANOEL', role: 'Directeur des Etudes' },
          { name: 'Marie HOARAU', role: 'Directrice du Centre Régional Cnam' },
        ],
      },
    })
    expect(result.ok).toBe(true)
    expect(
      await db.responsable.findMany({ orderBy: { position: 'asc' }, select: { name: true, position: true } }),
    ).toEqual([
      { name: 'Guy RAPANOEL', position: 0 },
      { name: 'Marie HOARAU', position: 1 },
    ])
    expect(revalidated).toContain('/')
  })

  it('refuses an empty name, next to the field', async () => {
    const actor = await signInAdmin()
    const editor = await programmeEditor(actor)
    await expectNothingWritten(async () => {
      const result = await programmeActions.updateResponsablesAction({
        id: editor.programmeId,
        version: editor.responsables.version,
        values: {
          responsables: [
            ...toResponsablesInput(editor.responsables.data).responsables,
            { name: '', role: 'x' },
          ],
        },
      })
      expect(result).toMatchObject({ ok: false, fieldErrors: { 'responsables.2.name': 'Indiquez le nom.' } })
    })
  })
})

describe('the UE catalogue', () => {
  it('adds a UE with its prerequisites, updates another, and the public page shows them', async () => {
    const actor = await signInAdmin()
    const editor = await programmeEditor(actor)
    const input = toUeCatalogueInput(editor.ues.data)
    const psy = input.ues.findIndex((ue) => ue.code === 'PSY001')
    input.ues[psy] = {
      ...input.ues[psy]!,
      title: 'Psychopathologie et intervention sociale',
      prerequisites: 'ast002',
    }
    input.ues.push({
      id: '',
      code: 'psy002',
      title: 'Psychologie du développement',
      ects: '6',
      kind: 'COURSE',
      descriptionUrl: 'https://formation.cnam.fr/psy002',
      prerequisites: 'PSY001, AST004',
    })
    const result = await programmeActions.updateUeCatalogueAction({
      id: editor.programmeId,
      version: editor.ues.version,
      values: input,
    })
    expect(result.ok).toBe(true)
    if (!result.ok) return
    const added = result.values.ues.find((ue) => ue.code === 'PSY002')
    expect(added).toMatchObject({ title: 'Psychologie du développement', prerequisites: 'AST004, PSY001' })
    expect(added?.id).toMatch(/^[0-9a-f-]{36}$/)
    const page = await getProgrammePage({ programmeCode: PROGRAMME })
    expect(page?.session.ues.find((ue) => ue.code === 'PSY001')).toMatchObject({
      title: 'Psychopathologie et intervention sociale',
      prerequisites: ['AST002'],
    })
    expect(revalidated).toContain('/')
  })

  it('refuses a UE that requires itself, and a cycle, on the prerequisites field', async () => {
    const actor = await signInAdmin()
    const editor = await programmeEditor(actor)
    const input = toUeCatalogueInput(editor.ues.data)
    const ast004 = input.ues.findIndex((ue) => ue.code === 'AST004')
    const ast005 = input.ues.findIndex((ue) => ue.code === 'AST005')
    await expectNothingWritten(async () => {
      const selfRequired = structuredClone(input)
      selfRequired.ues[ast004]!.prerequisites = 'AST004'
      expect(
        await programmeActions.updateUeCatalogueAction({
          id: editor.programmeId,
          version: editor.ues.version,
          values: selfRequired,
        }),
      ).toEqual({
        ok: false,
        formError: null,
        fieldErrors: { [`ues.${ast004}.prerequisites`]: 'Une UE ne peut pas être son propre prérequis.' },
      })

      // AST005 already requires AST004.
      const cycle = structuredClone(input)
      cycle.ues[ast004]!.prerequisites = 'AST005'
      const result = await programmeActions.updateUeCatalogueAction({
        id: editor.programmeId,
        version: editor.ues.version,
        values: cycle,
      })
      expect(result.ok).toBe(false)
      if (result.ok) return
      expect(Object.keys(result.fieldErrors).sort()).toEqual(
        [`ues.${ast004}.prerequisites`, `ues.${ast005}.prerequisites`].sort(),
      )
      expect(result.fieldErrors[`ues.${ast004}.prerequisites`]).toContain('AST004 → AST005 → AST004')
    })
  })

  it('refuses to delete a UE offered in a session, or to change a UE’s code', async () => {
    const actor = await signInAdmin()
    const editor = await programmeEditor(actor)
    const input = toUeCatalogueInput(editor.ues.data)
    await expectNothingWritten(async () => {
      const withoutUev = { ues: input.ues.filter((ue) => ue.code !== 'UEV010') }
      expect(
        await programmeActions.updateUeCatalogueAction({
          id: editor.programmeId,
          version: editor.ues.version,
          values: withoutUev,
        }),
      ).toMatchObject({
        ok: false,
        formError: expect.stringMatching(
          /^L’UE UEV010 ne peut pas être supprimée : elle est proposée dans les sessions 2010-2011 et 2026-2027\. Retirez-la d’abord de ces sessions\.$/,
        ),
      })
      const renamed = structuredClone(input)
      renamed.ues[0]!.code = 'ZZZ999'
      expect(
        await programmeActions.updateUeCatalogueAction({
          id: editor.programmeId,
          version: editor.ues.version,
          values: renamed,
        }),
      ).toMatchObject({ ok: false, fieldErrors: { 'ues.0.code': expect.stringContaining('ne change pas') } })
    })
  })

  it('deletes a UE that no session offers', async () => {
    const actor = await signInAdmin()
    let editor = await programmeEditor(actor)
    const input = toUeCatalogueInput(editor.ues.data)
    input.ues.push({
      id: '',
      code: 'TMP001',
      title: 'Essai',
      ects: '3',
      kind: 'COURSE',
      descriptionUrl: '',
      prerequisites: '',
    })
    const added = await updateUeCatalogue({
      actor,
      programmeId: editor.programmeId,
      expectedVersion: editor.ues.version,
      values: {
        ues: input.ues.map((ue) => ({
          id: ue.id || null,
          code: ue.code,
          title: ue.title,
          ects: Number(ue.ects),
          kind: ue.kind || 'COURSE',
          descriptionUrl: ue.descriptionUrl || null,
          prerequisites: ue.prerequisites ? ue.prerequisites.split(', ') : [],
        })),
      },
    })
    expect(added.ok).toBe(true)
    editor = await programmeEditor(actor)
    const result = await programmeActions.updateUeCatalogueAction({
      id: editor.programmeId,
      version: editor.ues.version,
      values: { ues: toUeCatalogueInput(editor.ues.data).ues.filter((ue) => ue.code !== 'TMP001') },
    })
    expect(result.ok).toBe(true)
    expect(await db.ue.findFirst({ where: { code: 'TMP001' } })).toBeNull()
  })
})

describe('the pieces catalogue', () => {
  it('adds a piece with a code made from its label, reorders and edits the others', async () => {
    const actor = await signInAdmin()
    const editor = await programmeEditor(actor)
    const input = toPieceCatalogueInput(editor.pieces.data)
    const [first, ...rest] = input.pieces
    const pieces = [
      ...rest,
      first!,
      {
        id: '',
        code: '',
        label: 'Attestation de la CAF',
        description: 'De moins de 3 mois.',
        condition: 'JOB_SEEKER' as const,
        alternativeGroup: '',
        maxAgeDays: '90',
        optional: true,
        templatePath: '',
      },
    ]
    const result = await programmeActions.updatePieceCatalogueAction({
      id: editor.programmeId,
      version: editor.pieces.version,
      values: { pieces },
    })
    expect(result.ok).toBe(true)
    const stored = await db.pieceType.findMany({ orderBy: { position: 'asc' } })
    expect(stored.at(-1)).toMatchObject({
      code: 'ATTESTATION_DE_LA_CAF',
      condition: 'JOB_SEEKER',
      maxAgeDays: 90,
      optional: true,
      description: 'De moins de 3 mois.',
    })
    expect(stored.at(-2)?.code).toBe('REGISTRATION_FORM')
    expect(stored[0]?.code).toBe('CV')
    const page = await getProgrammePage({ programmeCode: PROGRAMME })
    expect(page?.programme.pieceTypes.at(-1)?.label).toBe('Attestation de la CAF')
    expect(revalidated).toContain('/')
  })

  it('refuses a lone alternative group, a bad template link, and “rempli sur ce portail” for another piece', async () => {
    const actor = await signInAdmin()
    const editor = await programmeEditor(actor)
    const input = toPieceCatalogueInput(editor.pieces.data)
    const cv = input.pieces.findIndex((piece) => piece.code === 'CV')
    await expectNothingWritten(async () => {
      const invalid = structuredClone(input)
      invalid.pieces[cv] = {
        ...invalid.pieces[cv]!,
        alternativeGroup: 'SEUL',
        templatePath: 'ftp://example.org/x.pdf',
      }
      const result = await programmeActions.updatePieceCatalogueAction({
        id: editor.programmeId,
        version: editor.pieces.version,
        values: invalid,
      })
      expect(result).toMatchObject({
        ok: false,
        fieldErrors: {
          [`pieces.${cv}.alternativeGroup`]: expect.stringContaining('Aucune autre pièce n’a ce groupe'),
          [`pieces.${cv}.templatePath`]: expect.stringContaining('Indiquez l’adresse du modèle'),
        },
      })
      const generated = structuredClone(input)
      generated.pieces[cv]!.condition = 'GENERATED'
      expect(
        await programmeActions.updatePieceCatalogueAction({
          id: editor.programmeId,
          version: editor.pieces.version,
          values: generated,
        }),
      ).toMatchObject({
        ok: false,
        fieldErrors: {
          [`pieces.${cv}.condition`]: expect.stringContaining('Seul le formulaire d’inscription'),
        },
      })
    })
  })

  it('refuses to delete a piece that dossiers hold', async () => {
    const actor = await signInAdmin()
    await createDossier()
    const editor = await programmeEditor(actor)
    const input = toPieceCatalogueInput(editor.pieces.data)
    await expectNothingWritten(async () => {
      const result = await programmeActions.updatePieceCatalogueAction({
        id: editor.programmeId,
        version: editor.pieces.version,
        values: { pieces: input.pieces.filter((piece) => piece.code !== 'CV') },
      })
      expect(result).toMatchObject({
        ok: false,
        formError: expect.stringContaining('La pièce « Curriculum vitae » ne peut pas être supprimée'),
      })
    })
  })
})

describe('a centre', () => {
  it('saves its contacts and opening hours', async () => {
    const actor = await signInAdmin()
    const editor = await programmeEditor(actor)
    const saintLouis = editor.centres.find((centre) => centre.code === 'SAINT_LOUIS')!
    const result = await programmeActions.updateCentreAction({
      id: saintLouis.id,
      version: saintLouis.version,
      values: {
        ...toCentreInput(saintLouis.data),
        phone: '0262 55 90 70',
        fax: '',
        openingHours: [
          { fromDay: '1', toDay: '5', opensAt: '08:00', closesAt: '12:00' },
          { fromDay: '3', toDay: '3', opensAt: '13:30', closesAt: '16:30' },
        ],
      },
    })
    expect(result.ok).toBe(true)
    const page = await getProgrammePage({ programmeCode: PROGRAMME })
    expect(page?.centres.find((centre) => centre.code === 'SAINT_LOUIS')).toMatchObject({
      phone: '0262 55 90 70',
      fax: null,
      openingHours: [
        { fromDay: 1, toDay: 5, opensAt: '08:00', closesAt: '12:00' },
        { fromDay: 3, toDay: 3, opensAt: '13:30', closesAt: '16:30' },
      ],
    })
    expect(revalidated).toContain('/')
  })

  it('refuses overlapping hours, a bad postcode and phone, all at once', async () => {
    const actor = await signInAdmin()
    const editor = await programmeEditor(actor)
    const port = editor.centres.find((centre) => centre.code === 'LE_PORT')!
    await expectNothingWritten(async () => {
      const result = await programmeActions.updateCentreAction({
        id: port.id,
        version: port.version,
        values: {
          ...toCentreInput(port.data),
          postcode: '9742',
          phone: '42 28 37',
          openingHours: [
            { fromDay: '1', toDay: '4', opensAt: '08:15', closesAt: '12:30' },
            { fromDay: '2', toDay: '2', opensAt: '12:00', closesAt: '14:00' },
            { fromDay: '5', toDay: '5', opensAt: '8h', closesAt: '12:00' },
          ],
        },
      })
      expect(result).toEqual({
        ok: false,
        formError: null,
        fieldErrors: {
          postcode: 'Le code postal a 5 chiffres, par exemple 97420.',
          phone: 'Indiquez un numéro à 10 chiffres, par exemple 0262 42 28 37.',
          'openingHours.2.opensAt': 'Indiquez une heure au format HH:MM, par exemple 08:15.',
        },
      })
      // Once every slot reads as hours, the overlap is reported, with the other field errors.
      const overlapping = await programmeActions.updateCentreAction({
        id: port.id,
        version: port.version,
        values: {
          ...toCentreInput(port.data),
          postcode: '9742',
          openingHours: [
            { fromDay: '1', toDay: '4', opensAt: '08:15', closesAt: '12:30' },
            { fromDay: '2', toDay: '2', opensAt: '12:00', closesAt: '14:00' },
          ],
        },
      })
      expect(overlapping).toEqual({
        ok: false,
        formError: null,
        fieldErrors: {
          postcode: 'Le code postal a 5 chiffres, par exemple 97420.',
          'openingHours.1.opensAt': 'Ce créneau chevauche le créneau n° 1 un même jour.',
        },
      })
    })
  })
})

describe('a session’s dates', () => {
  it('are saved and shown on the public page', async () => {
    const actor = await signInAdmin()
    const editor = await currentSessionEditor(actor)
    const input = toSessionCalendarInput(editor.calendar.data)
    input.semesters[1]!.registrationDeadline = '15/04/2027'
    input.semesters[0]!.pauseOn = ''
    input.semesters[0]!.resumeOn = ''
    const result = await sessionActions.updateSessionCalendarAction({
      id: editor.id,
      version: editor.calendar.version,
      values: input,
    })
    expect(result.ok).toBe(true)
    const page = await getProgrammePage({ programmeCode: PROGRAMME })
    expect(page?.session.semesters[1]?.registrationDeadline).toBe('2027-04-15')
    expect(page?.session.semesters[0]).toMatchObject({ pauseOn: null, resumeOn: null })
    expect(revalidated).toContain('/')
    expect(await db.auditEvent.findFirst({ where: { action: 'SESSION_CALENDAR_UPDATED' } })).toMatchObject({
      actorId: actor.userId,
      details: expect.objectContaining({ session: '2026-2027' }),
    })
  })

  it('are refused when out of order, with the message on the field', async () => {
    const actor = await signInAdmin()
    const editor = await currentSessionEditor(actor)
    await expectNothingWritten(async () => {
      const input = toSessionCalendarInput(editor.calendar.data)
      input.semesters[0]!.registrationDeadline = '2027-03-01'
      input.semesters[0]!.endsOn = '2027-02-11'
      input.semesters[1]!.endsOn = '2027-01-01'
      input.secondExamEndsOn = ''
      const result = await sessionActions.updateSessionCalendarAction({
        id: editor.id,
        version: editor.calendar.version,
        values: input,
      })
      expect(result).toEqual({
        ok: false,
        formError: null,
        fieldErrors: { secondExamEndsOn: 'Indiquez la fin de la 2ème session d’examen.' },
      })
      input.secondExamEndsOn = editor.calendar.data.secondExamEndsOn
      const ordered = await sessionActions.updateSessionCalendarAction({
        id: editor.id,
        version: editor.calendar.version,
        values: input,
      })
      expect(ordered).toMatchObject({
        ok: false,
        formError: null,
        fieldErrors: {
          'semesters.0.registrationDeadline':
            'La date limite d’inscription ne peut pas être après la fin des cours du semestre.',
          'semesters.1.endsOn': 'La fin des cours doit être après le début de la formation.',
        },
      })
    })
  })

  it('must fall within the session’s years (checked by the server against the stored year)', async () => {
    const actor = await signInAdmin()
    const editor = await currentSessionEditor(actor)
    await expectNothingWritten(async () => {
      const input = toSessionCalendarInput(editor.calendar.data)
      input.semesters = input.semesters.map((semester) => ({
        ...semester,
        ...Object.fromEntries(
          (
            [
              'registrationDeadline',
              'startsOn',
              'pauseOn',
              'resumeOn',
              'endsOn',
              'examStartsOn',
              'examEndsOn',
            ] as const
          )
            .filter((field) => semester[field])
            .map((field) => [field, addYears(semester[field], 30)]),
        ),
      }))
      input.secondExamStartsOn = addYears(input.secondExamStartsOn, 30)
      input.secondExamEndsOn = addYears(input.secondExamEndsOn, 30)
      const result = await sessionActions.updateSessionCalendarAction({
        id: editor.id,
        version: editor.calendar.version,
        values: input,
      })
      expect(result).toMatchObject({
        ok: false,
        fieldErrors: {
          'semesters.0.startsOn':
            'Cette date doit tomber en 2026 ou en 2027, les années de la session 2026-2027.',
        },
      })
    })
  })
})

describe('a session’s periods and UEs', () => {
  it('saves which UE is in which period, recommended first, with FOAD, in order, and withdraws one', async () => {
    const actor = await signInAdmin()
    const editor = await currentSessionEditor(actor)
    const input = toSessionOfferingsInput(editor.offerings.data)
    const uev = input.ues.find((ue) => ue.ueCode === 'UEV010')!
    const rest = input.ues.filter((ue) => ue.ueCode !== 'UEV010' && ue.ueCode !== 'CCE003')
    input.ues = [
      { ...uev, periodKind: 'SECOND_SEMESTER', recommendedFirst: true, foadAvailable: false },
      ...rest,
    ]
    input.periods = input.periods.map((period) =>
      period.kind === 'SECOND_SEMESTER' ? { ...period, startMonth: '02/2027', endMonth: '2027-06' } : period,
    )
    const result = await sessionActions.updateSessionOfferingsAction({
      id: editor.id,
      version: editor.offerings.version,
      values: input,
    })
    expect(result.ok).toBe(true)
    const page = await getProgrammePage({ programmeCode: PROGRAMME })
    expect(page?.session.ues[0]).toMatchObject({
      code: 'UEV010',
      periodKind: 'SECOND_SEMESTER',
      recommendedFirst: true,
      foadAvailable: false,
    })
    expect(page?.session.ues.map((ue) => ue.code)).not.toContain('CCE003')
    expect(page?.session.periods.find((period) => period.kind === 'SECOND_SEMESTER')).toEqual({
      kind: 'SECOND_SEMESTER',
      startMonth: '2027-02-01',
      endMonth: '2027-06-01',
    })
    expect(revalidated).toContain('/')
  })

  it('refuses a course in the professional-experience period, and withdrawing a UE chosen in a dossier', async () => {
    const actor = await signInAdmin()
    await createDossier()
    const editor = await currentSessionEditor(actor)
    const input = toSessionOfferingsInput(editor.offerings.data)
    const psy = input.ues.findIndex((ue) => ue.ueCode === 'PSY001')
    await expectNothingWritten(async () => {
      const misplaced = structuredClone(input)
      misplaced.ues[psy]!.periodKind = 'PROFESSIONAL_EXPERIENCE'
      expect(
        await sessionActions.updateSessionOfferingsAction({
          id: editor.id,
          version: editor.offerings.version,
          values: misplaced,
        }),
      ).toEqual({
        ok: false,
        formError: null,
        fieldErrors: {
          [`ues.${psy}.periodKind`]:
            'Un cours se rattache à une période d’enseignement, pas à l’expérience professionnelle.',
        },
      })
      const withdrawn = { ...input, ues: input.ues.filter((ue) => ue.ueCode !== 'PSY001') }
      expect(
        await sessionActions.updateSessionOfferingsAction({
          id: editor.id,
          version: editor.offerings.version,
          values: withdrawn,
        }),
      ).toMatchObject({
        ok: false,
        formError:
          'L’UE PSY001 ne peut pas être retirée de la session : des dossiers d’inscription la comprennent.',
      })
    })
  })
})

describe('a session’s tariff', () => {
  it('is typed in euros with a comma, stored in cents, and the public page shows it', async () => {
    const actor = await signInAdmin()
    const editor = await currentSessionEditor(actor)
    const input = toSessionTariffInput(editor.tariff.data)
    expect(input.rates.find((rate) => rate.category === 'INDIVIDUAL')?.perEcts).toBe('55,00')
    input.rates = input.rates.map((rate) =>
      rate.category === 'INDIVIDUAL' ? { ...rate, perEcts: '57,50' } : rate,
    )
    input.dossierFee = '20'
    const result = await sessionActions.updateSessionTariffAction({
      id: editor.id,
      version: editor.tariff.version,
      values: input,
    })
    expect(result).toMatchObject({ ok: true, values: { dossierFee: '20,00' } })
    const tariff = (await getProgrammePage({ programmeCode: PROGRAMME }))?.session.tariff
    expect(tariff?.dossierFeeCents).toBe(2000)
    expect(tariff?.rates.find((rate) => rate.category === 'INDIVIDUAL')?.perEctsCents).toBe(5750)
    expect(revalidated).toContain('/')
    expect(await db.auditEvent.findFirst({ where: { action: 'SESSION_TARIFF_UPDATED' } })).toMatchObject({
      details: expect.objectContaining({
        before: expect.objectContaining({ dossierFeeCents: 1800 }),
        after: expect.objectContaining({ dossierFeeCents: 2000 }),
      }),
    })
  })

  it('refuses zero, negative and malformed amounts next to their fields', async () => {
    const actor = await signInAdmin()
    const editor = await currentSessionEditor(actor)
    await expectNothingWritten(async () => {
      const input = toSessionTariffInput(editor.tariff.data)
      input.dossierFee = '0'
      input.baseFee = '-100'
      input.foadPerUe = '200 euros'
      input.reportFollowUp = '152,505'
      input.rates[1]!.perEcts = ''
      const result = await sessionActions.updateSessionTariffAction({
        id: editor.id,
        version: editor.tariff.version,
        values: input,
      })
      expect(result).toEqual({
        ok: false,
        formError: null,
        fieldErrors: {
          dossierFee: 'Le montant doit être supérieur à 0 €.',
          baseFee: 'Le montant doit être supérieur à 0 €.',
          foadPerUe: 'Indiquez un montant en euros, par exemple 55 ou 5,50.',
          reportFollowUp: 'Deux chiffres au plus après la virgule (les centimes).',
          'rates.1.perEcts': 'Indiquez le tarif par ECTS.',
        },
      })
    })
  })

  it('refuses a stale form', async () => {
    const actor = await signInAdmin()
    const editor = await currentSessionEditor(actor)
    const input = toSessionTariffInput(editor.tariff.data)
    const first = await sessionActions.updateSessionTariffAction({
      id: editor.id,
      version: editor.tariff.version,
      values: { ...input, baseFee: '110' },
    })
    expect(first.ok).toBe(true)
    revalidated.length = 0
    await expectNothingWritten(async () => {
      const second = await sessionActions.updateSessionTariffAction({
        id: editor.id,
        version: editor.tariff.version,
        values: { ...input, baseFee: '90' },
      })
      expect(second).toEqual({ ok: false, formError: STALE_EDIT_MESSAGE, fieldErrors: {} })
    })
    // Another part of the same session is not blocked by the tariff change.
    const calendar = await sessionActions.updateSessionCalendarAction({
      id: editor.id,
      version: editor.calendar.version,
      values: toSessionCalendarInput(editor.calendar.data),
    })
    expect(calendar.ok).toBe(true)
  })
})

describe('registration to a session', () => {
  it('is closed and opened again', async () => {
    const actor = await signInAdmin()
    const editor = await currentSessionEditor(actor)
    const closed = await sessionActions.setSessionRegistrationAction({
      id: editor.id,
      version: editor.registration.version,
      values: { open: false },
    })
    expect(closed).toMatchObject({ ok: true, values: { open: false } })
    expect((await db.academicSession.findUniqueOrThrow({ where: { id: editor.id } })).registrationOpen).toBe(
      false,
    )
    expect(revalidated).toContain('/')
    if (!closed.ok) return
    // A page loaded before the close still says "open": its button is refused as stale.
    expect(
      await sessionActions.setSessionRegistrationAction({
        id: editor.id,
        version: editor.registration.version,
        values: { open: false },
      }),
    ).toEqual({ ok: false, formError: STALE_EDIT_MESSAGE, fieldErrors: {} })
    const opened = await sessionActions.setSessionRegistrationAction({
      id: editor.id,
      version: closed.version,
      values: { open: true },
    })
    expect(opened.ok).toBe(true)
    expect(
      (await db.auditEvent.findMany({ where: { actorId: actor.userId }, orderBy: { createdAt: 'asc' } })).map(
        (event) => event.action,
      ),
    ).toEqual(['SESSION_REGISTRATION_CLOSED', 'SESSION_REGISTRATION_OPENED'])
  })
})

describe('duplicating a session', () => {
  it('copies semesters, periods, UEs and tariff to the next year, days moved by the whole weeks nearest to a year, registration closed', async () => {
    const actor = await signInAdmin()
    const source = await currentSessionEditor(actor)
    const result = await sessionActions.duplicateSessionAction({ sessionId: source.id })
    expect(result).toMatchObject({ ok: true, label: '2027-2028' })
    if (!result.ok) return
    const copy = await getSessionEditor({ actor, sessionId: result.sessionId })
    expect(copy).toMatchObject({ label: '2027-2028', startYear: 2027, generated: true })
    expect(copy?.registration.data.open).toBe(false)
    // Every day moves by one same number of weeks, so a Monday stays a Monday (issue 10, item 1).
    const weeks = weeksNearestToYears(source.calendar.data.semesters[0]!.startsOn as IsoDate, 1)
    const shift = (date: string) => addDays(date as IsoDate, 7 * weeks)
    expect(copy?.calendar.data).toEqual({
      semesters: source.calendar.data.semesters.map((semester) => ({
        ...semester,
        registrationDeadline: shift(semester.registrationDeadline),
        startsOn: shift(semester.startsOn),
        pauseOn: semester.pauseOn && shift(semester.pauseOn),
        resumeOn: semester.resumeOn && shift(semester.resumeOn),
        endsOn: shift(semester.endsOn),
        examStartsOn: shift(semester.examStartsOn),
        examEndsOn: shift(semester.examEndsOn),
      })),
      secondExamStartsOn: shift(source.calendar.data.secondExamStartsOn),
      secondExamEndsOn: shift(source.calendar.data.secondExamEndsOn),
    })
    expect(copy?.offerings.data.periods).toEqual(
      source.offerings.data.periods.map((period) => ({
        ...period,
        startMonth: period.startMonth && addYears(period.startMonth, 1),
        endMonth: period.endMonth && addYears(period.endMonth, 1),
      })),
    )
    expect(copy?.offerings.data.ues).toEqual(source.offerings.data.ues)
    expect(copy?.tariff.data).toEqual(source.tariff.data)
    expect(
      (await db.academicSession.findUniqueOrThrow({ where: { id: result.sessionId } })).generatedFromId,
    ).toBe(source.id)
    expect(revalidated).toContain('/')
    expect(await db.auditEvent.findFirst({ where: { action: 'SESSION_DUPLICATED' } })).toMatchObject({
      actorId: actor.userId,
      details: { sessionId: result.sessionId, session: '2027-2028', from: '2026-2027' },
    })
  })

  it('refuses a year that already exists, and writes nothing', async () => {
    const actor = await signInAdmin()
    const source = await currentSessionEditor(actor)
    expect((await sessionActions.duplicateSessionAction({ sessionId: source.id })).ok).toBe(true)
    revalidated.length = 0
    await expectNothingWritten(async () => {
      expect(await sessionActions.duplicateSessionAction({ sessionId: source.id })).toEqual({
        ok: false,
        fieldErrors: {},
        formError: 'La session 2027-2028 existe déjà : modifiez-la plutôt que d’en créer une autre.',
      })
    })
    // The seed made 2026-2027 from the archive without any lock: the year is still refused.
    const archive = await db.academicSession.findFirstOrThrow({
      where: { startYear: 2010 },
      select: { id: true },
    })
    await db.academicSession.update({
      where: { id: archive.id },
      data: { startYear: 2025, label: '2025-2026' },
    })
    await expectNothingWritten(async () => {
      expect(await duplicateSessionToNextYear({ actor, sessionId: archive.id })).toMatchObject({
        ok: false,
        formError: 'La session 2026-2027 existe déjà : modifiez-la plutôt que d’en créer une autre.',
      })
    })
  })
})

// ---------------------------------------------------------------------------------------------
// Access matrix: every action and every data function, for every kind of visitor.
// ---------------------------------------------------------------------------------------------

type Fixture = {
  editor: Awaited<ReturnType<typeof programmeEditor>>
  session: Awaited<ReturnType<typeof currentSessionEditor>>
  programmeId: string
  sessionId: string
  centreId: string
  versions: Record<string, string>
  inputs: Record<string, unknown>
}

/** Valid inputs for every form, loaded by an administrator before switching identity. */
async function matrixFixture(): Promise<Fixture> {
  const actor = await signInAdmin()
  const editor = await programmeEditor(actor)
  const session = await currentSessionEditor(actor)
  const centre = editor.centres[0]!
  browser.reset()
  return {
    editor,
    session,
    programmeId: editor.programmeId,
    sessionId: session.id,
    centreId: centre.id,
    versions: {
      texts: editor.texts.version,
      responsables: editor.responsables.version,
      ues: editor.ues.version,
      pieces: editor.pieces.version,
      centre: centre.version,
      calendar: session.calendar.version,
      offerings: session.offerings.version,
      tariff: session.tariff.version,
      registration: session.registration.version,
    },
    inputs: {
      texts: { ...toProgrammeTextsInput(editor.texts.data), audience: 'Modifié.' },
      responsables: toResponsablesInput(editor.responsables.data),
      ues: toUeCatalogueInput(editor.ues.data),
      pieces: toPieceCatalogueInput(editor.pieces.data),
      centre: { ...toCentreInput(centre.data), phone: '0262 00 00 00' },
      calendar: toSessionCalendarInput(session.calendar.data),
      offerings: toSessionOfferingsInput(session.offerings.data),
      tariff: { ...toSessionTariffInput(session.tariff.data), baseFee: '101' },
      registration: { open: false },
    },
  }
}

function matrixActions(fixture: Fixture) {
  const edit = (id: string, key: string) => ({
    id,
    version: fixture.versions[key]!,
    values: fixture.inputs[key] as never,
  })
  return {
    updateProgrammeTextsAction: () =>
      programmeActions.updateProgrammeTextsAction(edit(fixture.programmeId, 'texts')),
    updateResponsablesAction: () =>
      programmeActions.updateResponsablesAction(edit(fixture.programmeId, 'responsables')),
    updateUeCatalogueAction: () => programmeActions.updateUeCatalogueAction(edit(fixture.programmeId, 'ues')),
    updatePieceCatalogueAction: () =>
      programmeActions.updatePieceCatalogueAction(edit(fixture.programmeId, 'pieces')),
    updateCentreAction: () => programmeActions.updateCentreAction(edit(fixture.centreId, 'centre')),
    updateSessionCalendarAction: () =>
      sessionActions.updateSessionCalendarAction(edit(fixture.sessionId, 'calendar')),
    updateSessionOfferingsAction: () =>
      sessionActions.updateSessionOfferingsAction(edit(fixture.sessionId, 'offerings')),
    updateSessionTariffAction: () =>
      sessionActions.updateSessionTariffAction(edit(fixture.sessionId, 'tariff')),
    setSessionRegistrationAction: () =>
      sessionActions.setSessionRegistrationAction(edit(fixture.sessionId, 'registration')),
    duplicateSessionAction: () => sessionActions.duplicateSessionAction({ sessionId: fixture.sessionId }),
  }
}

function matrixDataFunctions(fixture: Fixture) {
  const { editor, session } = fixture
  const centre = editor.centres[0]!
  return {
    getProgrammeEditor: (actor: StaffActor | null) => getProgrammeEditor({ actor, programmeCode: PROGRAMME }),
    listSessions: (actor: StaffActor | null) => listSessions({ actor, programmeCode: PROGRAMME }),
    getSessionEditor: (actor: StaffActor | null) => getSessionEditor({ actor, sessionId: session.id }),
    updateProgrammeTexts: (actor: StaffActor | null) =>
      updateProgrammeTexts({
        actor,
        programmeId: editor.programmeId,
        expectedVersion: editor.texts.version,
        values: { ...editor.texts.data, audience: 'Modifié.' },
      }),
    updateResponsables: (actor: StaffActor | null) =>
      updateResponsables({
        actor,
        programmeId: editor.programmeId,
        expectedVersion: editor.responsables.version,
        values: { responsables: editor.responsables.data },
      }),
    updateUeCatalogue: (actor: StaffActor | null) =>
      updateUeCatalogue({
        actor,
        programmeId: editor.programmeId,
        expectedVersion: editor.ues.version,
        values: { ues: editor.ues.data },
      }),
    updatePieceCatalogue: (actor: StaffActor | null) =>
      updatePieceCatalogue({
        actor,
        programmeId: editor.programmeId,
        expectedVersion: editor.pieces.version,
        values: { pieces: editor.pieces.data.map(({ code: _code, ...piece }) => piece) },
      }),
    updateCentre: (actor: StaffActor | null) =>
      updateCentre({ actor, centreId: centre.id, expectedVersion: centre.version, values: centre.data }),
    updateSessionCalendar: (actor: StaffActor | null) =>
      updateSessionCalendar({
        actor,
        sessionId: session.id,
        expectedVersion: session.calendar.version,
        values: session.calendar.data,
      }),
    updateSessionOfferings: (actor: StaffActor | null) =>
      updateSessionOfferings({
        actor,
        sessionId: session.id,
        expectedVersion: session.offerings.version,
        values: session.offerings.data,
      }),
    updateSessionTariff: (actor: StaffActor | null) =>
      updateSessionTariff({
        actor,
        sessionId: session.id,
        expectedVersion: session.tariff.version,
        values: session.tariff.data,
      }),
    setSessionRegistration: (actor: StaffActor | null) =>
      setSessionRegistration({
        actor,
        sessionId: session.id,
        expectedVersion: session.registration.version,
        values: { open: false },
      }),
    duplicateSessionToNextYear: (actor: StaffActor | null) =>
      duplicateSessionToNextYear({ actor, sessionId: session.id }),
  }
}

/**
 * What each allowed call must have done, so that one which answers « ok » and does nothing fails:
 * every save writes its audit event (the saves below may send unchanged content, and still write
 * it); where the call changes a value, the value is read back; reads return the fixture's rows.
 */
type Effect = {
  audit?: ProgrammeChangeAction
  check?: (fixture: Fixture, result: unknown, actor: StaffActor) => Promise<void>
}

const readEditor = (actor: StaffActor) => getProgrammeEditor({ actor, programmeCode: PROGRAMME })
const readSession = async (actor: StaffActor, sessionId: string) =>
  (await getSessionEditor({ actor, sessionId }))!

const textsSaved: Effect = {
  audit: 'PROGRAMME_TEXTS_UPDATED',
  check: async (_fixture, _result, actor) =>
    expect((await readEditor(actor))!.texts.data.audience).toBe('Modifié.'),
}
const registrationClosed: Effect = {
  audit: 'SESSION_REGISTRATION_CLOSED',
  check: async ({ sessionId }, _result, actor) =>
    expect((await readSession(actor, sessionId)).registration.data.open).toBe(false),
}
const sessionDuplicated: Effect = {
  audit: 'SESSION_DUPLICATED',
  check: async ({ sessionId }) => {
    const source = await db.academicSession.findUniqueOrThrow({ where: { id: sessionId } })
    expect(
      await db.academicSession.count({
        where: { programmeId: source.programmeId, startYear: source.startYear + 1 },
      }),
    ).toBe(1)
  },
}

const EFFECTS: Record<string, Effect> = {
  getProgrammeEditor: {
    check: async ({ programmeId, centreId }, result) => {
      const editor = result as Awaited<ReturnType<typeof getProgrammeEditor>>
      expect(editor?.programmeId).toBe(programmeId)
      expect(editor?.centres.map((centre) => centre.id)).toContain(centreId)
    },
  },
  listSessions: {
    check: async ({ sessionId }, result) =>
      expect((result as Array<{ id: string }>).map((session) => session.id)).toContain(sessionId),
  },
  getSessionEditor: {
    check: async ({ sessionId }, result) => expect(result).toMatchObject({ id: sessionId }),
  },
  updateProgrammeTexts: textsSaved,
  updateProgrammeTextsAction: textsSaved,
  updateResponsables: { audit: 'RESPONSABLES_UPDATED' },
  updateResponsablesAction: { audit: 'RESPONSABLES_UPDATED' },
  updateUeCatalogue: { audit: 'UE_CATALOGUE_UPDATED' },
  updateUeCatalogueAction: { audit: 'UE_CATALOGUE_UPDATED' },
  updatePieceCatalogue: { audit: 'PIECE_CATALOGUE_UPDATED' },
  updatePieceCatalogueAction: { audit: 'PIECE_CATALOGUE_UPDATED' },
  updateCentre: { audit: 'CENTRE_UPDATED' },
  updateCentreAction: {
    audit: 'CENTRE_UPDATED',
    check: async ({ centreId }, _result, actor) =>
      expect(
        toCentreInput((await readEditor(actor))!.centres.find((centre) => centre.id === centreId)!.data)
          .phone,
      ).toBe('0262 00 00 00'),
  },
  updateSessionCalendar: { audit: 'SESSION_CALENDAR_UPDATED' },
  updateSessionCalendarAction: { audit: 'SESSION_CALENDAR_UPDATED' },
  updateSessionOfferings: { audit: 'SESSION_OFFERINGS_UPDATED' },
  updateSessionOfferingsAction: { audit: 'SESSION_OFFERINGS_UPDATED' },
  updateSessionTariff: { audit: 'SESSION_TARIFF_UPDATED' },
  updateSessionTariffAction: {
    audit: 'SESSION_TARIFF_UPDATED',
    check: async ({ sessionId }, _result, actor) =>
      expect(toSessionTariffInput((await readSession(actor, sessionId)).tariff.data).baseFee).toBe('101,00'),
  },
  setSessionRegistration: registrationClosed,
  setSessionRegistrationAction: registrationClosed,
  duplicateSessionToNextYear: sessionDuplicated,
  duplicateSessionAction: sessionDuplicated,
}

/** Asserts the effect of the allowed call `name`, given the number of audit events before it. */
async function expectEffect(name: string, fixture: Fixture, result: unknown, auditsBefore: number) {
  const effect = EFFECTS[name]
  if (!effect) throw new Error(`no effect declared for ${name}`)
  const actor = (await currentStaff())!
  const written = await db.auditEvent.findMany({ orderBy: { id: 'asc' }, skip: auditsBefore })
  expect(
    written.map((event) => ({ action: event.action, actorId: event.actorId })),
    name,
  ).toEqual(effect.audit ? [{ action: effect.audit, actorId: actor.userId }] : [])
  await effect.check?.(fixture, result, actor)
}

describe('access matrix', () => {
  for (const identity of IDENTITIES) {
    const allowed = identity === 'ADMIN'

    it(`${identity}: every action is ${allowed ? 'allowed' : 'refused and writes nothing'}`, async () => {
      const fixture = await matrixFixture()
      const { token } = await createDossier()
      await becomeIdentity(identity, { applicantToken: token })
      for (const [name, run] of Object.entries(matrixActions(fixture))) {
        revalidated.length = 0
        const before = await contentFingerprint()
        const auditsBefore = await db.auditEvent.count()
        const result = await run()
        if (allowed) {
          expect(result, name).toMatchObject({ ok: true })
          expect(revalidated, name).toContain('/')
          await expectEffect(name, fixture, result, auditsBefore)
        } else {
          expect(result, name).toEqual({
            ok: false,
            fieldErrors: {},
            formError:
              identity === 'anonymous' || identity === 'applicant'
                ? 'Votre session a expiré : reconnectez-vous.'
                : 'Vous n’avez pas les droits pour cette action.',
          })
          expect(await contentFingerprint(), name).toBe(before)
          expect(revalidated, name).toEqual([])
        }
      }
    })

    it(`${identity}: every data function ${allowed ? 'works' : 'throws AccessDenied and writes nothing'}`, async () => {
      const fixture = await matrixFixture()
      const { token } = await createDossier()
      await becomeIdentity(identity, { applicantToken: token })
      const actor = await currentStaff()
      expect(actor === null).toBe(identity === 'anonymous' || identity === 'applicant')
      for (const [name, run] of Object.entries(matrixDataFunctions(fixture))) {
        const before = await contentFingerprint()
        if (allowed) {
          const auditsBefore = await db.auditEvent.count()
          const result = await run(actor)
          if (typeof result === 'object' && result !== null && 'ok' in result)
            expect(result, name).toMatchObject({ ok: true })
          await expectEffect(name, fixture, result, auditsBefore)
        } else {
          await expect(run(actor), name).rejects.toBeInstanceOf(AccessDenied)
          expect(await contentFingerprint(), name).toBe(before)
        }
      }
    })
  }
})
