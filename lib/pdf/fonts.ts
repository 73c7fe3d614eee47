import path from 'node:path'
import { Font } from '@react-pdf/renderer'

const FILES = path.join(process.cwd(), 'node_modules/@fontsource/source-sans-3/files')

let registered = false

/** The portal's typeface in PDFs (WOFF files of an npm package: nothing fetched at run time). */
export function registerPdfFonts(): void {
  if (registered) return
  Font.register({
    family: 'Source Sans 3',
    fonts: [
      { src: path.join(FILES, 'source-sans-3-latin-400-normal.woff'), fontWeight: 400 },
      { src: path.join(FILES, 'source-sans-3-latin-400-italic.woff'), fontWeight: 400, fontStyle: 'italic' },
      { src: path.join(FILES, 'source-sans-3-latin-600-normal.woff'), fontWeight: 600 },
      { src: path.join(FILES, 'source-sans-3-latin-700-normal.woff'), fontWeight: 700 },
    ],
  })
  // French text must not be hyphenated by react-pdf's English rules.
  Font.registerHyphenationCallback((word) => [word])
  registered = true
}

export const PDF_ACCENT = '#1e40af'
export const PDF_MUTED = '#4b5060'
export const PDF_LINE = '#c9cdd6'
