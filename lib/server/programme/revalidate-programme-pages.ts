import 'server-only'
import { revalidatePath } from 'next/cache'

/**
 * Refreshes the cached public pages that show programme data. Every staff action that changes the
 * programme, a session, a tariff, the pieces catalogue or a centre calls it after its transaction.
 */
export function revalidateProgrammePages(): void {
  revalidatePath('/', 'layout')
}
