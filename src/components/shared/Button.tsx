import type { ReactNode } from 'react'
import { cx, part } from './classNames.js'

/**
 * A button of the library. A busy button is `aria-disabled` rather than `disabled`, so that it
 * keeps the focus and screen readers still find it; its handler decides what a click does.
 */
export function Button({
  variant,
  isDisabled,
  onClick,
  children,
}: {
  variant: 'primary' | 'secondary' | 'link'
  isDisabled?: boolean
  /** Without one, the button submits its form. */
  onClick?: () => void
  children: ReactNode
}) {
  return (
    <button
      type={onClick ? 'button' : 'submit'}
      className={cx(part('button'), part(`button--${variant}`))}
      aria-disabled={isDisabled || undefined}
      onClick={onClick}
    >
      {children}
    </button>
  )
}
