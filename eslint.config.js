// Lint rules that run in `npm test`, not only in an editor.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const namedExportsOnly = { selector: 'ExportDefaultDeclaration', message: 'Named exports only.' };
const onlyRoutesImportHttp = { regex: '(^|/)http/', message: 'Only route files import http/.' };
const notInStore = "SQL lives in the module's store (store.ts or store/): call a store function.";
const onlyStoresImportKysely = { group: ['kysely'], message: notInStore };
/** Building or running a query on a `Db`, which needs no import of kysely. */
const sqlOnlyInStores = [
  {
    selector:
      'CallExpression[callee.property.name=/^(selectFrom|selectNoFrom|insertInto|replaceInto|updateTable|deleteFrom|mergeInto)$/]',
    message: notInStore,
  },
  {
    selector:
      'CallExpression[callee.property.name=/^execute(TakeFirst(OrThrow)?)?$/]:not([callee.object.callee.property.name=/^(transaction|connection|setIsolationLevel|setAccessMode)$/])',
    message: notInStore,
  },
  { selector: "TaggedTemplateExpression[tag.name='sql']", message: notInStore },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.steward/**', 'web/src/api/schema.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', namedExportsOnly],
    },
  },
  {
    // DESIGN.md, 'Between modules': services, stores and jobs never see HTTP; only route
    // files (and the app that mounts them) import `http/`. 'routes → service → store': the
    // query builder (kysely, its `sql`, even its types) is imported only by stores
    // (`store.ts`, `store/`) and migrations (src/db/, free): a service takes a `Db` from
    // src/db/connect.ts and calls store functions, whose row types it derives.
    files: ['src/modules/**/*.ts'],
    ignores: [
      'src/modules/**/routes/**',
      'src/modules/**/routes.ts',
      'src/modules/**/store.ts',
      'src/modules/**/store/**',
      'src/modules/**/*.test.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [onlyRoutesImportHttp, onlyStoresImportKysely] },
      ],
    },
  },
  {
    files: ['src/modules/**/store.ts', 'src/modules/**/store/**/*.ts'],
    ignores: ['src/modules/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [onlyRoutesImportHttp] }] },
  },
  {
    files: ['src/modules/**/routes/**/*.ts', 'src/modules/**/routes.ts'],
    ignores: ['src/modules/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [onlyStoresImportKysely] }] },
  },
  {
    // Queries built on a `Db` need no import: outside stores, starting or running one is an
    // error too (a transaction's `db.transaction().execute(…)` is a service's to open).
    files: ['src/modules/**/*.ts'],
    ignores: ['src/modules/**/store.ts', 'src/modules/**/store/**', 'src/modules/**/*.test.ts'],
    rules: { 'no-restricted-syntax': ['error', namedExportsOnly, ...sqlOnlyInStores] },
  },
  {
    // Config files for tools that require a default export.
    files: ['eslint.config.js', 'vitest.config.ts', 'web/vite.config.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
