import { type ReactNode, useId } from 'react'
import type { LoginStep } from '../../core/loginMachine.js'
import { useLoginFlowContext } from '../../react/LoginFlowProvider.js'
import { cx, part } from './classNames.js'
import { StepHeading } from './StepHeading.js'

/**
 * The frame of every step: a labelled region with its heading and optional description. It
 * renders nothing until the messages have loaded, so no step ever shows raw message keys.
 */
export function Step({
  step,
  title,
  description,
  className,
  children,
}: {
  step: LoginStep
  title: string
  description?: ReactNode
  className?: string | undefined
  children?: ReactNode
}) {
  const headingId = useId()
  const { isReady, hasStepChanged } = useLoginFlowContext('Step')
  if (!isReady) return null
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
