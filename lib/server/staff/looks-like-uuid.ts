import 'server-only'

/** Ids of our rows are UUIDs: anything else is not worth a query (and would fail a ::uuid cast). */
export function looksLikeUuid(value: string | null | undefined): value is string {
  return (
    typeof value === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)
  )
}
