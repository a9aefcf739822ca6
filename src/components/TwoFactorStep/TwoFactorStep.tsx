import { useEffect, useRef, useState } from 'react'
import { useForm } from 'react-hook-form'
import { useLoginFlowContext } from '../../react/LoginFlowProvider.js'
import { Alert } from '../shared/Alert.js'
import { CaptchaSlot, type RenderCaptcha, useCaptchaWarning } from '../shared/CaptchaSlot.js'
import { Button } from '../shared/Button.js'
import { part } from '../shared/classNames.js'
import { shownCode } from '../shared/shownCode.js'
import { Step } from '../shared/Step.js'
import { StepForm } from '../shared/StepForm.js'
import { TextField } from '../shared/TextField.js'

/** Props of {@link TwoFactorStep}. */
export interface TwoFactorStepProps {
  /**
   * How many digits the PIN has.
   * @default 6
   */
  pinLength?: number
  /**
   * Seconds before "Send a new code" can be used again; it starts when the step appears.
   * @default 30
   */
  resendCooldownSeconds?: number
  /** Renders a captcha when the server asks for one. */
  renderCaptcha?: RenderCaptcha
  className?: string
}

/** Counts down once a second from `seconds`, starting over whenever `restartKey` changes. */
function useCooldown(seconds: number, restartKey: unknown): number {
  const trigger = `${seconds}:${String(restartKey)}`
  const [countdown, setCountdown] = useState({ trigger, left: seconds })
  // Starting over is derived from the props, so it happens during render, not in an effect.
  if (countdown.trigger !== trigger) setCountdown({ trigger, left: seconds })

  useEffect(() => {
    if (seconds <= 0) return
    const timer = setInterval(() => {
      setCountdown((current) => {
        // A tick from a countdown that has since started over must not touch the new one.
        if (current.trigger !== trigger) return current
        if (current.left <= 1) clearInterval(timer)
        return { trigger, left: Math.max(0, current.left - 1) }
      })
    }, 1000)
    return () => clearInterval(timer)
  }, [seconds, trigger])
  return countdown.trigger === trigger ? countdown.left : seconds
}

/**
 * The second step: the PIN the IDM sent by SMS (STS_0011). A wrong PIN (STS_0013) keeps the user
 * here; a failed SMS (STS_0014) offers to send it again. Renders nothing on other steps.
 */
export function TwoFactorStep({
  pinLength = 6,
  resendCooldownSeconds = 30,
  renderCaptcha,
  className,
}: TwoFactorStepProps) {
  const { flow, t, language } = useLoginFlowContext('TwoFactorStep')
  const { state } = flow
  const { register, handleSubmit, formState, setFocus, resetField } = useForm<{ pin: string }>({
    defaultValues: { pin: '' },
  })
  const captcha = useRef<string | undefined>(undefined)
  const [isCaptchaMissing, setCaptchaMissing] = useState(false)
  useCaptchaWarning(flow.isCaptchaRequired, renderCaptcha, 'TwoFactorStep')
  const onTwoFactor = state.step === 'twoFactor'
  const notice = onTwoFactor ? state.notice : null
  const attempt = onTwoFactor ? state.attempt : 0
  const serverError = onTwoFactor ? state.error : null
  // A fresh SMS (the step appearing, or a resend) restarts the wait before the next one.
  // No countdown while another step is shown: its ticks would re-render this hidden step.
  const cooldown = useCooldown(
    !onTwoFactor || serverError?.code === 'STS_0014' ? 0 : resendCooldownSeconds,
    notice === 'resent' ? attempt : notice,
  )

  useEffect(() => {
    // This form stays mounted on other steps: a typed PIN must not wait in it for the next login.
    if (!onTwoFactor) resetField('pin')
  }, [onTwoFactor, resetField])

  useEffect(() => {
    if (serverError?.target !== 'pin') return
    resetField('pin')
    setFocus('pin')
  }, [serverError, resetField, setFocus])

  if (!onTwoFactor) return null

  const withCaptcha = () => (captcha.current ? { captcha: captcha.current } : {})
  const onSubmit = handleSubmit(({ pin }) => {
    setCaptchaMissing(!flow.submitPin({ pin, ...withCaptcha() }) && flow.isCaptchaRequired)
    captcha.current = undefined
  })
  const onResend = () => {
    if (!canResend) return
    setCaptchaMissing(!flow.resendPin(withCaptcha()) && flow.isCaptchaRequired)
  }
  const clientError = formState.errors.pin?.message
  const pinError = clientError
    ? t(clientError, { length: pinLength })
    : serverError?.target === 'pin'
      ? t(serverError.messageKey)
      : undefined
  const canResend = cooldown === 0 && !flow.isSubmitting

  return (
    <Step
      step="twoFactor"
      title={t('twoFactor.title')}
      description={t('twoFactor.description', { length: pinLength })}
      className={className}
    >
      <StepForm isBusy={flow.isSubmitting} onSubmit={onSubmit}>
        {notice === 'resent' ? (
          <Alert tone="info" announceKey={attempt}>
            {t('twoFactor.resent')}
          </Alert>
        ) : null}
        {serverError && serverError.target !== 'pin' ? (
          <Alert announceKey={attempt}>
            {t(serverError.messageKey, { code: shownCode(serverError.code) })}
          </Alert>
        ) : null}
        <TextField
          label={t('twoFactor.pin')}
          hint={t('twoFactor.pinHint', { length: pinLength })}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={pinLength}
          error={pinError}
          announceKey={attempt}
          {...register('pin', {
            required: 'twoFactor.pinRequired',
            pattern: { value: new RegExp(`^\\d{${pinLength}}$`), message: 'twoFactor.pinInvalid' },
          })}
        />
        {flow.isCaptchaRequired && renderCaptcha ? (
          // A captcha answer is good for one request only: each attempt mounts a fresh one.
          <CaptchaSlot key={attempt} label={t('captcha.label')}>
            {renderCaptcha({ language, onChange: (value) => (captcha.current = value) })}
          </CaptchaSlot>
        ) : null}
        {isCaptchaMissing ? <Alert>{t('captcha.required')}</Alert> : null}
        <Button variant="primary" isDisabled={flow.isSubmitting}>
          {t(
            flow.state.step === 'twoFactor' && state.pending === 'pin'
              ? 'twoFactor.submitting'
              : 'twoFactor.submit',
          )}
        </Button>
        <div className={part('actions')}>
          <Button variant="secondary" isDisabled={!canResend} onClick={onResend}>
            {flow.isResending
              ? t('twoFactor.resending')
              : cooldown > 0
                ? t('twoFactor.resendIn', { seconds: cooldown })
                : t('twoFactor.resend')}
          </Button>
          <Button variant="link" onClick={flow.restart}>
            {t('twoFactor.back')}
          </Button>
        </div>
      </StepForm>
    </Step>
  )
}
