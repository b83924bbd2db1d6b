import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);

/** Debian's Chromium: Playwright's own browser download cannot work offline. */
export const chromiumLaunch = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
};

export default defineConfig({
  testDir: "tests/e2e",
  testMatch: "**/*.e2e.ts",
  forbidOnly: !!process.env.CI,
  retries: 0,
  // One browser at a time: the production server under test shares the two cores.
  workers: 1,
  reporter: [["list"]],
  // Drops the run's database (tests/helpers/e2e-database.ts).
  globalTeardown: "./tests/helpers/e2e-teardown.ts",
  timeout: 60_000,
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "retain-on-failure",
    launchOptions: chromiumLaunch,
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], launchOptions: chromiumLaunch } }],
  webServer: {
    // Builds and serves the production site over a database of its own (see the file).
    command: "npx tsx --expose-gc tests/helpers/e2e-server.ts",
    url: `http://127.0.0.1:${PORT}/`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: { PORT: String(PORT), NEXT_TELEMETRY_DISABLED: "1" },
  },
});
