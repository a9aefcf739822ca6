import { expect, within } from 'storybook/test'
import preview from '../../.storybook/preview.js'
import { StoppedStep } from '../../src/index.js'
import { lookOf } from '../support/look.js'
import { loadMessages } from '../support/messages.js'
import { StepStage } from '../support/StepStage.js'

const meta = preview.type<{ args: { signInAs: string } }>().meta({
  title: 'Components/StoppedStep',
  component: StoppedStep,
  args: {
    signInAs: 'locked',
    children: (
      <p>
        The help desk can help: <a href="#help-desk">contact the help desk</a>.
      </p>
    ),
  },
  argTypes: {
    children: { control: false },
  },
  render: ({ signInAs, ...props }, { globals }) => (
    <StepStage key={signInAs} look={lookOf(globals)} signInAs={signInAs}>
      <StoppedStep {...props} />
    </StepStage>
  ),
})

/** An account state no retry can fix: here a locked account (STS_0004). */
export const Locked = meta.story({
  play: async ({ canvasElement, globals }) => {
    const m = await loadMessages(lookOf(globals).locale)
    const canvas = within(canvasElement)
    await expect(await canvas.findByRole('heading', { name: m('stopped.title') })).toBeVisible()
    await expect(canvas.getByText(m('errors.STS_0004'))).toBeVisible()
  },
})

/** A configuration error (GLB_0001): users get a calm message, developers a console error. */
export const Misconfigured = meta.story({
  args: { signInAs: 'GLB_0001' },
  play: async ({ canvasElement, globals }) => {
    const m = await loadMessages(lookOf(globals).locale)
    const canvas = within(canvasElement)
    await expect(
      await canvas.findByRole('heading', { name: m('misconfigured.title') }),
    ).toBeVisible()
    await expect(canvas.getByText(m('errors.GLB_0001'))).toBeVisible()
  },
})
