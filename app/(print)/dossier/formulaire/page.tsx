import type { Metadata } from 'next'
import Link from 'next/link'
import { redirect } from 'next/navigation'
import { RegistrationFormPrint } from '@/components/dossier/registration-form-print'
import { buttonClass } from '@/components/ui/button'
import { PrintButton } from '@/components/ui/print-button'
import { qrCodeSvg } from '@/lib/pdf/qr-code'
import { cspNonce } from '@/lib/server/csp-nonce'
import { findDossierIdByToken } from '@/lib/server/dossiers/find-dossier-id'
import { getRegistrationFormData } from '@/lib/server/dossiers/get-registration-form-data'
import { readDossierToken } from '@/lib/server/registration/cookies'

export const metadata: Metadata = {
  title: 'Formulaire d’inscription à imprimer',
  referrer: 'no-referrer',
  robots: { index: false },
}

/** The applicant's completed registration form, laid out for A4 printing. */
export default async function PrintableFormPage() {
  const dossierId = await findDossierIdByToken(await readDossierToken())
  const data = dossierId ? await getRegistrationFormData({ dossierId }) : null
  if (!data) redirect('/dossier')
  return (
    <>
      <div className="no-print mx-auto flex max-w-[210mm] flex-wrap items-center justify-between gap-3 px-4 py-4">
        <Link href="/dossier" className={buttonClass('ghost', 'px-0')}>
          ← Retour à mon dossier
        </Link>
        <div className="flex gap-3">
          <a href="/dossier/formulaire.pdf" className={buttonClass('secondary')}>
            Télécharger en PDF
          </a>
          <PrintButton />
        </div>
      </div>
      <RegistrationFormPrint data={data} qrSvg={await qrCodeSvg(data.staffUrl)} nonce={await cspNonce()} />
    </>
  )
}
