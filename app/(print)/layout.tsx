/** A bare layout for documents meant to be printed: no site header or footer. */
export default function PrintLayout({ children }: { children: React.ReactNode }) {
  return <div className="bg-white">{children}</div>
}
