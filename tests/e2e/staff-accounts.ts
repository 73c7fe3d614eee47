/** Staff accounts created by scripts/test/e2e-server.ts for the end-to-end tests. */
export const E2E_STAFF = {
  ADMIN: 'admin@test.cnam.re',
  GESTIONNAIRE: 'gestionnaire@test.cnam.re',
  LECTURE: 'lecture@test.cnam.re',
} as const

export const E2E_STAFF_PASSWORD = 'Volcan-Piton-2026!'

/** AUTH_SECRET of the end-to-end server (it seals the outbox's private links; see invitation-link.ts). */
export const E2E_AUTH_SECRET = 'end-to-end-tests-only-secret-0123456789'
