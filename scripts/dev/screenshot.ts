// `npx tsx scripts/dev/screenshot.ts <url> <out.png> [width] [--full]`: a look at a page as a
// person would see it (used while building; not part of the tests).
import { chromium } from '@playwright/test'

const [url = 'http://localhost:3000/', out = '/tmp/shot.png', width = '1280'] = process.argv
  .slice(2)
  .filter((a) => !a.startsWith('--'))
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
})
const page = await browser.newPage({ viewport: { width: Number(width), height: 900 } })
await page.goto(url, { waitUntil: 'networkidle' })
if (process.argv.includes('--pdf')) {
  await page.pdf({ path: out, format: 'A4', printBackground: true })
} else if (process.argv.includes('--chunks')) {
  // Tall pages as several images of one screen each: out-01.png, out-02.png…
  const height = await page.evaluate(() => document.documentElement.scrollHeight)
  const step = Number(width) < 600 ? 1400 : 1100
  for (let index = 0; index * step < height; index += 1) {
    const path = out.replace(/\.png$/, `-${String(index + 1).padStart(2, '0')}.png`)
    await page.screenshot({
      path,
      fullPage: true,
      clip: { x: 0, y: index * step, width: Number(width), height: Math.min(step, height - index * step) },
    })
    console.log(path)
  }
} else {
  await page.screenshot({ path: out, fullPage: process.argv.includes('--full') })
}
await browser.close()
console.log(out)
