// The public surface, listed by hand: anything not named here is internal.
export * from './core/index.js'
export {
  type CheckPassword,
  createIdmPasswordCheck,
  type IdmPasswordCheckOptions,
  type PasswordCheckResult,
} from './core/createIdmPasswordCheck.js'
export type { IdmI18nOptions, IdmTranslation } from './i18n/useIdmTranslation.js'
export {
  BUILT_IN_LOCALES,
  type LocaleSource,
  type Messages,
  NAMESPACE,
  type PartialMessages,
} from './i18n/messages.js'
export {
  type ChangePassword,
  type ChangePasswordDetails,
  type LoginErrorDetails,
  type UseLoginFlowOptions,
  type UseLoginFlowResult,
  useLoginFlow,
} from './react/useLoginFlow.js'
export {
  type LoginFlowContextValue,
  LoginFlowProvider,
  type LoginFlowProviderProps,
  useLoginFlowContext,
} from './react/LoginFlowProvider.js'
export { LoginFlow, type LoginFlowProps } from './components/LoginFlow/LoginFlow.js'
export { LoginForm, type LoginFormProps } from './components/LoginForm/LoginForm.js'
export { TwoFactorStep, type TwoFactorStepProps } from './components/TwoFactorStep/TwoFactorStep.js'
export {
  PasswordExpired,
  type PasswordExpiredProps,
} from './components/PasswordExpired/PasswordExpired.js'
export type { PasswordPolicy } from './components/PasswordExpired/passwordRules.js'
export {
  TwoFactorSetupStep,
  type TwoFactorSetupStepProps,
} from './components/OtherSteps/TwoFactorSetupStep.js'
export { StoppedStep, type StoppedStepProps } from './components/OtherSteps/StoppedStep.js'
export type { CaptchaRenderProps, RenderCaptcha } from './components/shared/CaptchaSlot.js'
