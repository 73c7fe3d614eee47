const dateTime = new Intl.DateTimeFormat('fr-FR', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'Indian/Reunion',
})

/** "26 nov. 2026, 12:00", in La Réunion's time, for the staff area's tables. */
export function formatDateTime(date: Date): string {
  return dateTime.format(date)
}
