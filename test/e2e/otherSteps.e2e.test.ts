import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_PASSWORD, type DemoHarness, openDemo, startDemo } from './demoHarness.js'

let harness: DemoHarness

beforeAll(async () => {
  harness = await startDemo()
})

afterAll(async () => {
  await harness?.close()
})

describe('given an account that asks for more than a password', () => {
  it('refuses a wrong two-factor PIN and signs in with 123456', async () => {
    const demo = await openDemo(harness, 'two-factor')
    const { page } = demo
    await demo.signIn('mfa', DEMO_PASSWORD)
    const title = demo.heading('Enter your verification code')
    await demo.waitForFocus(title)
    await demo.check('pin-asked')

    const pin = page.getByRole('textbox', { name: 'Verification code' })
    await pin.fill('000000')
    await page.getByRole('button', { name: 'Verify', exact: true }).click()
    await page.getByRole('alert').filter({ hasText: 'That code is not correct.' }).waitFor()
    await demo.waitForFocus(pin)
    expect(await pin.inputValue()).toBe('')
    await demo.check('pin-wrong')

    await pin.fill('123456')
    await page.getByRole('button', { name: 'Verify', exact: true }).click()
    await demo.heading('You are signed in').waitFor()
    await demo.check('signed-in')
    await demo.close()
  })

  it('changes an expired password, signs in, and then signs in with the new one', async () => {
    const demo = await openDemo(harness, 'expired')
    const { page } = demo
    const newPassword = 'Fresh.Start.2027'
    await demo.signIn('expired', DEMO_PASSWORD)
    await demo.waitForFocus(demo.heading('Choose a new password'))
    await demo.check('new-password-asked')

    const submit = page.getByRole('button', { name: 'Change password and sign in' })
    await page.getByLabel('New password', { exact: true }).fill(newPassword)
    await page.getByLabel('Repeat the new password').fill('Fresh.Start.2028')
    await submit.click()
    await page.getByText('The two passwords are not the same.').waitFor()
    await demo.check('passwords-differ')

    await page.getByLabel('Repeat the new password').fill(newPassword)
    await submit.click()
    await demo.heading('You are signed in').waitFor()
    await demo.check('signed-in')

    await page.getByRole('button', { name: 'Sign in again' }).click()
    await demo.signIn('expired', newPassword)
    await demo.heading('You are signed in').waitFor()
    await demo.close()
  })

  it('stops a locked account with a calm message and a way back', async () => {
    const demo = await openDemo(harness, 'locked')
    const { page } = demo
    await demo.signIn('locked', DEMO_PASSWORD)
    await demo.waitForFocus(demo.heading("You can't sign in right now"))
    await page.getByText('This account is locked after too many attempts.').waitFor()
    expect(await page.getByLabel('Password', { exact: true }).count()).toBe(0)
    await demo.check('stopped')

    await page.getByRole('button', { name: 'Back to sign-in' }).click()
    await demo.heading('Sign in').waitFor()
    await demo.close()
  })
})

describe('given a visitor who switches the language mid-flow', () => {
  it('keeps what was typed, shows Turkish, and goes on in Turkish', async () => {
    const demo = await openDemo(harness, 'language')
    const { page } = demo
    await page.getByLabel('Username or e-mail').fill('mfa')
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD)

    await page.getByLabel('Language').selectOption('tr')
    await demo.heading('Giriş yapın').waitFor()
    expect(await page.getByLabel('Kullanıcı adı veya e-posta').inputValue()).toBe('mfa')
    expect(await page.getByLabel('Şifre', { exact: true }).inputValue()).toBe(DEMO_PASSWORD)
    expect(await page.locator('.idm-login').getAttribute('lang')).toBe('tr')
    await page.getByRole('link', { name: 'Şifrenizi mi unuttunuz?' }).waitFor()
    await demo.check('credentials-tr')

    await page.getByRole('button', { name: 'Giriş yap', exact: true }).click()
    await demo.waitForFocus(demo.heading('Doğrulama kodunu girin'))
    await demo.check('pin-asked-tr')

    await page.getByRole('textbox', { name: 'Doğrulama kodu' }).fill('123456')
    await page.getByRole('button', { name: 'Doğrula', exact: true }).click()
    await demo.heading('Giriş yaptınız').waitFor()
    await page.getByRole('button', { name: 'Tekrar giriş yap' }).waitFor()
    await demo.check('signed-in-tr')
    await demo.close()
  })
})
