import type { ReactNode } from 'react'

const TONES = {
  info: 'border-accent bg-accent-soft text-ink',
  success: 'border-success bg-success-soft text-ink',
  warning: 'border-warning bg-warning-soft text-ink',
  error: 'border-danger bg-danger-soft text-ink',
} as const

/** A message box; `role` makes screen readers announce it when it appears. */
export function Alert({
  tone = 'info',
  title,
  children,
  role,
  className = '',
}: {
  tone?: keyof typeof TONES
  title?: ReactNode
  children?: ReactNode
  role?: 'alert' | 'status'
  className?: string
}) {
  return (
    <div role={role} className={`rounded-md border-l-4 px-4 py-3 ${TONES[tone]} ${className}`}>
      {title ? <p className="font-semibold">{title}</p> : null}
      {children ? <div className={title ? 'mt-1' : ''}>{children}</div> : null}
    </div>
  )
}
