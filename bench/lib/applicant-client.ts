// A virtual applicant talking HTTP to `next start` exactly as the browser does: server actions of
// the build (from its manifest, through the end-to-end tests' client), the multipart upload route,
// its draft cookie, and an IP address of its own in X-Forwarded-For (the harness starts the portal
// trusting one proxy, so the header's last entry is the client's address), so that no applicant
// meets the per-IP limits.
import path from 'node:path'
import {
  callAction,
  readActionManifest,
  type ManifestAction,
} from '../../tests/e2e/security/server-action-client'
import { answers, validNir } from '../../tests/support/registration'
import type { PieceFile } from './applicant-files'

export type Actions = Record<
  'startRegistrationAction' | 'saveStepAction' | 'submitRegistrationAction',
  ManifestAction
>

/** The registration's server actions in the build in `distDir`. */
export function registrationActions(distDir: string): Actions {
  const manifest = readActionManifest(distDir)
  const named = (name: keyof Actions) => {
    const action = manifest.find(
      (candidate) =>
        candidate.file === 'app/(public)/inscription/actions.ts' && candidate.exportName === name,
    )
    if (!action) throw new Error(`No server action ${name} in ${path.relative(process.cwd(), distDir)}`)
    return action
  }
  return {
    startRegistrationAction: named('startRegistrationAction'),
    saveStepAction: named('saveStepAction'),
    submitRegistrationAction: named('submitRegistrationAction'),
  }
}

/** An address of its own for applicant `index` (198.18.0.0/15, the benchmarking range). */
export function applicantIp(index: number): string {
  return `198.18.${Math.floor(index / 250)}.${(index % 250) + 1}`
}

/**
 * The answers of the tests' employed individual (tests/support/registration.ts), made distinct per
 * applicant: name, NIR and e-mail; one UE, PSY001.
 */
export function applicantAnswers(index: number) {
  const email = `candidate-${index}@bench.example.re`
  // Born in September 1984 in department 974 (La Réunion), commune 411, order number from `index`.
  return answers({
    identite: {
      birthName: `Payet${index}`,
      nir: validNir(`2840997411${String(1 + (index % 999)).padStart(3, '0')}`),
    },
    coordonnees: { email, emailConfirmation: email },
    ue: { ues: { PSY001: { selected: true, foad: false } } },
  })
}

const STEPS = ['identite', 'coordonnees', 'situation', 'acquis', 'ue'] as const

export class Applicant {
  cookie: string | null = null
  readonly ip: string

  constructor(
    private readonly baseUrl: string,
    private readonly actions: Actions,
    readonly index: number,
  ) {
    this.ip = applicantIp(index)
  }

  /** « Commencer mon inscription », then every answer step saved (as the form does). */
  async fillDraft(): Promise<void> {
    const start = await callAction(this.baseUrl, this.actions.startRegistrationAction, [startForm()], {
      ip: this.ip,
    })
    const cookie = start.cookies.find((pair) => pair.startsWith('cnam_inscription='))
    if (start.redirect !== '/inscription/identite' || !cookie)
      throw new Error(`start: ${start.redirect ?? start.error ?? start.status}`)
    this.cookie = cookie
    const answers = applicantAnswers(this.index)
    for (const step of STEPS) {
      const saved = await callAction(this.baseUrl, this.actions.saveStepAction, [step, answers[step]], {
        ip: this.ip,
        cookie,
      })
      const result = saved.result as { ok?: boolean } | undefined
      if (!result?.ok) throw new Error(`step ${step}: ${JSON.stringify(saved.result ?? saved.error)}`)
    }
  }

  /** One file sent to the upload route (multipart, as the pieces step's form posts it). */
  async upload(piece: PieceFile): Promise<void> {
    const form = new FormData()
    form.set('pieceTypeCode', piece.pieceTypeCode)
    form.set('file', new File([piece.bytes as Uint8Array<ArrayBuffer>], piece.fileName))
    const response = await fetch(new URL('/api/inscription/pieces', this.baseUrl), {
      method: 'POST',
      headers: {
        Origin: new URL(this.baseUrl).origin,
        'X-Forwarded-For': this.ip,
        Cookie: this.cookie ?? '',
      },
      body: form,
    })
    const body = await response.text()
    if (response.status !== 201) throw new Error(`upload ${piece.pieceTypeCode}: ${response.status} ${body}`)
  }

  /**
   * « Envoyer mon dossier »: the submit action, whose answer (a redirect to the confirmation page,
   * which Next renders into the same response) is read to its end, as the browser waits for it.
   */
  async submit(): Promise<void> {
    const submitted = await callAction(
      this.baseUrl,
      this.actions.submitRegistrationAction,
      [{ consent: true, certify: true }],
      { ip: this.ip, cookie: this.cookie ?? undefined, readRedirectedPage: true },
    )
    if (submitted.redirect !== '/dossier/confirmation')
      throw new Error(`submit: ${submitted.status} ${submitted.error ?? JSON.stringify(submitted.result)}`)
  }
}

function startForm(): FormData {
  const form = new FormData()
  form.set('website', '')
  return form
}
