/** A titled section of a long page, reachable from the page's table of contents by its id. */
export function Section({
  id,
  title,
  lead,
  children,
}: {
  id: string
  title: string
  lead?: React.ReactNode
  children: React.ReactNode
}) {
  return (
    <section
      id={id}
      aria-labelledby={`${id}-titre`}
      className="scroll-mt-6 border-t border-line py-10 first:border-t-0 sm:py-12"
    >
      <h2 id={`${id}-titre`} className="text-2xl font-semibold sm:text-3xl">
        {title}
      </h2>
      {lead ? <div className="mt-3 max-w-3xl text-lg text-muted">{lead}</div> : null}
      <div className="mt-6">{children}</div>
    </section>
  )
}

export function Paragraphs({ text, className }: { text: string; className?: string }) {
  return (
    <div className={className}>
      {text.split(/\n{2,}/).map((paragraph) => (
        <p key={paragraph.slice(0, 40)} className="mt-3 first:mt-0">
          {paragraph}
        </p>
      ))}
    </div>
  )
}

export function BulletList({ items }: { items: string[] }) {
  return (
    <ul className="mt-2 list-disc space-y-1 pl-6 marker:text-accent">
      {items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  )
}
