/// <reference types="vite/client" />
import { createRoot } from 'react-dom/client'
import { DEFAULT_TOKEN_PATH, LoginFlow } from '../../src/index.js'
import '../../src/styles/idm-login.css'
import { DEMO_CLIENT_ID } from '../../src/testing/demoAccounts.js'
import { PlainLoginForm } from '../floor/PlainLoginForm.js'

// The bench page: `?variant=library` shows <LoginFlow>, `?variant=floor` the hand-written form.
// Both talk to the emulator on the page's own origin.
const variant = new URLSearchParams(window.location.search).get('variant')
const container = document.getElementById('root')
if (!container) throw new Error('bench: index.html has no #root element.')

createRoot(container).render(
  variant === 'floor' ? (
    <PlainLoginForm tokenUrl={DEFAULT_TOKEN_PATH} clientId={DEMO_CLIENT_ID} />
  ) : (
    <LoginFlow idm={{ clientId: DEMO_CLIENT_ID }} locale="en" />
  ),
)
