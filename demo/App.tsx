import { useState } from 'react'
import {
  createIdmPasswordCheck,
  LoginFlow,
  type LoginFlowProps,
  type PasswordPolicy,
  type RenderCaptcha,
} from '../src/index.js'
import '../src/styles/idm-login.css'
import { createEmulatorChangePassword } from '../src/testing/createEmulatorChangePassword.js'
import { AccountsTable } from './AccountsTable.js'
import { DemoCaptcha } from './DemoCaptcha.js'
import { DEMO_LOGIN_PATH, DEMO_PASSWORD_CHECK_PATH } from './demoPaths.js'
import { DEMO_TEXT, type DemoLanguage } from './demoText.js'
import './demo.css'
import { SignedInPanel, summariseToken, type TokenSummary } from './SignedInPanel.js'
import { type DemoTheme, SettingsPanel } from './SettingsPanel.js'

const { server } = __DEMO_IDM__
const isEmulator = server === null

// Both calls go to this page's own server, which adds the client id and secret: the page has
// neither (demoServer.ts).
const idm = { url: DEMO_LOGIN_PATH }
const checkPassword = createIdmPasswordCheck({ path: DEMO_PASSWORD_CHECK_PATH })
// The real IDM's password change is not public: against a real server this call fails, and the
// step says so. An app wires its own backend in here.
// TODO: against a real IDM (IDM_URL) this still calls the emulator's change endpoint and fails,
// because the IDM's own way of changing a password is not public; replace it with a call to
// your backend's endpoint once there is one.
const changePassword = createEmulatorChangePassword()
// The emulator's policy, so that the checklist shows every rule the server enforces.
const emulatorPolicy: PasswordPolicy = { special: true, noTurkishLetters: true }

const renderCaptcha: RenderCaptcha = (props) => <DemoCaptcha {...props} />

const COLOR_SCHEME: Record<DemoTheme, LoginFlowProps['colorScheme']> = {
  auto: 'auto',
  light: 'light',
  dark: 'dark',
  product: 'light',
}

/** The demo page: settings, the login card, and the emulator's accounts. */
export function App() {
  const [language, setLanguage] = useState<DemoLanguage>('en')
  const [theme, setTheme] = useState<DemoTheme>('auto')
  const [token, setToken] = useState<TokenSummary>()
  const text = DEMO_TEXT[language]

  return (
    <div className="demo" data-theme={theme}>
      <header className="demo__header">
        <h1>react-idm-login demo</h1>
        <p>
          The page posts its logins to <code>{DEMO_LOGIN_PATH}</code> on its own server, which adds
          the client id and secret and forwards them to{' '}
          {isEmulator ? (
            <>the built-in IDM emulator.</>
          ) : (
            <>
              the IDM at <code>{server}</code>.
            </>
          )}{' '}
          The page itself never holds either.
        </p>
      </header>
      <main className="demo__main">
        <SettingsPanel
          language={language}
          onLanguageChange={setLanguage}
          theme={theme}
          onThemeChange={setTheme}
        />
        <div className="demo__login">
          <LoginFlow
            idm={idm}
            locale={language}
            colorScheme={COLOR_SCHEME[theme]}
            className={theme === 'product' ? 'demo-product-theme' : undefined}
            header={theme === 'product' ? <p className="demo-brand">Acme Bank</p> : undefined}
            changePassword={changePassword}
            checkPassword={checkPassword}
            {...(isEmulator ? { passwordPolicy: emulatorPolicy } : {})}
            renderCaptcha={renderCaptcha}
            onSuccess={(answer) => setToken(summariseToken(answer))}
            renderSignedIn={(flow) => (
              <SignedInPanel flow={flow} token={token} language={language} text={text} />
            )}
            links={
              <>
                <a href="#demo-placeholder-links">{text.forgotPassword}</a>
                <a href="#demo-placeholder-links">{text.help}</a>
              </>
            }
            support={<p>{text.support}</p>}
            twoFactorSetup={<p>{text.twoFactorSetup}</p>}
          />
        </div>
        {isEmulator ? null : (
          <p className="demo-card">
            The accounts below exist only in the emulator. Use an account of your IDM instead.
          </p>
        )}
        <AccountsTable />
        <p id="demo-placeholder-links" className="demo-note">
          “Forgot password?” and “Help” are placeholders: in a real app they lead to the IDM’s
          password reset and to your help pages.
        </p>
      </main>
      <footer className="demo__footer">
        <p>
          This page keeps only the token’s type and expiry. The token, the password and the PIN are
          never shown or stored.
        </p>
      </footer>
    </div>
  )
}
