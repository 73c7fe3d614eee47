/** Facts about the site itself (not about a programme, which live in the database). */
export const SITE_NAME = 'Cnam Réunion — Inscriptions'
/** The programme shown on the home page. The portal starts with this one. */
export const HOME_PROGRAMME_CODE = 'CPN42'
