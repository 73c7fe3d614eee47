import 'server-only'
import { generateSecret, generateURI } from 'otplib'
import { qrCodeSvg } from '@/lib/pdf/qr-code'

export const TOTP_ISSUER = 'Cnam Réunion — gestion'

/** A new TOTP secret (160 bits, base32, as authenticator apps expect). */
export function newTotpSecret(): string {
  return generateSecret()
}

/** What an authenticator app scans: the otpauth:// address and its QR code (SVG). */
export async function totpProvisioning(options: { secret: string; email: string }) {
  const uri = generateURI({ issuer: TOTP_ISSUER, label: options.email, secret: options.secret })
  return { uri, qrSvg: await qrCodeSvg(uri) }
}
