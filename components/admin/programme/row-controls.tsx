'use client'

/**
 * Moves a row of a list up or down, or removes it. Each button names its row, so that a screen
 * reader user hears "Monter Curriculum vitae" rather than a dozen identical "Monter".
 */
export function RowControls({
  index,
  count,
  name,
  onMove,
  onRemove,
  removeLabel = 'Retirer',
}: {
  index: number
  count: number
  name: string
  onMove: (from: number, to: number) => void
  onRemove?: () => void
  removeLabel?: string
}) {
  const button =
    'inline-flex min-h-11 items-center gap-1 rounded-md border border-line bg-white px-3 text-sm font-medium hover:bg-surface disabled:cursor-not-allowed disabled:opacity-50'
  return (
    <div className="flex flex-wrap gap-2">
      <button
        type="button"
        className={button}
        disabled={index === 0}
        onClick={() => onMove(index, index - 1)}
      >
        <span aria-hidden="true">↑</span> Monter<span className="sr-only"> {name}</span>
      </button>
      <button
        type="button"
        className={button}
        disabled={index === count - 1}
        onClick={() => onMove(index, index + 1)}
      >
        <span aria-hidden="true">↓</span> Descendre<span className="sr-only"> {name}</span>
      </button>
      {onRemove ? (
        <button type="button" className={`${button} text-danger`} onClick={onRemove}>
          {removeLabel}
          <span className="sr-only"> {name}</span>
        </button>
      ) : null}
    </div>
  )
}
