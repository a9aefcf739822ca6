import { configureAxe } from 'vitest-axe'

/**
 * axe-core for jsdom: `color-contrast` is off because jsdom has no layout or canvas to measure
 * colours with; contrast is checked in the real browser instead.
 */
export const axe = configureAxe({ rules: { 'color-contrast': { enabled: false } } })
