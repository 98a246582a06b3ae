// @ts-check
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

const nestOrStores = {
  patterns: [
    {
      group: ['@nestjs/*', 'better-sqlite3', '@eventstore/*', '@billing/event-store*', '@billing/projections*', 'node:*'],
      message: 'The domain is pure: no framework, no store, no I/O.',
    },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '**/*.js', '**/*.mjs'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    files: ['libs/billing-domain/src/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: { 'no-restricted-imports': ['error', nestOrStores] },
  },
  {
    files: ['libs/event-store/src/**/*.ts', 'libs/projections/src/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['@nestjs/*', '**/apps/**'], message: 'Libraries know no framework and no app.' }] }] },
  },
);
