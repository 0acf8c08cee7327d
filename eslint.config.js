import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/node_modules/', '**/dist/', '.tools/', '.data/', 'test-artifacts/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
      eqeqeq: ['error', 'always'],
      // Never an unacknowledged write: FerretDB 1.24 answers it anyway and the connection reads stray replies after.
      'no-restricted-syntax': ['error',
        { selector: "Property[key.name='w'][value.value=0]", message: 'Unacknowledged writes (w: 0) are forbidden.' },
        { selector: "Property[key.value='w'][value.value=0]", message: 'Unacknowledged writes (w: 0) are forbidden.' },
        { selector: "Property[key.name='autoRemove'][value.value='interval']", message: "connect-mongo's interval sweep deletes with w: 0; use startSessionSweep." },
      ],
    },
  },
  {
    // The test that documents FerretDB's w:0 behaviour has to send one.
    files: ['test/security/session-sweep.test.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['client/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': ['error', { additionalHooks: '^useResource$' }] },
  },
  {
    // docs/design.md §5: shared is isomorphic and imports neither side.
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['**/server/**', '**/client/**', '@spoorboek/server*', '@spoorboek/client*', 'node:*'] }],
    },
  },
  {
    files: ['client/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['**/server/**', '@spoorboek/server*'] }] },
  },
);
