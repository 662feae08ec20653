// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'data/', '.tmp/', 'coverage/', 'drizzle/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly' },
    },
    rules: {
      // Japanese text uses the ideographic space (U+3000) on purpose.
      'no-irregular-whitespace': [
        'error',
        { skipStrings: true, skipTemplates: true, skipJSXText: true, skipComments: true },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Only config.ts reads the environment.
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read settings in src/config.ts only.' },
      ],
    },
  },
  { files: ['src/config.ts', 'scripts/**', 'test/support/**'], rules: { 'no-restricted-properties': 'off' } },
  {
    files: ['public/**/*.js'],
    languageOptions: {
      sourceType: 'script',
      globals: { document: 'readonly', window: 'readonly', HTMLDialogElement: 'readonly', fetch: 'readonly' },
    },
  },
  // Every cookie goes through web/shared/cookies.ts (Set-Cookie on the node response, not in Hono's headers).
  {
    files: ['src/**'],
    ignores: ['src/web/shared/cookies.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'hono/cookie', message: 'Use src/web/shared/cookies.ts.' }] },
      ],
    },
  },
  // Which layer may import which is checked by dependency-cruiser (.dependency-cruiser.mjs).
  {
    files: ['src/domain/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'The domain takes time as an argument.',
        },
      ],
    },
  },
);
