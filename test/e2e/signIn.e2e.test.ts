import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  DEMO_PASSWORD,
  type DemoHarness,
  LOGIN_PATH,
  openDemo,
  STEP_TIMEOUT,
  startDemo,
} from './demoHarness.js'

let harness: DemoHarness

beforeAll(async () => {
  harness = await startDemo()
})

afterAll(async () => {
  await harness?.close()
})

describe('given the demo page and the emulator', () => {
  it('signs in, shows the token type and expiry, never the token, and starts over', async () => {
    const demo = await openDemo(harness, 'sign-in')
    const { page } = demo
    await demo.check('credentials')

    const answer = page.waitForResponse((response) => response.url().endsWith(LOGIN_PATH), {
      timeout: STEP_TIMEOUT,
    })
    await demo.signIn('demo', DEMO_PASSWORD)
    const token = ((await (await answer).json()) as { access_token: string }).access_token
    const signedIn = demo.heading('You are signed in')
    await signedIn.waitFor()
    await demo.waitForFocus(signedIn)

    const [type, expiry] = await page.getByRole('definition').allTextContents()
    expect(type).toBe('bearer')
    expect(expiry).toMatch(/^\w+ \d+, \d{4} at .+ \(in 365 days\)$/)
    const visible = await page.content()
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }))
    expect(visible).not.toContain(token)
    expect(stored).not.toContain(token)
    await demo.check('signed-in')

    await page.getByRole('button', { name: 'Sign in again' }).click()
    await demo.heading('Sign in').waitFor()
    await demo.close()
  })

  it('sends the login to its own /api/login with no client id or secret', async () => {
    const demo = await openDemo(harness, 'proxy')
    await demo.signIn('demo', DEMO_PASSWORD)
    await demo.heading('You are signed in').waitFor()

    const bodies = demo.loginBodies()
    expect(bodies).toHaveLength(1)
    const [body] = bodies
    expect(body?.get('username')).toBe('demo')
    expect(body?.get('password')).toBe(DEMO_PASSWORD)
    expect(body?.has('client_id'), 'client_id in the body').toBe(false)
    expect(body?.has('client_secret'), 'client_secret in the body').toBe(false)
    await demo.close()
  })

  it('says a wrong password is wrong, keeps the username, and accepts the right one', async () => {
    const demo = await openDemo(harness, 'wrong-password')
    const { page } = demo
    await demo.signIn('demo', 'not-the-password')

    await page.getByRole('alert').filter({ hasText: 'The password is not correct.' }).waitFor()
    const password = page.getByLabel('Password', { exact: true })
    await demo.waitForFocus(password)
    expect(await password.inputValue()).toBe('')
    expect(await page.getByLabel('Username or e-mail').inputValue()).toBe('demo')
    await demo.check('password-wrong')

    await password.fill(DEMO_PASSWORD)
    await page.getByRole('button', { name: 'Sign in', exact: true }).click()
    await demo.heading('You are signed in').waitFor()
    await demo.check('signed-in')
    await demo.close()
  })

  it('asks for the stand-in captcha from the third wrong password, then signs in', async () => {
    const demo = await openDemo(harness, 'captcha')
    const { page } = demo
    const password = page.getByLabel('Password', { exact: true })
    const submit = page.getByRole('button', { name: 'Sign in', exact: true })
    await page.getByLabel('Username or e-mail').fill('demo')
    for (const attempt of [1, 2, 3]) {
      await password.fill(`wrong-${attempt}`)
      await submit.click()
      await page.locator('form[data-state="idle"]').waitFor()
      await page.getByRole('alert').filter({ hasText: 'The password is not correct.' }).waitFor()
    }
    const robot = page.getByRole('checkbox', { name: 'I am not a robot' })
    await page.getByRole('group', { name: 'Security check' }).waitFor()
    await demo.check('captcha-asked')

    await password.fill(DEMO_PASSWORD)
    await submit.click()
    await page.getByText('Complete the security check first.').waitFor()
    await demo.check('captcha-missing')

    // A captcha answer is good for one request: a fourth wrong password brings a fresh one.
    await robot.check()
    await password.fill('wrong-4')
    await submit.click()
    await page.locator('form[data-state="idle"]').waitFor()
    await page.getByRole('alert').filter({ hasText: 'The password is not correct.' }).waitFor()
    expect(await robot.isChecked(), 'the captcha is fresh after a failed try').toBe(false)
    await demo.check('captcha-fresh')

    await password.fill(DEMO_PASSWORD)
    await robot.check()
    await submit.click()
    await demo.heading('You are signed in').waitFor()
    await demo.close()
  })

  it('completes a login with the keyboard alone', async () => {
    const demo = await openDemo(harness, 'keyboard')
    const { page } = demo
    const username = page.getByLabel('Username or e-mail')
    const hasFocus = () => username.evaluate((element) => element === document.activeElement)
    for (let presses = 0; presses < 12 && !(await hasFocus()); presses++) {
      await page.keyboard.press('Tab')
    }
    expect(await hasFocus(), 'Tab reaches the username field').toBe(true)

    await page.keyboard.type('demo')
    await page.keyboard.press('Tab')
    await demo.waitForFocus(page.getByLabel('Password', { exact: true }))
    await page.keyboard.type(DEMO_PASSWORD)
    await page.keyboard.press('Enter')
    const signedIn = demo.heading('You are signed in')
    await demo.waitForFocus(signedIn)
    await demo.check('signed-in')

    await page.keyboard.press('Tab')
    await demo.waitForFocus(page.getByRole('button', { name: 'Sign in again' }))
    await page.keyboard.press('Enter')
    await demo.heading('Sign in').waitFor()
    await demo.close()
  })
})
