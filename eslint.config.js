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
  // Boundaries (docs/architecture.md), checked here so that breaking one fails npm test.
  {
    files: ['server/**/*.ts'],
    ignores: ['server/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'fastify', message: 'Fastify belongs in *.routes.ts and server/http/.' }],
          patterns: [
            { group: ['@fastify/*'], message: 'Fastify belongs in *.routes.ts and server/http/.' },
            { regex: '(^|/)modules/[a-z-]+/(?!index\\.ts$)', message: 'Another module is used only through its index.ts.' },
          ],
        },
      ],
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'The environment is read by the entry points (server/main.ts, server/cli.ts) and passed down.' }],
    },
  },
  {
    files: ['server/modules/*/*.ts'],
    ignores: ['server/modules/*/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'fastify', message: 'Fastify belongs in *.routes.ts and server/http/.' }],
          patterns: [
            { group: ['@fastify/*'], message: 'Fastify belongs in *.routes.ts and server/http/.' },
            { regex: '^\\.\\./[a-z-]+/(?!index\\.ts$)', message: 'Another module is used only through its index.ts.' },
          ],
        },
      ],
    },
  },
  {
    // The places Fastify and the environment belong.
    files: ['server/**/*.routes.ts', 'server/http/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  { files: ['server/main.ts', 'server/cli.ts'], rules: { 'no-restricted-properties': 'off' } },
  {
    files: ['web/**/*.{ts,tsx}'],
    ignores: ['web/lib/env.ts', 'web/**/*.test.{ts,tsx}', 'web/vite.config.ts', 'web/precompress.ts'],
    rules: { 'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'The web reads its environment only in web/lib/env.ts.' }] },
  },
  {
    files: ['web/features/*/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^\\.\\./[^.]', message: 'A feature does not import another feature: share it through web/lib or web/components.' },
            { regex: '^\\.\\./\\.\\./(app|features)/', message: 'A feature does not import app/ or another feature.' },
          ],
        },
      ],
    },
  },
);
