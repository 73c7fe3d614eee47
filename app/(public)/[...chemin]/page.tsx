import { notFound } from 'next/navigation'

// Unknown addresses land here rather than on Next's prerendered 404 page: rendered per request, the
// page of app/not-found.tsx then carries the CSP nonce proxy.ts gives every non-prerendered page
// (the prerendered one would have its scripts refused by that policy).
export const dynamic = 'force-dynamic'

export default function UnknownAddress(): never {
  notFound()
}
