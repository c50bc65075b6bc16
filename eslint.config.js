// Lint rules for the whole tree. Type-aware rules (floating promises, unsafe `any`) run on
// every TypeScript file through the project service; plain .mjs scripts get the syntactic set.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { defineConfig } from 'eslint/config';

export default defineConfig(
  { ignores: ['dist/', 'web/dist/', 'data/', 'bench/results/', 'node_modules/', '**/*.d.mts'] },
  js.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      // vitest.config.ts sits outside tsconfig's folders; the default project still types it.
      parserOptions: { projectService: { allowDefaultProject: ['vitest.config.ts'] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unsafe-argument': 'error',
      '@typescript-eslint/no-unsafe-assignment': 'error',
      '@typescript-eslint/no-unsafe-call': 'error',
      '@typescript-eslint/no-unsafe-member-access': 'error',
      '@typescript-eslint/no-unsafe-return': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      // Fastify takes a plugin or hook as an async function or one with a callback; an async one
      // with nothing to await is the idiomatic form, not a mistake.
      '@typescript-eslint/require-await': 'off',
      // Drizzle types execute() through the driver's result kind, so reading rows takes
      // `as unknown as { rows }`; this rule misreads those casts as inferable type arguments.
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
      // Dropping a key by destructuring it beside `...rest` is how a row becomes its update set.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    extends: [tseslint.configs.recommended],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['web/**/*.{ts,tsx}'],
    // The classic hooks rules only: the React Compiler rules in the plugin's preset (refs,
    // set-state-in-effect, ...) judge code for a compiler this app does not use, and flag the
    // form-error helper that hands its form ref out during render by design.
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
    languageOptions: { globals: globals.browser },
  },
);
