import { describe, expect, it } from 'vitest'
import { formatCount } from '../format'
import { displayName, draftLastDay, firstIncompleteStep, nextStep, previousStep, STEPS } from './registration'

describe('firstIncompleteStep (resume where I stopped)', () => {
  it('starts at the identity step when nothing is done', () => {
    expect(firstIncompleteStep([])).toBe('identite')
  })

  it('goes to the first step not done, even when a later one is', () => {
    expect(firstIncompleteStep(['identite', 'coordonnees'])).toBe('situation')
    expect(firstIncompleteStep(['identite', 'situation', 'acquis'])).toBe('coordonnees')
  })

  it('goes to the pieces once every answer step is done', () => {
    expect(firstIncompleteStep(['identite', 'coordonnees', 'situation', 'acquis', 'ue'])).toBe('pieces')
  })

  it('goes to the summary once everything before it is done', () => {
    expect(firstIncompleteStep(['identite', 'coordonnees', 'situation', 'acquis', 'ue', 'pieces'])).toBe(
      'recapitulatif',
    )
  })

  it('ignores unknown step names', () => {
    expect(firstIncompleteStep(['etape-inconnue', 'identite'])).toBe('coordonnees')
  })
})

describe('nextStep and previousStep', () => {
  it('walks the seven steps in order', () => {
    expect(STEPS).toEqual(['identite', 'coordonnees', 'situation', 'acquis', 'ue', 'pieces', 'recapitulatif'])
    expect(nextStep('identite')).toBe('coordonnees')
    expect(nextStep('ue')).toBe('pieces')
    expect(nextStep('pieces')).toBe('recapitulatif')
    expect(previousStep('coordonnees')).toBe('identite')
    expect(previousStep('recapitulatif')).toBe('pieces')
  })

  it('has nothing after the summary and nothing before the identity step', () => {
    expect(nextStep('recapitulatif')).toBeNull()
    expect(previousStep('identite')).toBeNull()
  })

  it('is its own inverse on every step', () => {
    for (const step of STEPS) {
      const next = nextStep(step)
      if (next) expect(previousStep(next)).toBe(step)
    }
  })
})

describe('displayName', () => {
  it('uses the usage name, in capitals, after the civility and first names', () => {
    expect(
      displayName({
        civility: 'MADAME',
        birthName: 'Payet',
        usageName: 'Hoarau',
        firstNames: 'Marie-Claire',
      }),
    ).toBe('Madame Marie-Claire HOARAU')
  })

  it('uses the birth name when there is no usage name', () => {
    expect(
      displayName({ civility: 'MONSIEUR', birthName: 'Payet', usageName: null, firstNames: 'Jean Luc' }),
    ).toBe('Monsieur Jean Luc PAYET')
  })

  it('keeps the accents when writing the name in capitals', () => {
    expect(
      displayName({ civility: 'MADAME', birthName: 'Bègue-Técher', usageName: null, firstNames: 'Élodie' }),
    ).toBe('Madame Élodie BÈGUE-TÉCHER')
  })
})

describe('draftLastDay (the expiry printed on the page and in the e-mail)', () => {
  it('is the last day of La Réunion’s calendar before the expiry', () => {
    // A draft saved on 3 December 2026 with 30 days: kept until the end of 2 January 2027 in La
    // Réunion, that is until 3 January 00:00 there (2 January 20:00 UTC).
    expect(draftLastDay(new Date('2027-01-02T20:00:00Z'))).toBe('2027-01-02')
  })
  it('reads the day in La Réunion (UTC+4), not in UTC', () => {
    // 22:00 UTC on 2 January is 02:00 on 3 January in La Réunion: still kept on 3 January.
    expect(draftLastDay(new Date('2027-01-02T22:00:00Z'))).toBe('2027-01-03')
    expect(draftLastDay(new Date('2027-01-03T19:59:00Z'))).toBe('2027-01-03')
  })
})

describe('formatCount (plurals from Intl.PluralRules)', () => {
  const files = { one: 'fichier déposé', other: 'fichiers déposés' }
  it('writes 0 and 1 in the singular, as French does, and 2 in the plural', () => {
    expect(formatCount(0, files)).toBe('0\u00a0fichier déposé')
    expect(formatCount(1, files)).toBe('1\u00a0fichier déposé')
    expect(formatCount(2, files)).toBe('2\u00a0fichiers déposés')
    expect(formatCount(1_000_000, files)).toBe('1000000\u00a0fichiers déposés')
  })
})
