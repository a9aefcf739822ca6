import type { StoryContext } from '@storybook/react-vite'
import { expect, within } from 'storybook/test'
import en from '../../locales/en/idmLogin.json'
import type { LoginStep } from '../../src/core/loginMachine.js'
import { RESULT_CODES, type ResultCode } from '../../src/core/resultCodes.js'
import { DEMO_PASSWORD } from '../../src/testing/index.js'
import { lookOf } from './look.js'
import { loadMessages } from './messages.js'
import { expectStep, signIn } from './play.js'
import { SHOWS_CODE_MESSAGE, stepAfter } from './resultCodeOutcome.js'

/** The heading each step shows. */
const STEP_TITLE: Record<LoginStep, string> = {
  credentials: 'credentials.title',
  twoFactor: 'twoFactor.title',
  passwordExpired: 'passwordExpired.title',
  twoFactorSetup: 'twoFactorSetup.title',
  stopped: 'stopped.title',
  misconfigured: 'misconfigured.title',
  signedIn: 'signedIn.title',
}

/** What a code does, in words, for the story's description on the docs page. */
function describeCode(code: ResultCode): string {
  const { kind } = RESULT_CODES[code]
  const step = stepAfter(code)
  const shown = SHOWS_CODE_MESSAGE[kind]
    ? `shows: “${en.errors[code]}”`
    : `shows its own title: “${lookUpEnglish(STEP_TITLE[step])}”`
  const answer = `The emulator answers user \`${code}\` with **${code}** (\`${kind}\`)`
  return `${answer}: the flow goes to the \`${step}\` step, which ${shown}`
}

function lookUpEnglish(key: string): string {
  const [group = '', name = ''] = key.split('.')
  return (en as unknown as Record<string, Record<string, string>>)[group]?.[name] ?? key
}

/**
 * The story of one code: the flow opens with the user named after the code, and the play
 * function signs in, then checks the step it reached and the message shown there.
 */
export function resultCodeStory(code: ResultCode) {
  const { kind } = RESULT_CODES[code]
  const step = stepAfter(code)
  return {
    args: { defaultUsername: code },
    parameters: { resultCode: code, docs: { description: { story: describeCode(code) } } },
    play: async ({ canvasElement, globals }: StoryContext) => {
      const m = await loadMessages(lookOf(globals).locale)
      const canvas = within(canvasElement)
      await signIn(canvasElement, m, { password: DEMO_PASSWORD })
      await expectStep(canvasElement, step)
      await expect(await canvas.findByRole('heading', { name: m(STEP_TITLE[step]) })).toBeVisible()
      if (SHOWS_CODE_MESSAGE[kind]) {
        await expect(await canvas.findByText(m(`errors.${code}`))).toBeVisible()
      }
    },
  }
}
