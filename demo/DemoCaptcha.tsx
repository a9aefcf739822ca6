import { useId, useState } from 'react'
import type { CaptchaRenderProps } from '../src/index.js'
import { DEMO_TEXT, type DemoLanguage } from './demoText.js'

/** The value the stand-in reports; a real captcha widget would report its own token. */
const DEMO_CAPTCHA_VALUE = 'demo-captcha-passed'

/**
 * NOT A REAL CAPTCHA. A checkbox that stands in for one (reCAPTCHA, hCaptcha, Turnstile…), so
 * that the demo can show where a captcha goes once the server asks for it (`request_captcha`).
 */
export function DemoCaptcha({ onChange, language }: CaptchaRenderProps) {
  const text = DEMO_TEXT[language === 'tr' ? 'tr' : ('en' satisfies DemoLanguage)]
  const [isChecked, setChecked] = useState(false)
  const noteId = useId()
  return (
    <div className="demo-captcha">
      <label className="demo-captcha__label">
        <input
          type="checkbox"
          checked={isChecked}
          aria-describedby={noteId}
          onChange={(event) => {
            setChecked(event.target.checked)
            onChange(event.target.checked ? DEMO_CAPTCHA_VALUE : undefined)
          }}
        />
        {text.captcha}
      </label>
      <p id={noteId} className="demo-captcha__note">
        {text.captchaNote}
      </p>
    </div>
  )
}
