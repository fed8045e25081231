// ESLint (flat config): correctness rules, React hooks and accessibility, and the layers of STYLE.md written
// as rules, so that a wrong import fails `npm run lint` (and so `npm test`) instead of waiting for a reviewer.
// The import graph as a whole (cycles, the same layers seen across files) is checked by dependency-cruiser
// (.dependency-cruiser.cjs); formatting is Prettier's (eslint-config-prettier turns off the rules it owns).
import js from "@eslint/js";
import prettier from "eslint-config-prettier";
import jsxA11y from "eslint-plugin-jsx-a11y";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

/** Import patterns (both the `~/` alias and relative paths) for one folder of `app/`. */
const appFolder = (folder) => [`~/${folder}/*`, `**/app/${folder}/*`, `../${folder}/*`, `../../${folder}/*`];

const MODELS_AND_ROUTES = {
  group: [...appFolder("models"), ...appFolder("routes")],
  message:
    "Models and routes are server-side layers above this one: take the data as an argument or a type from app/lib (STYLE.md, 'Our layout').",
};
const PRISMA_CLIENT = {
  group: ["@prisma/client", "@prisma/client/*", "~/generated/*", "**/app/generated/*", "../generated/*"],
  message: "Only app/models talks to Prisma: call a model function instead (STYLE.md, 'Do this' 5).",
};
const BROWSER_EDITOR = {
  group: [...appFolder("editor")],
  message: "The server never imports the browser editor: shared document code lives in app/lib/document-schema.",
};

/** `no-restricted-imports` with several groups (a later config object would replace, not merge, the option). */
const restrict = (...patterns) => ["error", { patterns }];

export default tseslint.config(
  {
    ignores: [
      "node_modules/",
      "build/",
      "build-*/",
      "app/generated/",
      "prisma/postgres/",
      "test-results/",
      "playwright-report/",
      "bench/results/",
      "data/",
      ".cache/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" },
      ],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      eqeqeq: ["error", "smart"],
      "no-console": ["error", { allow: ["warn", "error"] }],
      // Every layer may use Prisma only through app/models.
      "no-restricted-imports": restrict(PRISMA_CLIENT),
    },
  },
  {
    files: ["app/**/*.tsx"],
    plugins: { "react-hooks": reactHooks, "jsx-a11y": jsxA11y },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
      ...jsxA11y.flatConfigs.recommended.rules,
    },
  },
  // The layers (STYLE.md): components, lib, policies and the browser editor sit below models and routes.
  {
    files: ["app/components/**", "app/lib/**", "app/policies/**", "app/editor/**"],
    rules: { "no-restricted-imports": restrict(PRISMA_CLIENT, MODELS_AND_ROUTES) },
  },
  // The Node process shares document code with the browser through app/lib, never through app/editor.
  {
    files: ["server/**"],
    rules: { "no-restricted-imports": restrict(PRISMA_CLIENT, BROWSER_EDITOR) },
  },
  // Models own the database.
  {
    files: ["app/models/**"],
    rules: { "no-restricted-imports": "off" },
  },
  // Size: a file past 350 lines or a function past 120 is a sign to split by responsibility (STYLE.md 11).
  {
    files: ["app/**/*.{ts,tsx}", "server/**/*.ts", "scripts/**/*.{ts,mjs}"],
    ignores: ["**/*.test.ts"],
    rules: {
      "max-lines": ["error", { max: 350, skipBlankLines: false, skipComments: false }],
      "max-lines-per-function": ["error", { max: 120, skipBlankLines: false, skipComments: false, IIFEs: true }],
    },
  },
  // Tests, seeds, benchmarks and scripts may print and use Prisma directly to arrange their world.
  {
    files: ["tests/**", "prisma/**", "bench/**", "scripts/**", "**/*.test.ts"],
    rules: { "no-console": "off", "no-restricted-imports": "off" },
  },
  {
    files: ["**/*.{js,mjs,cjs}"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  prettier,
);
