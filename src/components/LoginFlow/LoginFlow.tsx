import i18next from 'i18next'
import type { ReactNode } from 'react'
import type { CheckPassword } from '../../core/createIdmPasswordCheck.js'
import {
  LoginFlowProvider,
  type LoginFlowProviderProps,
  useLoginFlowContext,
} from '../../react/LoginFlowProvider.js'
import type { UseLoginFlowResult } from '../../react/useLoginFlow.js'
import { LoginForm } from '../LoginForm/LoginForm.js'
import { StoppedStep } from '../OtherSteps/StoppedStep.js'
import { TwoFactorSetupStep } from '../OtherSteps/TwoFactorSetupStep.js'
import { PasswordExpired } from '../PasswordExpired/PasswordExpired.js'
import type { PasswordPolicy } from '../PasswordExpired/passwordRules.js'
import type { RenderCaptcha } from '../shared/CaptchaSlot.js'
import { cx, part } from '../shared/classNames.js'
import { Step } from '../shared/Step.js'
import { TwoFactorStep } from '../TwoFactorStep/TwoFactorStep.js'

/** Props of {@link LoginFlow}: the flow's options, the messages, and the look. */
export interface LoginFlowProps extends Omit<LoginFlowProviderProps, 'children'> {
  /** Above every step, such as a logo. */
  header?: ReactNode
  /** Below every step. */
  footer?: ReactNode
  /** Under the sign-in form, such as "Forgot password?" and "Help" links. */
  links?: ReactNode
  /** Renders a captcha when the server asks for one; its value goes out with the next request. */
  renderCaptcha?: RenderCaptcha
  /** @default 6 */
  pinLength?: number
  /** @default 30 */
  resendCooldownSeconds?: number
  passwordPolicy?: PasswordPolicy
  checkPassword?: CheckPassword
  /** Shown on the two-factor-setup step (STS_0012): a link to where it is set up. */
  twoFactorSetup?: ReactNode
  /** Shown on the stop screens, such as how to reach the help desk. */
  support?: ReactNode
  /** Replaces the signed-in confirmation; the app usually navigates away in `onSuccess`. */
  renderSignedIn?: (flow: UseLoginFlowResult) => ReactNode
  /**
   * `'light'`, `'dark'`, or `'auto'` to follow the system setting.
   * @default 'auto'
   */
  colorScheme?: 'light' | 'dark' | 'auto'
  /** Drops the library's root class, so the default stylesheet styles nothing. */
  unstyled?: boolean
  className?: string
}

/**
 * The whole login: credentials, then whatever the server asks for (a PIN, a new password, a
 * setup), until the user is signed in or stopped. Works with no setup; uses the app's
 * QueryClient and i18next instance when there are any.
 *
 * @example
 * <LoginFlow idm={{ baseUrl: 'https://idm.example.com', clientId: 'web' }} onSuccess={save} />
 */
export function LoginFlow(props: LoginFlowProps) {
  const {
    header,
    footer,
    links,
    renderCaptcha,
    pinLength,
    resendCooldownSeconds,
    passwordPolicy,
    checkPassword,
    twoFactorSetup,
    support,
    renderSignedIn,
    colorScheme = 'auto',
    unstyled = false,
    className,
    ...providerProps
  } = props
  return (
    <LoginFlowProvider {...providerProps}>
      <FlowRoot colorScheme={colorScheme} unstyled={unstyled} className={className}>
        {header ? <div className={part('header')}>{header}</div> : null}
        <LoginForm links={links} {...(renderCaptcha ? { renderCaptcha } : {})} />
        <TwoFactorStep
          {...(pinLength === undefined ? {} : { pinLength })}
          {...(resendCooldownSeconds === undefined ? {} : { resendCooldownSeconds })}
          {...(renderCaptcha ? { renderCaptcha } : {})}
        />
        <PasswordExpired
          {...(passwordPolicy ? { passwordPolicy } : {})}
          {...(checkPassword ? { checkPassword } : {})}
        />
        <TwoFactorSetupStep>{twoFactorSetup}</TwoFactorSetupStep>
        <StoppedStep>{support}</StoppedStep>
        <SignedIn render={renderSignedIn} />
        {footer ? <div className={part('footer')}>{footer}</div> : null}
      </FlowRoot>
    </LoginFlowProvider>
  )
}

function FlowRoot({
  colorScheme,
  unstyled,
  className,
  children,
}: {
  colorScheme: 'light' | 'dark' | 'auto'
  unstyled: boolean
  className: string | undefined
  children: ReactNode
}) {
  const { flow, language, isReady } = useLoginFlowContext('LoginFlow')
  return (
    <div
      className={cx(!unstyled && part(), className)}
      data-step={flow.step}
      data-color-scheme={colorScheme}
      lang={language}
      // i18next knows which languages are written right to left; the stylesheet mirrors with it.
      dir={i18next.dir(language)}
      aria-busy={!isReady || undefined}
    >
      {isReady ? children : null}
    </div>
  )
}

function SignedIn({ render }: { render: LoginFlowProps['renderSignedIn'] }) {
  const { flow, t } = useLoginFlowContext('LoginFlow')
  if (flow.step !== 'signedIn') return null
  if (render) return <>{render(flow)}</>
  return <Step step="signedIn" title={t('signedIn.title')} />
}
