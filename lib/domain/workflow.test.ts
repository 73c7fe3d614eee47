import { describe, expect, it } from 'vitest'
import {
  availableTransitions,
  canWithdraw,
  DOSSIER_STATUSES,
  formatReference,
  isRepeatedStatusChange,
  REFERENCE_PATTERN,
  transition,
  TRANSITIONS,
  withdrawalDeadline,
  type DossierStatus,
  type TransitionName,
  type WorkflowActor,
} from './workflow'

// The allowed moves, written out independently of the TRANSITIONS table: [from, transition, actor, to].
const ALLOWED: Array<[DossierStatus, TransitionName, WorkflowActor, DossierStatus]> = [
  ['DRAFT', 'SUBMIT', 'APPLICANT', 'SUBMITTED'],
  ['SUBMITTED', 'START_REVIEW', 'STAFF', 'UNDER_REVIEW'],
  ['SUBMITTED', 'REQUEST_PIECES', 'STAFF', 'INCOMPLETE'],
  ['UNDER_REVIEW', 'REQUEST_PIECES', 'STAFF', 'INCOMPLETE'],
  ['COMPLETE', 'REQUEST_PIECES', 'STAFF', 'INCOMPLETE'],
  ['INCOMPLETE', 'PIECES_RESUBMITTED', 'APPLICANT', 'UNDER_REVIEW'],
  ['INCOMPLETE', 'PIECES_RESUBMITTED', 'STAFF', 'UNDER_REVIEW'],
  ['INCOMPLETE', 'PIECES_RESUBMITTED', 'SYSTEM', 'UNDER_REVIEW'],
  ['UNDER_REVIEW', 'MARK_COMPLETE', 'STAFF', 'COMPLETE'],
  ['COMPLETE', 'REOPEN_REVIEW', 'STAFF', 'UNDER_REVIEW'],
  ['COMPLETE', 'ACCEPT', 'STAFF', 'ACCEPTED'],
  ...(['SUBMITTED', 'UNDER_REVIEW', 'INCOMPLETE', 'COMPLETE'] as const).flatMap((from) => [
    [from, 'REFUSE', 'STAFF', 'REFUSED'] as [DossierStatus, TransitionName, WorkflowActor, DossierStatus],
    [from, 'CLOSE', 'STAFF', 'CLOSED'] as [DossierStatus, TransitionName, WorkflowActor, DossierStatus],
    [from, 'WITHDRAW', 'APPLICANT', 'WITHDRAWN'] as [
      DossierStatus,
      TransitionName,
      WorkflowActor,
      DossierStatus,
    ],
  ]),
  ['ACCEPTED', 'WITHDRAW', 'APPLICANT', 'WITHDRAWN'],
]

const ACTORS: WorkflowActor[] = ['APPLICANT', 'STAFF', 'SYSTEM']

describe('dossier workflow', () => {
  it('allows exactly the listed moves, for every status × transition × actor', () => {
    for (const from of DOSSIER_STATUSES) {
      for (const name of Object.keys(TRANSITIONS) as TransitionName[]) {
        for (const actor of ACTORS) {
          const expected = ALLOWED.find(([f, n, a]) => f === from && n === name && a === actor)
          const result = transition(from, name, { actor, reason: 'motif' })
          if (expected)
            expect(result, `${from} ${name} by ${actor}`).toEqual({ ok: true, from, to: expected[3] })
          else expect(result.ok, `${from} ${name} by ${actor}`).toBe(false)
        }
      }
    }
  })

  it('explains a refused move in French', () => {
    const result = transition('REFUSED', 'ACCEPT', { actor: 'STAFF' })
    expect(result).toEqual({
      ok: false,
      message: '« Accepter (inscrire) » est impossible pour un dossier au statut « Refusé ».',
    })
    expect(transition('COMPLETE', 'ACCEPT', { actor: 'APPLICANT' })).toEqual({
      ok: false,
      message: '« Accepter (inscrire) » n’est pas possible pour vous.',
    })
  })

  it('requires a reason to refuse, close or request pieces', () => {
    for (const name of ['REFUSE', 'CLOSE', 'REQUEST_PIECES'] as const) {
      expect(transition('UNDER_REVIEW', name, { actor: 'STAFF', reason: '  ' }).ok).toBe(false)
      expect(transition('UNDER_REVIEW', name, { actor: 'STAFF' }).ok).toBe(false)
      expect(transition('UNDER_REVIEW', name, { actor: 'STAFF', reason: 'Pièce illisible' }).ok).toBe(true)
    }
  })

  it('offers only what is possible', () => {
    expect(availableTransitions('COMPLETE', 'STAFF').sort()).toEqual([
      'ACCEPT',
      'CLOSE',
      'REFUSE',
      'REOPEN_REVIEW',
      'REQUEST_PIECES',
    ])
    expect(availableTransitions('REFUSED', 'STAFF')).toEqual([])
    expect(availableTransitions('UNDER_REVIEW', 'APPLICANT')).toEqual(['WITHDRAW'])
  })
})

describe('withdrawal (clause de rétractation)', () => {
  // Submitted on 2 November 2026 at 10:00 in La Réunion (06:00 UTC).
  const submittedAt = new Date('2026-11-02T06:00:00Z')
  const at = (day: string) => new Date(`${day}T16:00:00Z`) // 20:00 in La Réunion

  it('is possible until the 10th day after submission included', () => {
    expect(withdrawalDeadline(submittedAt, 10)).toBe('2026-11-12')
    expect(canWithdraw({ status: 'SUBMITTED', submittedAt, now: at('2026-11-12'), days: 10 })).toBe(true)
  })
  it('is refused on day 11', () => {
    expect(canWithdraw({ status: 'SUBMITTED', submittedAt, now: at('2026-11-13'), days: 10 })).toBe(false)
  })
  it('counts days in La Réunion: 21:00 UTC on day 10 is already day 11 there', () => {
    expect(
      canWithdraw({ status: 'UNDER_REVIEW', submittedAt, now: new Date('2026-11-12T20:30:00Z'), days: 10 }),
    ).toBe(false)
  })
  it('is not possible once the dossier is refused, withdrawn or closed', () => {
    for (const status of ['REFUSED', 'WITHDRAWN', 'CLOSED'] as const) {
      expect(canWithdraw({ status, submittedAt, now: at('2026-11-03'), days: 10 })).toBe(false)
    }
  })
})

describe('references', () => {
  it('read CPN42-2026-00042', () => {
    expect(formatReference('CPN42', 2026, 42)).toBe('CPN42-2026-00042')
    expect(REFERENCE_PATTERN.test('CPN42-2026-00042')).toBe(true)
    expect(REFERENCE_PATTERN.test('CPN42-26-42')).toBe(false)
  })
})

describe('isRepeatedStatusChange', () => {
  const asked = { action: 'REFUSE' as const, actorId: 'reviewer-a', reason: 'Prérequis non remplis' }
  const made = { ...asked, toStatus: 'REFUSED' as const }
  const after = { version: 4, status: 'REFUSED' as const }

  it('recognises the same change, by the same reviewer, made since the page was loaded', () => {
    expect(isRepeatedStatusChange({ expectedVersion: 3, current: after, last: made, asked })).toBe(true)
  })

  it('sees anything else as another change, so the page is stale', () => {
    const cases: Array<Parameters<typeof isRepeatedStatusChange>[0]> = [
      // Nothing moved, or two changes since.
      { expectedVersion: 4, current: after, last: made, asked },
      { expectedVersion: 2, current: after, last: made, asked },
      // Another reviewer, another reason, another action.
      { expectedVersion: 3, current: after, last: { ...made, actorId: 'reviewer-b' }, asked },
      { expectedVersion: 3, current: after, last: { ...made, reason: 'Dossier hors délai' }, asked },
      { expectedVersion: 3, current: after, last: { ...made, action: 'CLOSE' }, asked },
      // The dossier has moved elsewhere since (the last change recorded is not where it is).
      { expectedVersion: 3, current: { version: 4, status: 'CLOSED' }, last: made, asked },
      // No status change recorded.
      { expectedVersion: 3, current: after, last: null, asked },
    ]
    for (const options of cases) expect(isRepeatedStatusChange(options), JSON.stringify(options)).toBe(false)
  })

  it('matches a change made without a reason', () => {
    expect(
      isRepeatedStatusChange({
        expectedVersion: 1,
        current: { version: 2, status: 'UNDER_REVIEW' },
        last: { action: 'START_REVIEW', actorId: 'reviewer-a', toStatus: 'UNDER_REVIEW', reason: null },
        asked: { action: 'START_REVIEW', actorId: 'reviewer-a', reason: null },
      }),
    ).toBe(true)
  })
})
