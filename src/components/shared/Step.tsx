import { type ReactNode, useId } from 'react'
import type { LoginStep } from '../../core/loginMachine.js'
import { cx, part } from './classNames.js'
import { StepHeading } from './StepHeading.js'

/** The frame of every step: a labelled region with its heading and optional description. */
export function Step({
  step,
  title,
  description,
  hasStepChanged,
  className,
  children,
}: {
  step: LoginStep
  title: string
  description?: ReactNode
  hasStepChanged: boolean
  className?: string | undefined
  children?: ReactNode
}) {
  const headingId = useId()
  return (
    <section className={cx(part('step'), className)} data-step={step} aria-labelledby={headingId}>
      <StepHeading id={headingId} hasStepChanged={hasStepChanged}>
        {title}
      </StepHeading>
      {description ? <p className={part('description')}>{description}</p> : null}
      {children}
    </section>
  )
}
