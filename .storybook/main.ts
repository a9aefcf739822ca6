import { defineMain } from '@storybook/react-vite/node'
import type { PluginOption } from 'vite'
import { resultCodeIndexer, resultCodeStoriesPlugin } from './resultCodeStories.js'

/** Drops plugins by name, wherever Vite's nested plugin arrays hold them. */
async function withoutPlugins(
  plugins: PluginOption[],
  isDropped: (name: string) => boolean,
): Promise<PluginOption[]> {
  const kept: PluginOption[] = []
  for (const option of await Promise.all(plugins)) {
    if (Array.isArray(option)) kept.push(await withoutPlugins(option, isDropped))
    else if (!option || !('name' in option) || !isDropped(option.name)) kept.push(option)
  }
  return kept
}

export default defineMain({
  framework: '@storybook/react-vite',
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  // The MSW service worker (`npx msw init .storybook/public --no-save`), served at the root.
  staticDirs: ['./public'],
  core: { disableTelemetry: true },
  // Reads the props' JSDoc through imported and extended interfaces, for the autodocs tables.
  typescript: { reactDocgen: 'react-docgen-typescript' },
  experimental_indexers: async (indexers) => [resultCodeIndexer, ...(indexers ?? [])],
  async viteFinal(config) {
    // vite.config.ts builds the library: its declaration plugin would write .d.ts files into
    // the static Storybook (and slow every start), so it goes.
    const plugins = await withoutPlugins(config.plugins ?? [], (name) => /dts/i.test(name))
    return { ...config, plugins: [resultCodeStoriesPlugin(), ...plugins] }
  },
})
