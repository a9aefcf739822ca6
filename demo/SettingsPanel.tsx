import type { DemoLanguage } from './demoText.js'

/** `auto` follows the system's light or dark setting; `product` is a brand theme. */
export type DemoTheme = 'auto' | 'light' | 'dark' | 'product'

const THEMES: ReadonlyArray<{ value: DemoTheme; label: string }> = [
  { value: 'auto', label: 'System (light or dark)' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
  { value: 'product', label: 'Product theme (Acme Bank)' },
]

/** The language and theme switches. */
export function SettingsPanel({
  language,
  onLanguageChange,
  theme,
  onThemeChange,
}: {
  language: DemoLanguage
  onLanguageChange: (language: DemoLanguage) => void
  theme: DemoTheme
  onThemeChange: (theme: DemoTheme) => void
}) {
  return (
    <section className="demo-card demo-settings" aria-labelledby="demo-settings-heading">
      <h2 id="demo-settings-heading">Settings</h2>
      <div className="demo-settings__fields">
        <div className="demo-field">
          <label htmlFor="demo-language">Language</label>
          <select
            id="demo-language"
            value={language}
            onChange={(event) => onLanguageChange(event.target.value as DemoLanguage)}
          >
            <option value="en">English</option>
            <option value="tr" lang="tr">
              Türkçe
            </option>
          </select>
        </div>
        <div className="demo-field">
          <label htmlFor="demo-theme">Theme</label>
          <select
            id="demo-theme"
            value={theme}
            onChange={(event) => onThemeChange(event.target.value as DemoTheme)}
          >
            {THEMES.map(({ value, label }) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
      </div>
    </section>
  )
}
