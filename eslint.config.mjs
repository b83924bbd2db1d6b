// ESLint: Next's rules (core web vitals, React, hooks, a11y) and typescript-eslint's
// type-aware recommended rules; Prettier owns formatting, so its conflicting rules are off.
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import prettier from "eslint-config-prettier/flat";
import { defineConfig, globalIgnores } from "eslint/config";
import tseslint from "typescript-eslint";

export default defineConfig([
  globalIgnores([
    ".next/**",
    ".next-*/**",
    "lib/db/generated/**",
    "lib/db/generated-pg/**",
    "tests/.tmp/**",
    "test-results/**",
    "playwright-report/**",
    "bench/.tmp/**",
    "next-env.d.ts",
  ]),
  ...nextVitals,
  ...nextTs,
  {
    files: ["**/*.{ts,tsx,mts}"],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // An async function that awaits nothing still honours a Promise-returning interface
      // (route handlers, adapters, the bench's database drivers); not worth a wrapper each.
      "@typescript-eslint/require-await": "off",
      // Unused names are errors, except those marked unused on purpose.
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
    },
  },
  {
    // Vitest's asymmetric matchers (expect.stringContaining, expect.any) are typed any.
    files: ["tests/**"],
    rules: { "@typescript-eslint/no-unsafe-assignment": "off" },
  },
  prettier,
]);
