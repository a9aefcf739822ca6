import { type Control, useWatch } from 'react-hook-form'
import type { IdmTranslation } from '../../i18n/useIdmTranslation.js'
import { part } from '../shared/classNames.js'
import { checkPasswordRules, type PasswordPolicy } from './passwordRules.js'

/**
 * The live list of password rules. It watches the field itself, so typing re-renders this list
 * and nothing above it.
 */
export function PasswordChecklist({
  control,
  policy,
  username,
  t,
  id,
}: {
  control: Control<{ newPassword: string; confirmPassword: string }>
  policy: Required<PasswordPolicy>
  username: string
  t: IdmTranslation['t']
  id: string
}) {
  const password = useWatch({ control, name: 'newPassword' })
  const results = checkPasswordRules(password ?? '', policy, username)
  if (results.length === 0) return null
  return (
    <div className={part('rules')} id={id}>
      <p className={part('rules-title')}>{t('passwordExpired.rulesTitle')}</p>
      <ul className={part('rule-list')}>
        {results.map(({ rule, isMet }) => (
          <li key={rule} className={part('rule')} data-state={isMet ? 'met' : 'unmet'}>
            <span aria-hidden="true" className={part('rule-icon')}>
              {isMet ? '✓' : '•'}
            </span>{' '}
            {t(`passwordExpired.rules.${rule}`, { count: policy.minLength })}
            <span className={part('visually-hidden')}>
              {` (${t(isMet ? 'passwordExpired.ruleMet' : 'passwordExpired.ruleNotMet')})`}
            </span>
          </li>
        ))}
      </ul>
    </div>
  )
}
