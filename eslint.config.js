// @ts-check
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["**/dist/**", "**/node_modules/**", "artifacts/**"] },
  js.configs.recommended,
  {
    files: ["**/*.mjs", "**/*.js"],
    languageOptions: { globals: { process: "readonly", console: "readonly" } },
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-globals": ["error", { name: "Intl", message: "Use the core formatter: Intl output depends on the ICU build." }],
      "no-restricted-properties": [
        "error",
        { object: "Number", property: "prototype", message: "No float formatting of figures." },
        { property: "toLocaleString", message: "Use the core formatter: locale output depends on the ICU build." },
        { property: "toLocaleDateString", message: "Use the core formatter." },
      ],
    },
  },
  {
    files: ["packages/core/src/**/*.ts"],
    ignores: ["packages/core/src/log/**", "packages/core/src/testing/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["node:*", "fs", "path", "child_process"], message: "The core domain is pure: I/O lives in core/src/log and in the CLI." }] }],
      "no-restricted-syntax": [
        "error",
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: "No clock in the core: pass dates in." },
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: "No clock in the core: pass dates in." },
        { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: "No randomness in the core." },
      ],
    },
  },
);
