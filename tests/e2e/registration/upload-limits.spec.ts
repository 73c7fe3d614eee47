// The stated limit of a piece is 10 Mo (10 MiB) through everything that stands in front of the
// upload route on a real `next start`: Next's proxy (which used to cut bodies at 10 MiB, so a file of
// exactly the limit was refused as « Envoi illisible »), the multipart parser and the inspection.
import http from 'node:http'
import { PDFDocument, StandardFonts } from 'pdf-lib'
import type { Page } from '@playwright/test'
import { expect, test } from '../fixtures'
import { toPiecesStep } from './helpers'

const LIMIT = 10 * 1024 * 1024

/** A genuine one-page PDF of exactly `size` bytes (an unreferenced stream pads it). */
async function pdfOfSize(size: number): Promise<Buffer> {
  let padding = size - 2_000
  for (let attempt = 0; attempt < 5; attempt++) {
    const pdf = await PDFDocument.create()
    const page = pdf.addPage([595, 842])
    page.drawText('Curriculum vitae', {
      x: 72,
      y: 760,
      size: 18,
      font: await pdf.embedFont(StandardFonts.Helvetica),
    })
    pdf.context.register(pdf.context.stream(new Uint8Array(padding).fill(0x41)))
    const bytes = Buffer.from(await pdf.save({ useObjectStreams: false }))
    if (bytes.length === size) return bytes
    padding += size - bytes.length
  }
  throw new Error(`Could not build a PDF of ${size} bytes`)
}

const upload = (page: Page, name: string, buffer: Buffer) =>
  page.request.post('/api/inscription/pieces', {
    multipart: { pieceTypeCode: 'CV', file: { name, mimeType: 'application/pdf', buffer } },
  })

test('a file of exactly 10 Mo is accepted, one byte more is refused with 413 naming the file', async ({
  page,
}) => {
  test.setTimeout(120_000)
  await toPiecesStep(page)

  const exact = await pdfOfSize(LIMIT)
  expect(exact.length).toBe(LIMIT)
  const accepted = await upload(page, 'cv-10-mo.pdf', exact)
  expect(accepted.status(), await accepted.text()).toBe(201)
  await page.reload()
  await expect(page.getByText('cv-10-mo.pdf')).toBeVisible()

  const over = await pdfOfSize(LIMIT + 1)
  const refused = await upload(page, 'cv-trop-gros.pdf', over)
  expect(refused.status()).toBe(413)
  expect((await refused.json()).message).toMatch(/^«\scv-trop-gros\.pdf\s»\sdépasse\s10\sMo/)
  await page.reload()
  await expect(page.getByText('cv-trop-gros.pdf')).toHaveCount(0)
})

test('a 200 MB chunked body is answered 413, naming the file', async ({ page, baseURL }) => {
  test.setTimeout(120_000)
  await toPiecesStep(page)
  const cookie = (await page.context().cookies()).map(({ name, value }) => `${name}=${value}`).join('; ')
  const boundary = 'limite-de-test'
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="pieceTypeCode"\r\n\r\nCV\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="enorme.pdf"\r\n` +
      `Content-Type: application/pdf\r\n\r\n%PDF-1.7\n`,
  )
  const chunk = Buffer.alloc(1024 * 1024, 0x41)
  const url = new URL('/api/inscription/pieces', baseURL)
  const { status, body } = await new Promise<{
    status: number
    body: string
  }>((resolve, reject) => {
    let sent = 0
    const request = http.request(url, {
      method: 'POST',
      headers: {
        cookie,
        origin: url.origin,
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'transfer-encoding': 'chunked',
        'x-forwarded-for': '198.51.100.77',
      },
    })
    request.on('response', (response) => {
      let text = ''
      response.on('data', (data: Buffer) => (text += data.toString('utf8')))
      response.on('end', () => {
        resolve({ status: response.statusCode ?? 0, body: text })
        request.destroy()
      })
    })
    request.on('error', (error) => (sent > 0 ? undefined : reject(error)))
    request.write(head)
    const pump = () => {
      while (sent < 200) {
        sent++
        if (!request.write(chunk)) return void request.once('drain', pump)
      }
      request.end()
    }
    pump()
  })
  expect(status, body).toBe(413)
  expect(JSON.parse(body).message).toMatch(/^«\senorme\.pdf\s»\sdépasse\s10\sMo/)
})
