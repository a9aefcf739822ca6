import { type ReactNode, useEffect } from 'react'
import { warnOnce } from '../../core/warn.js'
import { part } from './classNames.js'

/** What a captcha renderer receives. */
export interface CaptchaRenderProps {
  /** Report the captcha's answer; `undefined` when it expires. It goes out with the next request. */
  onChange(value: string | undefined): void
  /** The language the form is shown in, for captchas that localise themselves. */
  language: string
}

/** Renders the integrator's captcha, shown only once the server has asked for one. */
export type RenderCaptcha = (props: CaptchaRenderProps) => ReactNode

export function CaptchaSlot({ label, children }: { label: string; children: ReactNode }) {
  return (
    <fieldset className={part('captcha')}>
      <legend className={part('label')}>{label}</legend>
      {children}
    </fieldset>
  )
}

/**
 * Tells the integrator, in development, that the server wants a captcha the form cannot show:
 * without `renderCaptcha` the user can't send the next request.
 */
export function useCaptchaWarning(
  isRequired: boolean,
  renderCaptcha: RenderCaptcha | undefined,
  component: string,
) {
  const isMissing = isRequired && !renderCaptcha
  useEffect(() => {
    if (isMissing && process.env.NODE_ENV !== 'production') {
      warnOnce(
        'no-captcha',
        `<${component}>: the IDM asked for a captcha (request_captcha), but no renderCaptcha was given, so the user cannot send another request. Pass renderCaptcha to <LoginFlow> or the step.`,
      )
    }
  }, [isMissing, component])
}
