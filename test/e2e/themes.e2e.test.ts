import { afterAll, beforeAll, describe, it } from 'vitest'
import { DEMO_PASSWORD, type DemoHarness, openDemo, startDemo } from './demoHarness.js'

let harness: DemoHarness

beforeAll(async () => {
  harness = await startDemo()
})

afterAll(async () => {
  await harness?.close()
})

describe.each([
  { theme: 'light', label: 'Light' },
  { theme: 'dark', label: 'Dark' },
  { theme: 'product', label: 'Product theme (Acme Bank)' },
])('given the $label theme chosen on the page', ({ theme, label }) => {
  it('passes axe, colour contrast included, on every step of a two-factor login', async () => {
    const demo = await openDemo(harness, `theme-${theme}`)
    const { page } = demo
    // An explicit theme ignores the system setting, so the system's opposite is the harder case.
    const schemes = theme === 'light' ? (['dark'] as const) : (['light'] as const)
    await page.getByLabel('Theme').selectOption({ label })
    await page
      .locator('.demo')
      .and(page.locator(`[data-theme="${theme}"]`))
      .waitFor()
    await demo.check('credentials', schemes)

    await demo.signIn('mfa', 'not-the-password')
    await page.getByRole('alert').filter({ hasText: 'The password is not correct.' }).waitFor()
    await demo.check('password-wrong', schemes)

    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD)
    await page.getByRole('button', { name: 'Sign in', exact: true }).click()
    const pin = page.getByRole('textbox', { name: 'Verification code' })
    await pin.fill('000000')
    await page.getByRole('button', { name: 'Verify', exact: true }).click()
    await page.getByRole('alert').filter({ hasText: 'That code is not correct.' }).waitFor()
    await demo.check('pin-wrong', schemes)

    await pin.fill('123456')
    await page.getByRole('button', { name: 'Verify', exact: true }).click()
    await demo.heading('You are signed in').waitFor()
    await demo.check('signed-in', schemes)
    await demo.close()
  })
})
