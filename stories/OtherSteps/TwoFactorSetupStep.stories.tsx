import { expect, within } from 'storybook/test'
import preview from '../../.storybook/preview.js'
import { TwoFactorSetupStep } from '../../src/index.js'
import { lookOf } from '../support/look.js'
import { loadMessages } from '../support/messages.js'
import { StepStage } from '../support/StepStage.js'

const meta = preview.meta({
  title: 'Components/TwoFactorSetupStep',
  component: TwoFactorSetupStep,
  args: {
    children: <a href="#security-settings">Open the security settings</a>,
  },
  argTypes: { children: { control: false } },
  render: (props, { globals }) => (
    <StepStage look={lookOf(globals)} signInAs="mfa-setup">
      <TwoFactorSetupStep {...props} />
    </StepStage>
  ),
})

/** STS_0012 (account `mfa-setup`): two-step verification is set up elsewhere first. */
export const SetupRequired = meta.story({
  play: async ({ canvasElement, globals }) => {
    const m = await loadMessages(lookOf(globals).locale)
    const canvas = within(canvasElement)
    await expect(
      await canvas.findByRole('heading', { name: m('twoFactorSetup.title') }),
    ).toBeVisible()
    await expect(canvas.getByRole('link', { name: 'Open the security settings' })).toBeVisible()
  },
})
