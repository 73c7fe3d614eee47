import { describe, expect, it } from 'vitest'
import { auditActionLabel, barPercent, total } from './dashboard'

describe('dashboard figures', () => {
  it('scales bars on the largest count, keeps small counts visible and empty ones empty', () => {
    expect(barPercent(10, 10)).toBe(100)
    expect(barPercent(5, 10)).toBe(50)
    expect(barPercent(1, 1000)).toBe(2)
    expect(barPercent(0, 10)).toBe(0)
    expect(barPercent(0, 0)).toBe(0)
  })
  it('adds counts', () => {
    expect(total([1, 2, 3])).toBe(6)
    expect(total([])).toBe(0)
  })
})

describe('audit action labels', () => {
  it('words known actions in the past tense', () => {
    expect(auditActionLabel('SUBMIT', 'SUBMITTED')).toBe('Dossier déposé')
    expect(auditActionLabel('WITHDRAW', 'WITHDRAWN')).toBe('Retiré par le candidat')
  })
  it('falls back on the status reached, then on a neutral wording', () => {
    expect(auditActionLabel('SOMETHING_NEW', 'COMPLETE')).toBe('Passé au statut « Complet »')
    expect(auditActionLabel('SOMETHING_ELSE', null)).toBe('Dossier modifié')
  })
})
