import { describe, expect, it } from 'vitest'
import { session2010 } from '@/prisma/seed/cpn42-2010-2011'
import { cautionAmountCents, computeFees, expectedPayment, type FeeUe } from './fees'

const tariff = session2010.tariff
const ue = (code: string): FeeUe => {
  const found = session2010.ues.find((candidate) => candidate.code === code)
  if (!found) throw new Error(code)
  return found
}

describe('computeFees, with the 2010-2011 brochure rates', () => {
  it('charges dossier fee, base fee and 5 € per ECTS to a job seeker on a first registration', () => {
    const fees = computeFees(tariff, {
      category: 'JOB_SEEKER',
      ues: [ue('AST002'), ue('AST004')],
      firstRegistration: true,
    })
    expect(fees.lines.map((line) => [line.kind, line.amountCents])).toEqual([
      ['DOSSIER_FEE', 1800],
      ['BASE_FEE', 10000],
      ['UE_ECTS', 3000],
      ['UE_ECTS', 3000],
    ])
    expect(fees.totalCents).toBe(1800 + 10000 + 6 * 500 * 2)
  })

  it('prices the same UEs at 55 € per ECTS for an individual and 125 € for an employer-funded employee', () => {
    const ues = [ue('TET003'), ue('CCE001')] // 8 + 4 ECTS
    expect(computeFees(tariff, { category: 'INDIVIDUAL', ues, firstRegistration: true }).totalCents).toBe(
      1800 + 10000 + 12 * 5500,
    )
    expect(
      computeFees(tariff, { category: 'EMPLOYER_FUNDED', ues, firstRegistration: true }).totalCents,
    ).toBe(1800 + 10000 + 12 * 12500)
  })

  it('does not charge the dossier fee again on a later registration', () => {
    const fees = computeFees(tariff, {
      category: 'INDIVIDUAL',
      ues: [ue('PSY001')],
      firstRegistration: false,
    })
    expect(fees.lines.some((line) => line.kind === 'DOSSIER_FEE')).toBe(false)
    expect(fees.totalCents).toBe(10000 + 4 * 5500)
  })

  it('does not charge the base fee twice in the same academic year', () => {
    const fees = computeFees(tariff, {
      category: 'INDIVIDUAL',
      ues: [ue('PSY001')],
      firstRegistration: false,
      baseFeeAlreadyPaid: true,
    })
    expect(fees.totalCents).toBe(4 * 5500)
  })

  it('bills a UE followed at a distance 200 € in place of its per-ECTS price, whatever the category', () => {
    const fees = computeFees(tariff, {
      category: 'EMPLOYER_FUNDED',
      ues: [{ ...ue('AST002'), foad: true }, ue('CCE003')],
      firstRegistration: false,
      baseFeeAlreadyPaid: true,
    })
    expect(fees.lines.map((line) => [line.kind, line.ueCode, line.amountCents])).toEqual([
      ['UE_FOAD', 'AST002', 20000],
      ['UE_ECTS', 'CCE003', 4 * 12500],
    ])
  })

  it('replaces per-ECTS billing of the UA000S and UA0003 reports by the 152 € follow-up fee', () => {
    for (const code of ['UA000S', 'UA0003']) {
      const fees = computeFees(tariff, {
        category: 'INDIVIDUAL',
        ues: [ue(code)],
        firstRegistration: false,
        baseFeeAlreadyPaid: true,
      })
      expect(fees.lines).toEqual([
        expect.objectContaining({ kind: 'REPORT_FOLLOW_UP', ueCode: code, amountCents: 15200 }),
      ])
    }
  })

  it('keeps the report fee even when FOAD is ticked for it', () => {
    const fees = computeFees(tariff, {
      category: 'JOB_SEEKER',
      ues: [{ ...ue('UA000S'), foad: true }],
      firstRegistration: false,
      baseFeeAlreadyPaid: true,
    })
    expect(fees.totalCents).toBe(15200)
  })

  it('totals a full first year of a job seeker: all first-semester UEs, TET003 and the activity report', () => {
    const ues = ['AST002', 'AST004', 'TRS001', 'CCE001', 'CCE003', 'UEV010', 'TET003', 'UA000S'].map(ue)
    const fees = computeFees(tariff, { category: 'JOB_SEEKER', ues, firstRegistration: true })
    // 6+6+6+4+4+6+8 = 40 ECTS at 5 €, plus 152 € for the report.
    expect(fees.totalCents).toBe(1800 + 10000 + 40 * 500 + 15200)
  })

  it('refuses a category that has no rate in the tariff', () => {
    expect(() =>
      computeFees({ ...tariff, rates: [] }, { category: 'INDIVIDUAL', ues: [], firstRegistration: true }),
    ).toThrow(/No per-ECTS rate/)
  })
})

describe('cautionAmountCents', () => {
  it('equals what an individual would pay for the same registration', () => {
    const ues = [ue('AST004'), { ...ue('TRS001'), foad: true }]
    expect(cautionAmountCents(tariff, { ues, firstRegistration: true })).toBe(1800 + 10000 + 6 * 5500 + 20000)
  })
})

describe('expectedPayment', () => {
  const base = { payee: 'agent comptable du Cnam', formatEuros: (cents: number) => `${cents / 100} €` }
  it('tells staff what the applicant was asked to send, not « Votre chèque »', () => {
    const lines = expectedPayment({ ...base, category: 'INDIVIDUAL', totalCents: 11_800, cautionCents: null })
    expect(lines).toEqual([
      'Attendu du candidat : un chèque de 118 € à l’ordre de l’agent comptable du Cnam, la référence du dossier au dos.',
    ])
  })
  it('names the employer certificate, and the caution cheques when it will not be signed', () => {
    const lines = expectedPayment({
      ...base,
      category: 'EMPLOYER_FUNDED',
      totalCents: 11_800,
      cautionCents: 5_000,
    })
    expect(lines).toHaveLength(2)
    expect(lines.join(' ')).toContain('chèques de caution de 50 €')
    expect(lines.join(' ')).not.toMatch(/\bvotre\b/i)
  })
})
