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
    // Recharts stays out of first loads: only components/**/*-plot.tsx import it, and those are reached only
    // through next/dynamic (a dynamic import() is not an import declaration, so it passes this rule).
    files: ['app/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}'],
    ignores: ['components/**/*-plot.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'recharts', message: "Import 'recharts' only in components/**/*-plot.tsx, loaded with next/dynamic (see components/charts/README.md)." }],
          patterns: [{ group: ['**/*-plot', 'recharts/*'], message: 'Load *-plot.tsx with next/dynamic inside WhenVisible, never statically (see components/charts/README.md).' }],
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
      'no-restricted-imports': ['error', { patterns: [{ group: ['@/app/*', '@/components/*', 'recharts', 'recharts/*'], message: 'lib/ must not import app/, components/ or a chart library.' }] }],
    },
  },
);
