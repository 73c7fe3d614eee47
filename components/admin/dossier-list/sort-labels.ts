import type { DossierSort, SortOrder } from '@/lib/schemas/dossier-filters'

/** How each sort reads in French, in the table's caption and on its sort links. */
export const SORT_DESCRIPTIONS: Record<DossierSort, Record<SortOrder, string>> = {
  date: {
    desc: 'par date de dépôt, du plus récent au plus ancien',
    asc: 'par date de dépôt, du plus ancien au plus récent',
  },
  reference: {
    asc: 'par référence, dans l’ordre croissant',
    desc: 'par référence, dans l’ordre décroissant',
  },
  nom: { asc: 'par nom, de A à Z', desc: 'par nom, de Z à A' },
}
