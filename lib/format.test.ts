import { describe, expect, it } from 'vitest'
import {
  formatDate,
  formatDateRange,
  formatEuros,
  formatOpeningHours,
  formatPeriod,
  formatPhone,
  phoneHref,
  withDe,
} from './format'

// Intl uses narrow no-break spaces in French; compare with plain spaces.
const plain = (text: string) => text.replace(/[\u202f\u00a0]/g, ' ')

describe('French formatting', () => {
  it('formats amounts like the brochure', () => {
    expect(plain(formatEuros(1800))).toBe('18 €')
    expect(plain(formatEuros(15200))).toBe('152 €')
    expect(plain(formatEuros(550))).toBe('5,50 €')
    expect(plain(formatEuros(1234500))).toBe('12 345 €')
  })
  it('formats days and ranges', () => {
    expect(formatDate('2010-10-29')).toBe('29 octobre 2010')
    expect(formatDate('2011-07-01')).toBe('1er juillet 2011')
    expect(formatDateRange('2011-02-21', '2011-02-25')).toBe('du 21 au 25 février 2011')
    expect(formatDateRange('2011-08-29', '2011-09-09')).toBe('du 29 août au 9 septembre 2011')
    expect(formatDateRange('2026-12-28', '2027-01-02')).toBe('du 28 décembre 2026 au 2 janvier 2027')
  })
  it('names periods by their months', () => {
    expect(formatPeriod({ kind: 'FIRST_SEMESTER', startMonth: '2010-10-01', endMonth: '2011-02-01' })).toBe(
      'Octobre 2010 à février 2011',
    )
    expect(formatPeriod({ kind: 'PROFESSIONAL_EXPERIENCE', startMonth: null, endMonth: null })).toBe(
      'Expérience professionnelle',
    )
  })
  it('words opening hours as the brochure does', () => {
    expect(
      formatOpeningHours([
        { fromDay: 1, toDay: 4, opensAt: '08:15', closesAt: '12:30' },
        { fromDay: 1, toDay: 4, opensAt: '13:30', closesAt: '17:00' },
        { fromDay: 5, toDay: 5, opensAt: '08:15', closesAt: '12:15' },
      ]),
    ).toEqual(['du lundi au jeudi de 8h15 à 12h30 et de 13h30 à 17h00', 'le vendredi de 8h15 à 12h15'])
  })
  it('formats and links La Réunion phone numbers', () => {
    expect(formatPhone('0262.42.28.37')).toBe('0262 42 28 37')
    expect(phoneHref('0262 42 28 37')).toBe('tel:+262262422837')
  })
  it('contracts "de" with the article', () => {
    expect(["l'Europe", 'le Conseil Régional de la Réunion'].map(withDe).join(' et ')).toBe(
      "de l'Europe et du Conseil Régional de la Réunion",
    )
  })
})
