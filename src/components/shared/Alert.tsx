import type { ReactNode } from 'react'
import { cx, part } from './classNames.js'

/**
 * An error that screen readers announce. `announceKey` changes with every attempt: the element
 * is mounted anew, so the same error after a second try is announced again.
 */
export function Alert({
  id,
  announceKey,
  tone = 'error',
  children,
}: {
  id?: string
  announceKey?: string | number
  tone?: 'error' | 'info'
  children: ReactNode
}) {
  return (
    <p
      key={announceKey}
      id={id}
      role={tone === 'error' ? 'alert' : 'status'}
      className={cx(part('message'), part(tone === 'error' ? 'message--error' : 'message--info'))}
      data-tone={tone}
    >
      {children}
    </p>
  )
}
