import { describe, expect, it } from 'vitest'
import { FORM_SECTION_WORDS } from '@/lib/pdf/registration-form-text'
import {
  sampleLongRegistrationFormData,
  sampleRegistrationFormData,
} from '@/tests/fixtures/registration-form'
import { formSections } from './registration-form'

const labels = (sections: ReturnType<typeof formSections>) =>
  sections.flatMap((section) => section.lines.flat().map((field) => field.label))

describe('formSections', () => {
  it('names the identity, contact and situation fields of an employed applicant, each line six sixths wide', async () => {
    const sections = formSections(await sampleRegistrationFormData(), FORM_SECTION_WORDS)
    expect(sections.map((section) => `${section.number}. ${section.title}`)).toEqual([
      '1. Identité du candidat',
      '2. Coordonnées',
      '3. Situation et financement',
    ])
    expect(labels(sections)).toContain('Employeur')
    expect(labels(sections)).toContain('Attestation de prise en charge')
    expect(labels(sections)).not.toContain('Identifiant France Travail')
    for (const line of sections.flatMap((section) => section.lines)) {
      expect(line.reduce((sum, field) => sum + field.span, 0)).toBe(6)
    }
    const identity = sections[0]!.lines.flat()
    expect(identity.find((field) => field.label === 'Nom d’usage')?.value).toBe('HOARAU')
    expect(identity.find((field) => field.label === 'N° de sécurité sociale')?.value).toBe(
      '2 84 09 97 411 238 44',
    )
  })

  it('leaves out the employer of a job seeker and gives null for what was not answered', async () => {
    const long = await sampleLongRegistrationFormData()
    const sections = formSections(
      { ...long, identity: { ...long.identity, usageName: null } },
      FORM_SECTION_WORDS,
    )
    expect(labels(sections)).not.toContain('Employeur')
    expect(labels(sections)).not.toContain('Attestation de prise en charge')
    expect(labels(sections)).toContain('Identifiant France Travail')
    expect(sections[0]!.lines.flat().find((field) => field.label === 'Nom d’usage')?.value).toBeNull()
    expect(sections[1]!.lines[0]![0]!.value).toEqual([long.contact.addressLine1, long.contact.addressLine2])
  })
})
