/** The languages the demo offers; the library ships both. */
export type DemoLanguage = 'en' | 'tr'

/**
 * The demo's own words inside the login card (the slots), in the card's language. The page
 * around the card stays in English.
 */
export const DEMO_TEXT = {
  en: {
    forgotPassword: 'Forgot password?',
    help: 'Help',
    captcha: 'I am not a robot',
    captchaNote: 'Demo stand-in for a real captcha: ticking the box reports a fixed value.',
    support: 'Demo only: a real app would say here how to reach the help desk.',
    twoFactorSetup: 'Demo only: a real app would link to where two-step verification is set up.',
    signedInTitle: 'You are signed in',
    tokenType: 'Token type',
    expires: 'Expires',
    notGiven: 'not given',
    tokenHidden: 'The token itself is never shown or stored by this page.',
    signInAgain: 'Sign in again',
  },
  tr: {
    forgotPassword: 'Şifrenizi mi unuttunuz?',
    help: 'Yardım',
    captcha: 'Ben robot değilim',
    captchaNote:
      'Gerçek bir captcha yerine geçen demo: kutuyu işaretlemek sabit bir değer gönderir.',
    support: 'Yalnızca demo: gerçek bir uygulama burada yardım masasına nasıl ulaşılacağını yazar.',
    twoFactorSetup:
      'Yalnızca demo: gerçek bir uygulama burada iki adımlı doğrulamanın kurulacağı yeri gösterir.',
    signedInTitle: 'Giriş yaptınız',
    tokenType: 'Token türü',
    expires: 'Geçerlilik sonu',
    notGiven: 'belirtilmedi',
    tokenHidden: 'Bu sayfa token’ın kendisini hiçbir zaman göstermez ve saklamaz.',
    signInAgain: 'Tekrar giriş yap',
  },
} satisfies Record<DemoLanguage, Record<string, string>>

export type DemoText = (typeof DEMO_TEXT)[DemoLanguage]
