import Image from 'next/image'

/**
 * The header mark: public/logo.svg, our « cnam » wordmark, or the centre's official logo put in its
 * place (README, « Logo »). The name written beside it is the link's text, so the image is
 * decorative; its height is fixed here and its width follows the file.
 */
export function SiteLogo({ className = 'h-10' }: { className?: string }) {
  return (
    <Image
      src="/logo.svg"
      alt=""
      width={100}
      height={40}
      unoptimized
      priority
      className={`${className} w-auto`}
    />
  )
}
