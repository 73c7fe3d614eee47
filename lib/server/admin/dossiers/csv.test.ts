import { describe, expect, it } from 'vitest'
import { csvAmount, csvCell, csvDate, csvLine } from './csv'

describe('csvCell', () => {
  it('leaves plain text alone, accents included', () => {
    expect(csvCell('Héloïse Técher')).toBe('Héloïse Técher')
    expect(csvCell(null)).toBe('')
  })

  it('quotes the separator, quotes and line breaks, doubling quotes', () => {
    expect(csvCell('Payet; Hoarau')).toBe('"Payet; Hoarau"')
    expect(csvCell('Marie "Mimi"')).toBe('"Marie ""Mimi"""')
    expect(csvCell('ligne 1\nligne 2')).toBe('"ligne 1\nligne 2"')
    expect(csvCell('a\r\nb')).toBe('"a\r\nb"')
  })

  it('neutralises what a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"')
    expect(csvCell('+33 6 12 34 56 78')).toBe("'+33 6 12 34 56 78")
    expect(csvCell('-1')).toBe("'-1")
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)")
    expect(csvCell('Jean-Luc')).toBe('Jean-Luc')
  })
})

describe('csvLine', () => {
  it('joins with semicolons and ends with CRLF', () => {
    expect(csvLine(['a', 'b;c', 3])).toBe('a;"b;c";3\r\n')
  })
})

describe('csvDate', () => {
  it('writes the day in La Réunion, dd/mm/yyyy', () => {
    expect(csvDate(new Date('2026-11-26T10:00:00Z'))).toBe('26/11/2026')
    // 21:30 UTC is already the next day in La Réunion (UTC+4).
    expect(csvDate(new Date('2026-12-31T21:30:00Z'))).toBe('01/01/2027')
  })
})

describe('csvAmount', () => {
  it('writes euros with a decimal comma and no grouping', () => {
    expect(csvAmount(11_800)).toBe('118,00')
    expect(csvAmount(123_456)).toBe('1234,56')
    expect(csvAmount(5)).toBe('0,05')
    expect(csvAmount(0)).toBe('0,00')
  })
})
