import { type ReactNode, useRef } from 'react'
import { useFocusOnStepChange } from '../../react/LoginFlowProvider.js'
import { part } from './classNames.js'

/**
 * The step's title. It takes the focus when its step appears after a step change, so that
 * screen-reader and keyboard users land at the start of the new step.
 */
export function StepHeading({
  id,
  hasStepChanged,
  children,
}: {
  id: string
  hasStepChanged: boolean
  children: ReactNode
}) {
  const ref = useRef<HTMLHeadingElement>(null)
  useFocusOnStepChange(ref, hasStepChanged)
  return (
    <h2 id={id} ref={ref} tabIndex={-1} className={part('title')}>
      {children}
    </h2>
  )
}
