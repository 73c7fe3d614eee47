import Link from 'next/link'
import type { ComponentProps } from 'react'

const VARIANTS = {
  primary: 'bg-accent text-white hover:bg-accent-strong hover:text-white',
  secondary: 'border border-accent bg-white text-accent hover:bg-accent-soft',
  danger: 'bg-danger text-white hover:bg-[#912018] hover:text-white',
  ghost: 'text-accent underline underline-offset-4 hover:text-accent-strong',
} as const

export type ButtonVariant = keyof typeof VARIANTS

export function buttonClass(variant: ButtonVariant = 'primary', extra = ''): string {
  return `inline-flex min-h-11 items-center justify-center gap-2 rounded-md px-5 py-2.5 font-semibold no-underline transition disabled:cursor-not-allowed disabled:opacity-60 ${VARIANTS[variant]} ${extra}`
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
