import { QueryClient, QueryClientProvider, useMutation } from '@tanstack/react-query'
import { createInstance } from 'i18next'
import { type ReactNode, useState } from 'react'
import { useForm } from 'react-hook-form'
import { I18nextProvider, useTranslation } from 'react-i18next'

/**
 * The floor of the benchmark: the login an app would write by hand with the same libraries, and
 * nothing more. Two steps (credentials, then the SMS code), one generic error, no captcha, no
 * password change, no stop screens, no focus management, no locale loading.
 */
export interface PlainLoginFormProps {
  /** The token endpoint, such as `/legacy/sts/api/oauth/token`. */
  tokenUrl: string
  clientId: string
  onSuccess?: (accessToken: string) => void
}

const MESSAGES = {
  title: 'Sign in',
  username: 'Username or e-mail',
  password: 'Password',
  submit: 'Sign in',
  submitting: 'Signing in…',
  pinTitle: 'Enter your verification code',
  pin: 'Verification code',
  verify: 'Verify',
  signedIn: 'You are signed in',
  required: 'Fill in this field.',
  failed: 'Signing in failed ({{code}}).',
}

interface Credentials {
  username: string
  password: string
  pin?: string
}

type Answer = { result_code?: string; access_token?: string }

async function requestToken(url: string, clientId: string, values: Credentials): Promise<Answer> {
  const body = new URLSearchParams({ grant_type: 'password', client_id: clientId, ...values })
  const response = await fetch(url, { method: 'POST', body })
  return (await response.json()) as Answer
}

export function PlainLoginForm(props: PlainLoginFormProps) {
  const [client] = useState(() => new QueryClient())
  const [i18n] = useState(() => {
    const instance = createInstance()
    instance.init({ lng: 'en', resources: { en: { translation: MESSAGES } }, initAsync: false })
    return instance
  })
  return (
    <QueryClientProvider client={client}>
      <I18nextProvider i18n={i18n}>
        <Steps {...props} />
      </I18nextProvider>
    </QueryClientProvider>
  )
}

function Steps({ tokenUrl, clientId, onSuccess }: PlainLoginFormProps) {
  const { t } = useTranslation()
  const [credentials, setCredentials] = useState<Credentials | null>(null)
  const [step, setStep] = useState<'credentials' | 'twoFactor' | 'signedIn'>('credentials')
  const login = useMutation({
    mutationFn: (values: Credentials) => requestToken(tokenUrl, clientId, values),
    onSuccess: (answer, values) => {
      if (answer.access_token) {
        setStep('signedIn')
        onSuccess?.(answer.access_token)
      } else if (answer.result_code === 'STS_0011') {
        setCredentials(values)
        setStep('twoFactor')
      }
    },
  })
  const code = login.data?.access_token ? undefined : login.data?.result_code
  const error = code && code !== 'STS_0011' ? <p role="alert">{t('failed', { code })}</p> : null

  if (step === 'signedIn') return <h2>{t('signedIn')}</h2>
  if (step === 'twoFactor' && credentials) {
    return <PinForm onSubmit={(pin) => login.mutate({ ...credentials, pin })} error={error} />
  }
  return (
    <section data-step="credentials">
      <h2>{t('title')}</h2>
      <CredentialsForm onSubmit={(values) => login.mutate(values)} isPending={login.isPending} />
      {error}
    </section>
  )
}

function CredentialsForm(props: { onSubmit: (values: Credentials) => void; isPending: boolean }) {
  const { t } = useTranslation()
  const { register, handleSubmit, formState } = useForm<Credentials>()
  const { errors } = formState
  return (
    <form onSubmit={handleSubmit(props.onSubmit)} noValidate>
      <label htmlFor="plain-username">{t('username')}</label>
      <input
        id="plain-username"
        autoComplete="username"
        {...register('username', { required: true })}
      />
      {errors.username ? <p role="alert">{t('required')}</p> : null}
      <label htmlFor="plain-password">{t('password')}</label>
      <input
        id="plain-password"
        type="password"
        autoComplete="current-password"
        {...register('password', { required: true })}
      />
      {errors.password ? <p role="alert">{t('required')}</p> : null}
      <button type="submit" aria-disabled={props.isPending || undefined}>
        {t(props.isPending ? 'submitting' : 'submit')}
      </button>
    </form>
  )
}

function PinForm(props: { onSubmit: (pin: string) => void; error: ReactNode }) {
  const { t } = useTranslation()
  const { register, handleSubmit } = useForm<{ pin: string }>()
  return (
    <section data-step="twoFactor">
      <h2>{t('pinTitle')}</h2>
      <form onSubmit={handleSubmit(({ pin }) => props.onSubmit(pin))} noValidate>
        <label htmlFor="plain-pin">{t('pin')}</label>
        <input id="plain-pin" inputMode="numeric" {...register('pin', { required: true })} />
        <button type="submit">{t('verify')}</button>
      </form>
      {props.error}
    </section>
  )
}
