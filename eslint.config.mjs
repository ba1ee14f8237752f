import react from 'eslint-plugin-react';
import tseslint from 'typescript-eslint';

// Where every user-facing string lives in messages/<locale>/*.json (issue 16, Korean and English): there, text
// written straight into JSX fails lint. One line per area, added as the area moves to the catalogs; kept apart
// by comments so two areas' lines never touch.
const TRANSLATED = [
  // the shell, sign-in, account, inbox, digest, reports
  'i18n/**/*.tsx',
  'components/layout/**/*.tsx',
  'components/ui/**/*.tsx',
  'components/alerts/**/*.tsx',
  'components/auth/**/*.tsx',
  'components/digest/**/*.tsx',
  'components/reports/**/*.tsx',
  'app/(auth)/**/*.tsx',
  'app/(app)/account/**/*.tsx',
  'app/(app)/digest/**/*.tsx',
  'app/(app)/inbox/**/*.tsx',
  'app/(app)/reports/**/*.tsx',
  'app/(app)/forbidden.tsx',
  'app/(app)/not-found.tsx',
  'app/error.tsx',
  'app/forbidden.tsx',
  'app/not-found.tsx',
  'app/page.tsx',
  'app/layout.tsx',

  // the dashboard and insights
  'app/(app)/dashboard/**/*.tsx', 'components/dashboard/**/*.tsx', 'app/(app)/insights/**/*.tsx', 'components/insights/**/*.tsx',

  // experiments, the playbook, filters and forms
  'app/(app)/experiments/**/*.tsx',
  'components/experiments/**/*.tsx',
  'app/(app)/playbook/**/*.tsx',
  'components/playbook/**/*.tsx',
  'components/filters/**/*.tsx',
  'components/forms/**/*.tsx',

  // the catalog, trends and charts
  'app/(app)/models/**/*.tsx', 'app/(app)/trends/**/*.tsx', 'components/models/**/*.tsx', 'components/charts/**/*.tsx',

  // administration, API tokens and docs
  'app/(app)/admin/**/*.tsx',
  'components/admin/**/*.tsx',
  'components/tokens/**/*.tsx',
  'components/api/**/*.tsx',
  'app/api/docs/**/*.tsx',

];
// Punctuation and symbols that read the same in every language.
const LANGUAGE_NEUTRAL = ['·', '—', '–', '-', '(', ')', ':', ',', '.', '/', '%', '×', '→', '←', '↑', '↓', '…', '*', '|', '+', '$', '#', '✓', '✕', '•', '?', '!', '"', '[', ']', '=', '<', '>', '≤', '≥', '&'];

/** Flat config: TypeScript rules plus the import boundaries of STYLE.md. */
export default tseslint.config(
  { ignores: ['.next/**', 'node_modules/**', 'data/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts', 'bench/results/**'] },
  ...tseslint.configs.recommended,
  // next.config.js stays CommonJS (the name the stack fixes), so it loads plugins with require().
  { files: ['next.config.js'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
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
    // db/ depends on drizzle-orm, configuration and lib/'s pure rules (metrics, catalog, validation, cache, the
    // permission table): the SQL half of a rule sits beside its TypeScript half there. Never on the app, on Next,
    // or on lib/'s server glue (sessions, exports, the API), which itself calls db/. See ARCHITECTURE.md.
    files: ['db/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@/app/*', '@/components/*', 'next', 'next/*', 'react'], message: 'db/ must not import the app, components or Next.' },
            {
              regex: '^@/lib/(?!(metrics|catalog|validation|cache|usage/sources)(/|$)|auth/permissions$|security/db-errors$|usage/(record|validate|model-match)$)',
              message: "db/ may import only lib/'s pure rules (metrics, catalog, validation, cache, usage parsing, auth/permissions, security/db-errors): see ARCHITECTURE.md.",
            },
          ],
        },
      ],
    },
  },
  {
    // lib/ holds domain logic; it never imports pages or components.
    files: ['lib/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['@/app/*', '@/components/*', 'recharts', 'recharts/*'], message: 'lib/ must not import app/, components/ or a chart library.' }] }],
    },
  },
  {
    // lib/'s pure rules are what db/ may import, so they reach db/ only for its vocabulary (db/schema: enums and
    // types), never queries or the connection: no import cycle between the layers.
    files: [
      'lib/metrics/**/*.ts',
      'lib/catalog/**/*.ts',
      'lib/validation/**/*.ts',
      'lib/cache/**/*.ts',
      'lib/auth/permissions.ts',
      'lib/security/db-errors.ts',
      'lib/usage/record.ts',
      'lib/usage/validate.ts',
      'lib/usage/model-match.ts',
      'lib/usage/sources/**/*.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@/app/*', '@/components/*', 'recharts', 'recharts/*'], message: 'lib/ must not import app/, components/ or a chart library.' },
            { regex: '^@/db(/(?!schema(/|$)|types$).*)?$', message: "lib/'s pure rules import only db/schema and db/types from db/ (db/ imports them): see ARCHITECTURE.md." },
          ],
        },
      ],
    },
  },
  {
    files: TRANSLATED,
    plugins: { react },
    rules: {
      'react/jsx-no-literals': ['error', { noStrings: true, ignoreProps: true, allowedStrings: LANGUAGE_NEUTRAL }],
      'no-restricted-syntax': [
        'error',
        {
          selector: 'JSXAttribute[name.name=/^(aria-label|aria-description|placeholder|title|alt)$/] > Literal',
          message: 'A label people read or hear belongs in messages/<locale>/*.json: use t().',
        },
      ],
    },
  },
);
