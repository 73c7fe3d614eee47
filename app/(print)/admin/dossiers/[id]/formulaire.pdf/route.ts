import { renderRegistrationFormPdf } from '@/lib/pdf/registration-form'
import { AccessDenied, currentStaff, assertCan } from '@/lib/server/auth/authorize'
import { recordFormPdfRead } from '@/lib/server/admin/review/read-piece-file'
import { getRegistrationFormData } from '@/lib/server/dossiers/get-registration-form-data'
import { logEvent } from '@/lib/server/log'
import { PIECE_CONTENT_PERMISSIONS } from '@/lib/domain/staff'

/** The registration form of a dossier as a PDF, for staff (it embeds the identity photo). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params
  const actor = await currentStaff()
  try {
    assertCan(actor, PIECE_CONTENT_PERMISSIONS.form)
  } catch (error) {
    if (error instanceof AccessDenied)
      return new Response(error.message, { status: error.reason === 'SIGNED_OUT' ? 401 : 403 })
    throw error
  }
  const data = /^[0-9a-f-]{36}$/i.test(id) ? await getRegistrationFormData({ dossierId: id }) : null
  if (!data) return new Response('Dossier introuvable.', { status: 404 })
  const pdf = await renderRegistrationFormPdf(data)
  logEvent('info', 'dossier.form_pdf_read', { userId: actor?.userId, dossierId: id })
  if (actor) await recordFormPdfRead({ actor, dossierId: id })
  return new Response(new Uint8Array(pdf), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="dossier-inscription-${data.reference}.pdf"`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  })
}
