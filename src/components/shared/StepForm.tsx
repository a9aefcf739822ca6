import type { FormEventHandler, ReactNode } from 'react'
import { part } from './classNames.js'

/**
 * A step's form. Always `method="post"`: a submit before hydration then posts the fields in the
 * body instead of putting a password in the URL.
 */
export function StepForm({
  isBusy,
  onSubmit,
  children,
}: {
  isBusy: boolean
  onSubmit: FormEventHandler<HTMLFormElement>
  children: ReactNode
}) {
  return (
    <form
      method="post"
      noValidate
      className={part('form')}
      aria-busy={isBusy}
      data-state={isBusy ? 'submitting' : 'idle'}
      onSubmit={onSubmit}
    >
      {children}
    </form>
  )
}
