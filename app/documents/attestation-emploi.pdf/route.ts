import { renderToBuffer } from '@react-pdf/renderer'
import { AttestationEmploiDocument } from '@/lib/pdf/attestation-emploi'

// Rendered once at build time and served as a static file.
export const dynamic = 'force-static'

export async function GET() {
  const pdf = await renderToBuffer(
    AttestationEmploiDocument({
      centreName: 'Centre régional de La Réunion',
      programmeLabel: 'Cnam Réunion',
    }),
  )
  return new Response(new Uint8Array(pdf), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': 'inline; filename="attestation-emploi.pdf"',
    },
  })
}
