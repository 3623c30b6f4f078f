import { defineConfig } from '@playwright/test';
import { CHROMIUM, CHROMIUM_ARGS } from './shared.cjs';

// The release build in dist/ served on 127.0.0.1, driven in Debian's Chromium: Playwright never downloads
// a browser here.
const PORT = Number(process.env.E2E_PORT ?? 8090);
// The built site to serve: dist/, or the sample hosting site's build (`make e2e-site`).
const DIST = process.env.E2E_DIST ?? 'dist';

export default defineConfig({
  testDir: '.',
  outputDir: 'artifacts/results',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    browserName: 'chromium',
    launchOptions: { executablePath: CHROMIUM, args: CHROMIUM_ARGS },
    trace: 'off',
    screenshot: 'only-on-failure',
  },
  webServer: {
    command: `python3 -m http.server ${PORT} --bind 127.0.0.1 --directory ../../${DIST}`,
    url: `http://127.0.0.1:${PORT}/index.html`,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'ignore',
  },
});
