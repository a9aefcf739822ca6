import type { ReactNode } from 'react'
import { useLoginFlowContext } from '../../react/LoginFlowProvider.js'
import { Button } from '../shared/Button.js'
import { part } from '../shared/classNames.js'
import { Step } from '../shared/Step.js'

/** Props of {@link StoppedStep}. */
export interface StoppedStepProps {
  /** Extra content, such as how to reach the help desk. */
  children?: ReactNode
  className?: string
}

/**
 * The calm end of a login that no retry can fix: an account state (inactive, locked, activation
 * needed, no licence, an impersonation or update error), or a configuration error. Each code has
 * its own message; configuration errors show users one general message.
 */
export function StoppedStep({ children, className }: StoppedStepProps) {
  const { flow, t } = useLoginFlowContext('StoppedStep')
  const { state } = flow
  if (state.step !== 'stopped' && state.step !== 'misconfigured') return null
  const isConfiguration = state.step === 'misconfigured'
  return (
    <Step
      step={state.step}
      title={t(isConfiguration ? 'misconfigured.title' : 'stopped.title')}
      className={className}
    >
      <p className={part('message')} data-code={state.code}>
        {t(`errors.${state.code}`)}
      </p>
      {children ? <div className={part('content')}>{children}</div> : null}
      <Button variant="secondary" onClick={flow.restart}>
        {t(isConfiguration ? 'misconfigured.back' : 'stopped.back')}
      </Button>
    </Step>
  )
}
