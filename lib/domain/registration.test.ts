import { describe, expect, it } from 'vitest'
import { displayName, firstIncompleteStep, nextStep, previousStep, STEPS } from './registration'

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
