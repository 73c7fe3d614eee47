import { renderRegistrationFormPdf } from '@/lib/pdf/registration-form'
import { findDossierIdByToken } from '@/lib/server/dossiers/find-dossier-id'
import { getRegistrationFormData } from '@/lib/server/dossiers/get-registration-form-data'
import { readDossierToken } from '@/lib/server/registration/cookies'

/** The applicant's completed registration form as a PDF made on the server. */
export async function GET() {
  const dossierId = await findDossierIdByToken(await readDossierToken())
  const data = dossierId ? await getRegistrationFormData({ dossierId }) : null
  if (!data)
    return new Response('Dossier introuvable sur cet appareil : ouvrez le lien reçu par e-mail.', {
      status: 404,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
    })
  const pdf = await renderRegistrationFormPdf(data)
  return new Response(new Uint8Array(pdf), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="dossier-inscription-${data.reference}.pdf"`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  })
}
