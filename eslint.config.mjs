import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.data/**', 'coverage/**', '.swc/**', '.cache/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}', 'test/app/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser, wx: 'readonly' } },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    // core is shared by the mini-program and the cloud: no I/O, no platform imports.
    files: ['core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            'node:*',
            'fs',
            'path',
            'http',
            '@tarojs/*',
            'react',
            'better-sqlite3',
            'wx-server-sdk',
            // From any depth of core/: core imports neither the app nor the backend.
            '**/cloudfunctions/**',
            '**/src/**',
          ],
        },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['**/cloudfunctions/**', 'better-sqlite3', 'wx-server-sdk', 'node:*'] },
      ],
    },
  },
  {
    // The local adapters stand in for the cloud ones; what both need lives beside them in adapters/.
    files: ['cloudfunctions/adapters/local/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['../cloud/*', '**/adapters/cloud/**'] }] },
  },
  {
    // One place decides who may receive a link to a stored file (usecases/files/file-links.ts): nothing else
    // in the backend may sign one.
    files: ['cloudfunctions/**/*.ts'],
    ignores: ['cloudfunctions/usecases/files/file-links.ts', 'cloudfunctions/adapters/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[property.name='temporaryUrl']",
          message:
            'Sign file links through usecases/files/file-links.ts (signedLink / publicLink), which decides who may have one.',
        },
      ],
    },
  },
  {
    files: ['test/**/*.{ts,tsx}'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
