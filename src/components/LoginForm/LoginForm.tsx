import { type KeyboardEvent, type ReactNode, useEffect, useRef, useState } from 'react'
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

/** Props of {@link LoginForm}. */
export interface LoginFormProps {
  /** Renders a captcha when the server asks for one (`request_captcha`). */
  renderCaptcha?: RenderCaptcha
  /** Links under the form, such as "Forgot password?" and "Help". */
  links?: ReactNode
  className?: string
}

interface CredentialsValues {
  username: string
  password: string
}

/**
 * The first step: username or e-mail, and password. Renders nothing on other steps, so it can
 * sit in any layout inside a `LoginFlowProvider`.
 */
export function LoginForm({ renderCaptcha, links, className }: LoginFormProps) {
  const { flow, t, language } = useLoginFlowContext('LoginForm')
  const { state } = flow
  const { register, handleSubmit, formState, setFocus, resetField } = useForm<CredentialsValues>({
    defaultValues: { username: state.username, password: '' },
    shouldFocusError: true,
  })
  const [isPasswordShown, setPasswordShown] = useState(false)
  const [isCapsLockOn, setCapsLockOn] = useState(false)
  const captcha = useRef<string | undefined>(undefined)
  const [isCaptchaMissing, setCaptchaMissing] = useState(false)
  useCaptchaWarning(flow.isCaptchaRequired, renderCaptcha, 'LoginForm')

  const serverError = state.step === 'credentials' ? state.error : null
  const attempt = state.step === 'credentials' ? state.attempt : 0

  useEffect(() => {
    if (!serverError) return
    // A wrong password is typed again from scratch; the username stays as typed.
    if (serverError.target === 'password') resetField('password')
    if (serverError.target === 'username' || serverError.target === 'password') {
      setFocus(serverError.target)
    }
  }, [serverError, resetField, setFocus])

  const isOnStep = state.step === 'credentials'
  useEffect(() => {
    // This form stays mounted on later steps: without this, its copy of the password would
    // outlive the step and reappear after "Use a different account".
    if (!isOnStep) resetField('password')
  }, [isOnStep, resetField])

  if (state.step !== 'credentials') return null

  const onSubmit = handleSubmit(({ username, password }) => {
    if (flow.isCaptchaRequired && !captcha.current) {
      setCaptchaMissing(true)
      return
    }
    setCaptchaMissing(false)
    flow.submitCredentials({
      username,
      password,
      ...(captcha.current ? { captcha: captcha.current } : {}),
    })
    captcha.current = undefined
  })

  const fieldError = (field: keyof CredentialsValues): string | undefined => {
    const client = formState.errors[field]?.message
    if (client) return t(client)
    return serverError?.target === field ? t(serverError.messageKey) : undefined
  }
  const onPasswordKey = (event: KeyboardEvent<HTMLInputElement>) => {
    // Only a change may set state: React can render the form once even for an equal value, and
    // this runs twice per keystroke.
    const isOn = event.getModifierState?.('CapsLock') ?? false
    if (isOn !== isCapsLockOn) setCapsLockOn(isOn)
  }
  const formError = serverError?.target === 'form' ? serverError : null

  return (
    <Step
      step="credentials"
      title={t('credentials.title')}
      description={t('credentials.description')}
      className={className}
    >
      <StepForm isBusy={flow.isSubmitting} onSubmit={onSubmit}>
        {formError ? (
          <Alert announceKey={attempt}>
            {t(formError.messageKey, { code: shownCode(formError.code) })}
          </Alert>
        ) : null}
        <TextField
          label={t('credentials.username')}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          dir="auto"
          error={fieldError('username')}
          announceKey={attempt}
          {...register('username', { required: 'errors.STS_0005' })}
        />
        <TextField
          label={t('credentials.password')}
          type={isPasswordShown ? 'text' : 'password'}
          autoComplete="current-password"
          error={fieldError('password')}
          announceKey={attempt}
          hint={isCapsLockOn ? t('credentials.capsLockOn') : undefined}
          onKeyUp={onPasswordKey}
          onKeyDown={onPasswordKey}
          adornment={
            <button
              type="button"
              className={part('toggle')}
              aria-pressed={isPasswordShown}
              onClick={() => setPasswordShown((shown) => !shown)}
            >
              {t(isPasswordShown ? 'credentials.hidePassword' : 'credentials.showPassword')}
            </button>
          }
          {...register('password', { required: 'errors.STS_0006' })}
        />
        {flow.isCaptchaRequired && renderCaptcha ? (
          // A captcha answer is good for one request only: each attempt mounts a fresh one.
          <CaptchaSlot key={attempt} label={t('captcha.label')}>
            {renderCaptcha({
              language,
              onChange: (value) => {
                captcha.current = value
                if (value) setCaptchaMissing(false)
              },
            })}
          </CaptchaSlot>
        ) : null}
        {isCaptchaMissing ? <Alert>{t('captcha.required')}</Alert> : null}
        <Button variant="primary" isDisabled={flow.isSubmitting}>
          {t(flow.isSubmitting ? 'credentials.submitting' : 'credentials.submit')}
        </Button>
      </StepForm>
      {links ? <div className={part('links')}>{links}</div> : null}
    </Step>
  )
}
