import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/dom/**/*.test.{ts,tsx}'],
    setupFiles: ['fake-indexeddb/auto'],
    environment: 'node',
    // A few tests do real work (the starter-state generator, a 150-write sync run); on a loaded
    // 2-core machine 5 s is not always enough, and a hang still fails.
    testTimeout: 30_000,
  },
});
