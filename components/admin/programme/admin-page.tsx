import Link from 'next/link'
import type { ReactNode } from 'react'

/** The frame of a staff programme or session page: breadcrumb, title, introduction, sub-navigation. */
export function AdminPage({
  title,
  breadcrumb,
  intro,
  tabs,
  children,
}: {
  title: string
  breadcrumb: Array<{ href: string; label: string }>
  intro?: ReactNode
  tabs?: { label: string; current: string; items: Array<{ href: string; label: string }> }
  children: ReactNode
}) {
  return (
    <div className="mx-auto max-w-5xl px-4 py-8">
      <nav aria-label="Fil d’Ariane" className="text-sm">
        <ol className="flex flex-wrap gap-x-2 text-muted">
          {breadcrumb.map((item) => (
            <li key={item.href} className="after:ml-2 after:content-['›'] last:after:content-none">
              <Link href={item.href}>{item.label}</Link>
            </li>
          ))}
        </ol>
      </nav>
      <h1 className="mt-3 text-3xl font-bold">{title}</h1>
      {intro ? <div className="mt-3 max-w-3xl text-muted">{intro}</div> : null}
      {tabs ? (
        <nav aria-label={tabs.label} className="mt-6 border-b border-line">
          <ul className="-mb-px flex flex-wrap gap-x-1">
            {tabs.items.map((item) => {
              const current = item.href === tabs.current
              return (
                <li key={item.href}>
                  <Link
                    href={item.href}
                    aria-current={current ? 'page' : undefined}
                    className={`inline-block border-b-4 px-3 py-2 no-underline ${
                      current
                        ? 'border-accent font-semibold text-ink'
                        : 'border-transparent text-accent hover:border-line'
                    }`}
                  >
                    {item.label}
                  </Link>
                </li>
              )
            })}
          </ul>
        </nav>
      ) : null}
      <div className="mt-8">{children}</div>
    </div>
  )
}
