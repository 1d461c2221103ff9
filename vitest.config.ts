import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

/** Unit tests: Node by default, happy-dom per file (`// @vitest-environment happy-dom`). */
export default defineConfig({
  plugins: [WxtVitest(), preact()],
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}', '{utils,components}/**/*.test.{ts,tsx}'],
    environment: 'node',
    globalSetup: ['test/unit/global-setup.ts'],
    restoreMocks: true,
  },
});
