'use server'

import { redirect } from 'next/navigation'
import { z } from 'zod'
import { text } from '@/lib/schemas/fields'
import { completeSecondFactor, signIn } from '@/lib/server/auth/sign-in'
import {
  clearStaffCookie,
  destroyStaffSession,
  lookupStaffSession,
  readStaffToken,
  writeStaffCookie,
} from '@/lib/server/auth/staff-session'
import { logEvent } from '@/lib/server/log'
import { clientIp } from '@/lib/server/request-context'

export type SignInState = { message: string | null; email: string }

const signInSchema = z.object({
  email: text().trim().max(200),
  password: z.string().max(200),
  retour: z.string().max(300).optional(),
})

/** Only paths of the staff area: the return address comes from the URL, so it is not trusted. */
function safeReturn(path: string | undefined): string {
  return path && /^\/admin(\/[\w\-/]*)?(\?[\w=&%-]*)?$/.test(path) && !path.startsWith('/admin/connexion')
    ? path
    : '/admin'
}

/** A field of the posted form; anything but a FormData is a forged request, read as an empty form. */
function field(form: unknown, name: string): FormDataEntryValue | null {
  return form instanceof FormData ? form.get(name) : null
}

export async function signInAction(_state: SignInState, form: FormData): Promise<SignInState> {
  const parsed = signInSchema.safeParse({
    email: field(form, 'email'),
    password: field(form, 'password'),
    retour: field(form, 'retour') ?? undefined,
  })
  if (!parsed.success || !parsed.data.email || !parsed.data.password) {
    return {
      message: 'Indiquez votre adresse e-mail et votre mot de passe.',
      email: String(field(form, 'email') ?? ''),
    }
  }
  // A new session at each sign-in: whatever cookie was there is dropped first.
  await destroyStaffSession(await readStaffToken())
  const result = await signIn({
    email: parsed.data.email,
    password: parsed.data.password,
    ip: await clientIp(),
  })
  if (!result.ok) return { message: result.message, email: parsed.data.email }
  await writeStaffCookie(result.token)
  const destination = safeReturn(parsed.data.retour)
  redirect(
    result.needsSecondFactor
      ? `/admin/connexion/code?retour=${encodeURIComponent(destination)}`
      : destination,
  )
}

export type CodeState = { message: string | null }

export async function secondFactorAction(_state: CodeState, form: FormData): Promise<CodeState> {
  const token = await readStaffToken()
  const lookup = await lookupStaffSession(token)
  if (lookup.state !== 'PENDING_SECOND_FACTOR') redirect('/admin/connexion')
  const code = String(field(form, 'code') ?? '')
  const result = await completeSecondFactor({
    sessionId: lookup.sessionId,
    userId: lookup.userId,
    code,
    ip: await clientIp(),
  })
  if (!result.ok) {
    if (result.locked) {
      await clearStaffCookie()
      redirect('/admin/connexion?bloque=1')
    }
    return { message: result.message }
  }
  await writeStaffCookie(result.token)
  redirect(safeReturn(String(field(form, 'retour') ?? '') || undefined))
}

/** Sign-out: the session is deleted on the server, so its cookie is worthless even if kept. */
export async function signOutAction(): Promise<void> {
  const token = await readStaffToken()
  const lookup = await lookupStaffSession(token)
  await destroyStaffSession(token)
  await clearStaffCookie()
  if (lookup.state === 'ACTIVE') logEvent('info', 'auth.signed_out', { userId: lookup.actor.userId })
  redirect('/admin/connexion?deconnecte=1')
}
