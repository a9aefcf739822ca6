import { useEffect, useId, useRef, useState } from 'react'
import { useForm } from 'react-hook-form'
import type { CheckPassword } from '../../core/createIdmPasswordCheck.js'
import { useLoginFlowContext } from '../../react/LoginFlowProvider.js'
import { Alert } from '../shared/Alert.js'
import { Button } from '../shared/Button.js'
import { shownCode } from '../shared/shownCode.js'
import { Step } from '../shared/Step.js'
import { StepForm } from '../shared/StepForm.js'
import { TextField } from '../shared/TextField.js'
import { PasswordChecklist } from './PasswordChecklist.js'
import { checkPasswordRules, type PasswordPolicy, resolvePolicy } from './passwordRules.js'

/** Props of {@link PasswordExpired}. */
export interface PasswordExpiredProps {
  /** The rules the checklist shows and the form enforces before it sends anything. */
  passwordPolicy?: PasswordPolicy
  /** Asks the server about the new password before the change, such as `createIdmPasswordCheck()`. */
  checkPassword?: CheckPassword
  className?: string
}

interface NewPasswordValues {
  newPassword: string
  confirmPassword: string
}

/**
 * The IDM's `PAS_` codes whose meaning is known, mapped to the checklist's rules. Any other code
 * gives the general "not accepted" message.
 */
// TODO: map the rest of the PAS_ codes (length, lower case, special character, Turkish letters,
// names, history) once the IDM publishes its list; until then only these two are certain.
const KNOWN_POLICY_CODES: Record<string, keyof PasswordPolicy> = {
  PAS_0005: 'upperCase',
  PAS_0007: 'digit',
}

/**
 * The expired-password step (STS_0009): a new password, its confirmation and a live checklist.
 * After `changePassword` succeeds, it signs in with the new password and the flow goes on.
 */
export function PasswordExpired({
  passwordPolicy,
  checkPassword,
  className,
}: PasswordExpiredProps) {
  const { flow, t } = useLoginFlowContext('PasswordExpired')
  const { state } = flow
  const policy = resolvePolicy(passwordPolicy)
  const rulesId = useId()
  const { register, handleSubmit, formState, control, getValues, reset } =
    useForm<NewPasswordValues>({ defaultValues: { newPassword: '', confirmPassword: '' } })
  const [rejectedRules, setRejectedRules] = useState<string[] | null>(null)
  const [isChecking, setChecking] = useState(false)
  const checkController = useRef<AbortController | null>(null)

  const isOnStep = state.step === 'passwordExpired'
  useEffect(() => {
    if (isOnStep) return
    // This form stays mounted on other steps: the new password (by now, perhaps the account's
    // current one) must not wait in it for the next user, and a check still on its way must not
    // go on to change the password of whoever reaches this step next.
    checkController.current?.abort()
    reset()
  }, [isOnStep, reset])
  useEffect(() => () => checkController.current?.abort(), [])

  if (state.step !== 'passwordExpired') return null
  const { username } = state

  const onSubmit = handleSubmit(async ({ newPassword }) => {
    if (isChecking || flow.isSubmitting) return
    setRejectedRules(null)
    if (checkPassword) {
      checkController.current?.abort()
      const controller = new AbortController()
      checkController.current = controller
      setChecking(true)
      const result = await checkPassword(newPassword, controller.signal).catch(() => ({
        ok: true,
        codes: [],
      }))
      setChecking(false)
      if (controller.signal.aborted) return
      if (!result.ok) {
        setRejectedRules(
          result.codes.map((code) => KNOWN_POLICY_CODES[code]).filter((r) => r !== undefined),
        )
        return
      }
    }
    flow.changePassword({ newPassword })
  })

  const newPasswordError = formState.errors.newPassword?.message
  const confirmError = formState.errors.confirmPassword?.message
  const serverError = state.error
  const isBusy = isChecking || flow.isSubmitting

  return (
    <Step
      step="passwordExpired"
      title={t('passwordExpired.title')}
      description={t('passwordExpired.description')}
      className={className}
    >
      <StepForm isBusy={isBusy} onSubmit={onSubmit}>
        {/* Lets password managers tie the new password to the right account. */}
        <input
          type="text"
          name="username"
          autoComplete="username"
          value={username}
          readOnly
          hidden
        />
        {serverError ? (
          <Alert announceKey={state.attempt}>
            {t(serverError.messageKey, { code: shownCode(serverError.code) })}
          </Alert>
        ) : null}
        {rejectedRules ? (
          <Alert>
            {rejectedRules.length > 0
              ? t('passwordExpired.serverRejected', {
                  reasons: rejectedRules
                    .map((rule) => t(`passwordExpired.rules.${rule}`, { count: policy.minLength }))
                    .join(', '),
                })
              : t('passwordExpired.serverRejectedAny')}
          </Alert>
        ) : null}
        <TextField
          label={t('passwordExpired.newPassword')}
          type="password"
          autoComplete="new-password"
          error={newPasswordError ? t(newPasswordError) : undefined}
          // Only point at the checklist when there is one: a policy may switch every rule off.
          aria-describedby={
            checkPasswordRules('', policy, username).length > 0 ? rulesId : undefined
          }
          {...register('newPassword', {
            required: 'passwordExpired.required',
            validate: (value) =>
              checkPasswordRules(value, policy, username).every((r) => r.isMet) ||
              'passwordExpired.rulesNotMet',
          })}
        />
        <PasswordChecklist
          control={control}
          policy={policy}
          username={username}
          t={t}
          id={rulesId}
        />
        <TextField
          label={t('passwordExpired.confirmPassword')}
          type="password"
          autoComplete="new-password"
          error={confirmError ? t(confirmError) : undefined}
          {...register('confirmPassword', {
            validate: (value) => value === getValues('newPassword') || 'passwordExpired.mismatch',
          })}
        />
        {isChecking ? <Alert tone="info">{t('passwordExpired.checking')}</Alert> : null}
        <Button variant="primary" isDisabled={isBusy || !flow.canChangePassword}>
          {t(flow.isSubmitting ? 'passwordExpired.submitting' : 'passwordExpired.submit')}
        </Button>
        <Button variant="link" onClick={flow.restart}>
          {t('passwordExpired.back')}
        </Button>
      </StepForm>
    </Step>
  )
}
