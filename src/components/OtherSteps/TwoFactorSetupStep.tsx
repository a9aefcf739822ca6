import type { ReactNode } from 'react'
import { useLoginFlowContext } from '../../react/LoginFlowProvider.js'
import { Button } from '../shared/Button.js'
import { part } from '../shared/classNames.js'
import { Step } from '../shared/Step.js'

/** Props of {@link TwoFactorSetupStep}. */
export interface TwoFactorSetupStepProps {
  /** Where users set up two-step verification, or any content that explains how. */
  children?: ReactNode
  className?: string
}

/** Shown for STS_0012: two-factor login must be set up elsewhere first. */
export function TwoFactorSetupStep({ children, className }: TwoFactorSetupStepProps) {
  const { flow, t } = useLoginFlowContext('TwoFactorSetupStep')
  if (flow.step !== 'twoFactorSetup') return null
  return (
    <Step
      step="twoFactorSetup"
      title={t('twoFactorSetup.title')}
      description={t('twoFactorSetup.description')}
      className={className}
    >
      {children ? <div className={part('content')}>{children}</div> : null}
      <Button variant="secondary" onClick={flow.restart}>
        {t('twoFactorSetup.back')}
      </Button>
    </Step>
  )
}
