import path from "node:path";
import { defineConfig } from "vitest/config";

// Test files say which runner owns them: *.test.ts are pure units, *.int.test.ts
// run against a real database, *.e2e.ts belong to Playwright.
export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node", sequence: { groupOrder: 0 } },
      },
      {
        extends: true,
        test: {
          name: "int",
          include: ["tests/int/**/*.int.test.ts"],
          environment: "node",
          setupFiles: ["tests/helpers/int-setup.ts"],
          sequence: { groupOrder: 1 },
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // SQLite files are per test file, but two cores is all there is.
          maxWorkers: 2,
        },
      },
    ],
  },
});
