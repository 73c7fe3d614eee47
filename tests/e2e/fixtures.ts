import AxeBuilder from '@axe-core/playwright'
import { randomInt } from 'node:crypto'
import { test as base, expect, type Page } from '@playwright/test'

export type { Page }

const allowed = new WeakMap<Page, RegExp[]>()

/** Lets a test expect an error the browser logs on purpose (e.g. a refused upload's 422). */
export function allowConsoleError(page: Page, pattern: RegExp): void {
  allowed.set(page, [...(allowed.get(page) ?? []), pattern])
}

/**
 * Pages fail their test when the browser logs an error (a crash, a failed hydration, a 500).
 *
 * Each test is a visitor of its own: its browser contexts (those made in its hooks too) and API
 * requests come from an address of their own (198.18.0.0/15, reserved for tests) in
 * X-Forwarded-For, which the end-to-end server reads as a proxy's (it runs with TRUSTED_PROXIES=1,
 * scripts/test/e2e-server.ts). Otherwise every test
 * would come from 127.0.0.1 and the whole suite would share one visitor's rate limits (10 drafts
 * an hour), failing in whichever order the tests happen to run.
 */
export const test = base.extend<{ page: Page }>({
  extraHTTPHeaders: async ({ extraHTTPHeaders }, use) => {
    await use({
      ...extraHTTPHeaders,
      'x-forwarded-for': `198.${18 + randomInt(2)}.${randomInt(256)}.${randomInt(1, 255)}`,
    })
  },
  page: async ({ page }, use) => {
    const errors: string[] = []
    page.on('console', (message) => {
      if (message.type() !== 'error') return
      if ((allowed.get(page) ?? []).some((pattern) => pattern.test(message.text()))) return
      errors.push(message.text())
    })
    page.on('pageerror', (error) => errors.push(error.message))
    await use(page)
    expect(errors, 'errors in the browser console').toEqual([])
  },
})

export { expect }

export const PHONE = { width: 360, height: 740 }
export const DESKTOP = { width: 1280, height: 900 }

/** WCAG 2.1 A and AA violations on the current page, as "rule: target" lines. */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  // Buttons fade between their pending and ready states (CSS transitions): axe measuring contrast
  // mid-fade, or on a button still busy, or under the pointer that just clicked it, would report
  // colours nobody sees for more than 150 ms.
  await page.mouse.move(0, 0)
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0)
  // After a client-side navigation the new page's <title> is streamed in after its content:
  // axe would otherwise catch the moment between the two as a page without a title. A page that
  // never gets one still fails here.
  await expect(page).toHaveTitle(/\S/)
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every(
        (animation) =>
          animation.playState !== 'running' || animation.effect?.getComputedTiming().endTime === Infinity,
      ),
  )
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze()
  return results.violations.flatMap((violation) =>
    violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')}`),
  )
}
