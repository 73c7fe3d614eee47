import { describe, expect, it } from 'vitest'
import {
  dossierExportHref,
  dossierListHref,
  dossierListParams,
  parseDossierFilters,
  type DossierFilters,
} from './dossier-filters'

const SESSION = '01a21909-fbef-70ae-b22e-dcaec33dfb70'
const CURSOR = '092914c1-f90e-4f1d-b310-a8d174be7345'

describe('parseDossierFilters', () => {
  it('gives the defaults for an empty URL: default session, newest first, first page', () => {
    expect(parseDossierFilters({})).toEqual({
      sessionId: null,
      status: null,
      category: null,
      ueCode: null,
      semester: null,
      completeness: null,
      submittedFrom: null,
      submittedTo: null,
      query: '',
      sort: 'date',
      order: 'desc',
      after: null,
      before: null,
    })
  })

  it('reads every parameter, trimming and normalising what people type', () => {
    expect(
      parseDossierFilters({
        session: SESSION.toUpperCase(),
        statut: 'INCOMPLETE',
        categorie: 'JOB_SEEKER',
        ue: ' ast004 ',
        semestre: '2',
        completude: 'en-attente',
        du: '2026-10-01',
        au: '2026-10-31',
        q: '  Héloïse    Técher ',
        tri: 'nom',
        apres: CURSOR,
      }),
    ).toEqual({
      sessionId: SESSION,
      status: 'INCOMPLETE',
      category: 'JOB_SEEKER',
      ueCode: 'AST004',
      semester: 2,
      completeness: 'en-attente',
      submittedFrom: '2026-10-01',
      submittedTo: '2026-10-31',
      query: 'Héloïse Técher',
      sort: 'nom',
      order: 'asc',
      after: CURSOR,
      before: null,
    })
  })

  it('drops what does not parse, one parameter at a time', () => {
    const filters = parseDossierFilters({
      statut: 'PERDU',
      categorie: 'JOB_SEEKER',
      du: '2026-02-30',
      tri: 'x',
    })
    expect(filters.status).toBeNull()
    expect(filters.category).toBe('JOB_SEEKER')
    expect(filters.submittedFrom).toBeNull()
    expect(filters.sort).toBe('date')
  })

  it('keeps one cursor, and cuts an overlong search', () => {
    expect(parseDossierFilters({ apres: CURSOR, avant: SESSION })).toMatchObject({
      after: CURSOR,
      before: null,
    })
    expect(parseDossierFilters({ q: 'a'.repeat(500) }).query).toHaveLength(100)
  })
})

describe('links', () => {
  const filters: DossierFilters = {
    ...parseDossierFilters({}),
    sessionId: SESSION,
    status: 'SUBMITTED',
    query: 'payet',
  }

  it('leave defaults out and drop the cursor when something else changes', () => {
    expect(dossierListHref({ ...filters, after: CURSOR }, { sort: 'nom', order: 'asc' })).toBe(
      `/admin/dossiers?session=${SESSION}&statut=SUBMITTED&q=payet&tri=nom`,
    )
    expect(dossierListHref(filters, { after: CURSOR })).toBe(
      `/admin/dossiers?session=${SESSION}&statut=SUBMITTED&q=payet&apres=${CURSOR}`,
    )
    expect(dossierExportHref({ ...filters, before: CURSOR })).toBe(
      `/admin/dossiers/export.csv?session=${SESSION}&statut=SUBMITTED&q=payet`,
    )
  })

  it('parse back to the same filters', () => {
    const changed = {
      ...filters,
      ueCode: 'TET099',
      semester: 2 as const,
      sort: 'reference' as const,
      order: 'desc' as const,
    }
    expect(parseDossierFilters(dossierListParams(changed, { before: CURSOR }))).toEqual({
      ...changed,
      before: CURSOR,
    })
  })
})
