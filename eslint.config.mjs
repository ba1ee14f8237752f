import tseslint from 'typescript-eslint';

/** Flat config: TypeScript rules plus the import boundaries of STYLE.md. */
export default tseslint.config(
  { ignores: ['.next/**', 'node_modules/**', 'data/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts', 'bench/results/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': 'error',
    },
  },
  {
    // components/ never reach the database at runtime (types only).
    files: ['components/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@/db', '@/db/*', '!@/db/schema', '!@/db/schema/*', '../db/*', 'drizzle-orm', 'drizzle-orm/*'], message: 'components/ never import db/ or drizzle-orm at runtime: pass data in as props.', allowTypeImports: true },
          ],
        },
      ],
    },
  },
  {
    // db/ depends only on drizzle-orm and configuration, never on the app.
    files: ['db/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['@/app/*', '@/components/*', 'next', 'next/*', 'react'], message: 'db/ must not import the app, components or Next.' }] }],
    },
  },
  {
    // lib/ holds domain logic; it never imports pages or components.
    files: ['lib/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['@/app/*', '@/components/*'], message: 'lib/ must not import app/ or components/.' }] }],
    },
  },
);
