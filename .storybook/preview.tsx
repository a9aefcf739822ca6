import addonA11y from '@storybook/addon-a11y'
import addonDocs from '@storybook/addon-docs'
import { definePreview } from '@storybook/react-vite'
import addonMsw from 'msw-storybook-addon'
import '../src/styles/idm-login.css'
import '../stories/themes/product.css'
import './preview.css'
import { startStoryWorker, storyEmulator } from '../stories/support/idm.js'
import { LOCALES, localeTitle, lookOf } from '../stories/support/look.js'

export default definePreview({
  // addonMsw starts the service worker before the first story; see stories/support/idm.ts.
  addons: [addonDocs(), addonA11y(), addonMsw(startStoryWorker)],
  tags: ['autodocs'],
  globalTypes: {
    locale: {
      description: 'The language of the messages',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: LOCALES.map((locale) => ({ value: locale, title: localeTitle(locale) })),
        dynamicTitle: true,
      },
    },
    theme: {
      description: 'The default light or dark scheme, or a product theme',
      toolbar: {
        title: 'Theme',
        icon: 'paintbrush',
        items: [
          { value: 'light', title: 'Light', icon: 'sun' },
          { value: 'dark', title: 'Dark', icon: 'moon' },
          { value: 'product', title: 'Product (stories/themes/product.css)', icon: 'paintbrush' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: 'en', theme: 'light' },
  parameters: {
    layout: 'fullscreen',
    // An accessibility violation fails the story, in the test panel and in `vitest`.
    a11y: { test: 'error' },
    controls: { expanded: true, sort: 'requiredFirst' },
    options: {
      storySort: {
        order: [
          'Guide',
          'Components',
          [
            'LoginFlow',
            'LoginForm',
            'TwoFactorStep',
            'PasswordExpired',
            'TwoFactorSetupStep',
            'StoppedStep',
          ],
          'Result codes',
        ],
      },
    },
  },
  decorators: [
    (Story, { globals }) => {
      const { theme } = lookOf(globals)
      return (
        <div
          className={theme === 'product' ? 'sb-stage acme-theme' : 'sb-stage'}
          data-theme={theme}
        >
          <Story />
        </div>
      )
    },
  ],
  beforeEach() {
    // Every story starts from the emulator's first state: no lock, no changed password.
    storyEmulator.reset()
  },
})
