import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { RegistrationFormPrint } from '@/components/dossier/registration-form-print'
import { buttonClass } from '@/components/ui/button'
import { PrintButton } from '@/components/ui/print-button'
import { qrCodeSvg } from '@/lib/pdf/qr-code'
import { cspNonce } from '@/lib/server/csp-nonce'
import { requireStaffPage } from '@/lib/server/auth/authorize'
import { getRegistrationFormData } from '@/lib/server/dossiers/get-registration-form-data'

export const metadata: Metadata = {
  title: 'Formulaire d’inscription — espace gestion',
  robots: { index: false },
}

export default async function StaffPrintableFormPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params
  await requireStaffPage('dossiers.read', `/admin/dossiers/${id}/formulaire`)
  const data = /^[0-9a-f-]{36}$/i.test(id) ? await getRegistrationFormData({ dossierId: id }) : null
  if (!data) notFound()
  return (
    <>
      <div className="no-print mx-auto flex max-w-[210mm] flex-wrap items-center justify-between gap-3 px-4 py-4">
        <Link href={`/admin/dossiers/${id}`} className={buttonClass('ghost', 'px-0')}>
          ← Retour au dossier
        </Link>
        <div className="flex gap-3">
          <a href={`/admin/dossiers/${id}/formulaire.pdf`} className={buttonClass('secondary')}>
            Télécharger en PDF
          </a>
          <PrintButton />
        </div>
      </div>
      <RegistrationFormPrint data={data} qrSvg={await qrCodeSvg(data.staffUrl)} nonce={await cspNonce()} />
    </>
  )
}
