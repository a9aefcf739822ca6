import {
  createContext,
  type ReactNode,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react'
import {
  type IdmI18nOptions,
  type IdmTranslation,
  useIdmTranslation,
} from '../i18n/useIdmTranslation.js'
import { type UseLoginFlowOptions, type UseLoginFlowResult, useLoginFlow } from './useLoginFlow.js'

/** What the step components read from {@link LoginFlowProvider}. */
export interface LoginFlowContextValue extends IdmTranslation {
  flow: UseLoginFlowResult
  /** The step has changed since the flow mounted: a new step takes the focus. */
  hasStepChanged: boolean
}

const LoginFlowContext = createContext<LoginFlowContextValue | null>(null)

/** Props of {@link LoginFlowProvider}: the flow's options and the message options. */
export interface LoginFlowProviderProps extends UseLoginFlowOptions, IdmI18nOptions {
  children?: ReactNode
}

/**
 * Runs one login flow for the step components inside it, so that each can sit in the
 * integrator's own layout.
 *
 * @example
 * <LoginFlowProvider idm={{ clientId: 'web' }} onSuccess={save}>
 *   <MyCard><LoginForm /></MyCard>
 * </LoginFlowProvider>
 */
export function LoginFlowProvider({
  children,
  locale,
  locales,
  ...options
}: LoginFlowProviderProps) {
  const flow = useLoginFlow(options)
  const translation = useIdmTranslation({
    ...(locale === undefined ? {} : { locale }),
    ...(locales === undefined ? {} : { locales }),
  })
  const [firstStep] = useState(flow.step)
  const [hasStepChanged, setStepChanged] = useState(false)
  // Sticky once set: after a restart, the first step is a new step and takes the focus too.
  if (!hasStepChanged && flow.step !== firstStep) setStepChanged(true)

  const { t, language, isReady } = translation
  const value = useMemo(
    () => ({ t, language, isReady, flow, hasStepChanged }),
    [t, language, isReady, flow, hasStepChanged],
  )
  return <LoginFlowContext.Provider value={value}>{children}</LoginFlowContext.Provider>
}

/** The flow of the nearest {@link LoginFlowProvider}; throws a clear error outside one. */
export function useLoginFlowContext(component: string): LoginFlowContextValue {
  const value = useContext(LoginFlowContext)
  if (!value) {
    throw new Error(
      `[react-idm-login] <${component}> must be inside <LoginFlowProvider> or <LoginFlow>.`,
    )
  }
  return value
}

/** Focuses `ref` when the step it belongs to appears after a step change. */
export function useFocusOnStepChange(
  ref: { current: HTMLElement | null },
  hasStepChanged: boolean,
) {
  const shouldFocus = useRef(hasStepChanged)
  useEffect(() => {
    if (shouldFocus.current) ref.current?.focus()
  }, [ref])
}
