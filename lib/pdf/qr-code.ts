import QRCode from 'qrcode'

// Medium error correction survives a crease or a smudge on a printed form; no quiet zone here
// because both renderings place the code in a white frame of their own.
const OPTIONS = { errorCorrectionLevel: 'M', margin: 0 } as const

/** The QR code of `url` as an SVG document (for the HTML print view). */
export async function qrCodeSvg(url: string): Promise<string> {
  return QRCode.toString(url, { ...OPTIONS, type: 'svg', color: { dark: '#000000', light: '#ffffff' } })
}

/** The QR code of `url` as a PNG data URL (for the PDF), large enough to stay sharp at 300 dpi. */
export async function qrCodePngDataUrl(url: string): Promise<string> {
  return QRCode.toDataURL(url, { ...OPTIONS, type: 'image/png', width: 360 })
}
