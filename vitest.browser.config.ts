import { defineConfig } from 'vitest/config'

// Browser tests: the built console in Debian Chromium, driven by playwright-core. Build first: npm run build:web.
export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    pool: 'forks',
    maxWorkers: 1,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
})
