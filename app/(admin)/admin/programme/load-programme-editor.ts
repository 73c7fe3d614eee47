import 'server-only'
import { notFound } from 'next/navigation'
import { requireStaffPage } from '@/lib/server/auth/authorize'
import { getProgrammeEditor } from '@/lib/server/admin/programme/get-programme-editor'
import { HOME_PROGRAMME_CODE } from '@/lib/site'

/** The programme pages' data, for an administrator (others go to sign-in or "forbidden"). */
export async function loadProgrammeEditor(path: string) {
  const actor = await requireStaffPage('programme.edit', path)
  const editor = await getProgrammeEditor({ actor, programmeCode: HOME_PROGRAMME_CODE })
  if (!editor) notFound()
  return editor
}

export function programmeTabs(current: string) {
  return {
    label: 'Parties du programme',
    current,
    items: [
      { href: '/admin/programme', label: 'Vue d’ensemble' },
      { href: '/admin/programme/textes', label: 'Textes' },
      { href: '/admin/programme/responsables', label: 'Responsables' },
      { href: '/admin/programme/ue', label: 'UE et prérequis' },
      { href: '/admin/programme/pieces', label: 'Pièces à fournir' },
      { href: '/admin/programme/centres', label: 'Centres' },
    ],
  }
}

export const PROGRAMME_BREADCRUMB = [
  { href: '/admin', label: 'Espace gestion' },
  { href: '/admin/programme', label: 'Programme' },
]
