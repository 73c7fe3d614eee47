import Link from 'next/link'
import type { ComponentProps } from 'react'

// Hover only on what can be pressed; a disabled button is grey and flat whatever its variant, so
// that it never looks like one that works (a faded blue one did).
const VARIANTS = {
  primary: 'bg-accent text-white not-disabled:hover:bg-accent-strong not-disabled:hover:text-white',
  secondary: 'border border-accent bg-white text-accent not-disabled:hover:bg-accent-soft',
  danger: 'bg-danger text-white not-disabled:hover:bg-[#912018] not-disabled:hover:text-white',
  ghost: 'text-accent underline underline-offset-4 not-disabled:hover:text-accent-strong',
} as const

const DISABLED =
  'disabled:cursor-not-allowed disabled:border-line disabled:bg-surface disabled:text-muted disabled:no-underline'

export type ButtonVariant = keyof typeof VARIANTS

export function buttonClass(variant: ButtonVariant = 'primary', extra = ''): string {
  return `inline-flex min-h-11 items-center justify-center gap-2 rounded-md px-5 py-2.5 font-semibold no-underline transition ${DISABLED} ${VARIANTS[variant]} ${extra}`
}

export function Button({
  variant = 'primary',
  className = '',
  ...button
}: { variant?: ButtonVariant } & ComponentProps<'button'>) {
  return <button className={buttonClass(variant, className)} {...button} />
}

export function ButtonLink({
  variant = 'primary',
  className = '',
  ...link
}: { variant?: ButtonVariant } & ComponentProps<typeof Link>) {
  return <Link className={buttonClass(variant, className)} {...link} />
}
