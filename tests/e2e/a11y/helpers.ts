import { randomBytes } from 'node:crypto'
import type { Locator } from '@playwright/test'
import { accessibilityViolations, expect, type Page } from '../fixtures'
import {
  fillContact,
  fillIdentity,
  fillSituation,
  next,
  startRegistration,
  uploadAllPieces,
} from '../registration/helpers'

/** A birth name nobody else in the end-to-end database has, so that a search finds one dossier. */
export function uniqueBirthName(prefix: string): string {
  const suffix = Array.from(randomBytes(5), (byte) => String.fromCharCode(97 + (byte % 26))).join('')
  return `${prefix}-${suffix}`
}

/**
 * Axe (WCAG 2.1 A and AA) on the current page, as a soft assertion: every page of a run is
 * checked and every violation reported, not only the first page's.
 */
export async function checkAccessibility(page: Page, label: string): Promise<void> {
  await page.waitForLoadState('load')
  expect.soft(await accessibilityViolations(page), `axe: ${label}`).toEqual([])
}

/** Applies online as an employed individual for PSY001 and returns the dossier's reference. */
export async function applyOnline(page: Page, birthName: string): Promise<string> {
  await startRegistration(page)
  await fillIdentity(page, { birthName })
  await next(page)
  await fillContact(page)
  await next(page)
  await fillSituation(page)
  await next(page)
  await next(page)
  await page.getByRole('checkbox', { name: /^PSY001/ }).check()
  await next(page)
  await uploadAllPieces(page)
  await page.goto('/inscription/recapitulatif')
  await page.getByRole('checkbox', { name: /J’accepte que le Cnam/ }).check()
  await page.getByRole('checkbox', { name: /Je certifie/ }).check()
  await page.getByRole('button', { name: /^Envoyer mon dossier/ }).click()
  await expect(page.getByText('Votre dossier est envoyé')).toBeVisible()
  return (await page.getByTestId('reference').textContent())?.trim() ?? ''
}

/**
 * Whether the focused element shows it: it matches :focus-visible and draws an outline or a ring
 * (a box-shadow layer with a colour and a spread), as a sighted keyboard user needs to see.
 * (The same check as tests/e2e/registration/keyboard.spec.ts.)
 */
export async function focusIndicator(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement
    if (!element || element === document.body) return 'nothing focused'
    if (!element.matches(':focus-visible')) return 'not :focus-visible'
    const style = getComputedStyle(element)
    const alpha = (color: string) => {
      const parts = /rgba?\(([^)]*)\)/.exec(color)?.[1]?.split(',') ?? []
      return parts.length === 4 ? Number(parts[3]) : parts.length === 3 ? 1 : 0
    }
    if (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0 && alpha(style.outlineColor) > 0)
      return 'visible'
    const ring = [
      ...style.boxShadow.matchAll(
        /(rgba?\([^)]*\))\s+(-?[\d.]+)px\s+(-?[\d.]+)px\s+([\d.]+)px\s+([\d.]+)px/g,
      ),
    ]
    if (ring.some((layer) => alpha(layer[1]!) > 0 && Number(layer[5]) >= 1)) return 'visible'
    return `no outline nor ring (outline ${style.outlineStyle}, box-shadow ${style.boxShadow})`
  })
}

/** A short description of the focused element, for messages. */
async function focusedElement(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement
    if (!element) return 'nothing'
    const name = element.getAttribute('aria-label') ?? element.textContent?.trim().slice(0, 40) ?? ''
    return `<${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}> ${name}`
  })
}

/**
 * Presses Tab until `target` has focus, as a keyboard user moves through the page; every element
 * passed on the way must show its focus too. Fails if `target` is not reached in `max` presses.
 */
export async function tabTo(page: Page, target: Locator, max = 80): Promise<void> {
  for (let presses = 0; presses < max; presses += 1) {
    await page.keyboard.press('Tab')
    if ((await focusIndicator(page)) !== 'nothing focused') {
      // Rings fade in (a CSS transition): wait for it rather than catch it half drawn.
      const element = await focusedElement(page)
      await expect
        .poll(() => focusIndicator(page), { message: `focus indicator on ${element}` })
        .toBe('visible')
    }
    if (await target.evaluate((element) => element === document.activeElement)) return
  }
  throw new Error(`Not reached with ${max} presses of Tab: ${target.toString()}`)
}
