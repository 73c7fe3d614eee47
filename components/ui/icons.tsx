import type { SVGProps } from 'react'

/**
 * Small inline SVG icons, decorative (aria-hidden): an emoji such as 📄 or ⚠ shows as an empty box
 * on a phone without a font that has it, and takes the text's colour badly.
 */
function Icon({ children, className = 'size-5', ...props }: SVGProps<SVGSVGElement>) {
  return (
    <svg
      viewBox="0 0 20 20"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.6}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      className={`inline-block shrink-0 ${className}`}
      {...props}
    >
      {children}
    </svg>
  )
}

export function FileIcon(props: SVGProps<SVGSVGElement>) {
  return (
    <Icon {...props}>
      <path d="M5 2.5h6.5L15.5 6.5v11h-10.5z" />
      <path d="M11.5 2.5v4h4" />
      <path d="M7.5 11h5.5M7.5 14h5.5" />
    </Icon>
  )
}

export function WarningIcon(props: SVGProps<SVGSVGElement>) {
  return (
    <Icon {...props}>
      <path d="M10 2.8 18 17H2z" />
      <path d="M10 8v4.2M10 14.6v.1" />
    </Icon>
  )
}

export function CheckIcon(props: SVGProps<SVGSVGElement>) {
  return (
    <Icon {...props}>
      <path d="m4 10.5 4 4 8-9" />
    </Icon>
  )
}

export function StarIcon(props: SVGProps<SVGSVGElement>) {
  return (
    <Icon fill="currentColor" strokeWidth={1} {...props}>
      <path d="m10 2.5 2.3 4.8 5.2.7-3.8 3.6.9 5.2L10 14.3l-4.6 2.5.9-5.2L2.5 8l5.2-.7z" />
    </Icon>
  )
}

export function ChevronIcon(props: SVGProps<SVGSVGElement>) {
  return (
    <Icon {...props}>
      <path d="m7.5 5 5 5-5 5" />
    </Icon>
  )
}
