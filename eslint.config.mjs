import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import officeAddins from 'eslint-plugin-office-addins';

const hostOnly = ['react', 'react-dom', 'react/*', '@fluentui/*', 'exceljs', 'hyperformula', 'office-js', '@microsoft/office-js'];
const nodeBuiltins = ['fs', 'path', 'os', 'child_process', 'crypto', 'url', 'stream', 'zlib', 'util', 'worker_threads', 'http', 'https', 'buffer', 'process'];

const engineImports = {
  paths: [...hostOnly, ...nodeBuiltins, ...nodeBuiltins.map((m) => `node:${m}`)].map((name) => ({ name, message: 'src/engine must not depend on Office, the DOM, Node or React.' })),
  patterns: [{ group: ['node:*', '**/host/**', '**/taskpane/**', '**/workbench/**', '**/cli/**', 'react*', '@fluentui/*'], message: 'src/engine must not depend on hosts, Node or React.' }],
};

/** Relative imports of src/engine/<folder> from one or two folders down (not ../messages/operations). */
const below = (folder) => [`../${folder}`, `../${folder}/**`, `../../${folder}`, `../../${folder}/**`];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'bench/out/**', 'test/fixtures/xlsx/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser, Office: 'readonly', Excel: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    // The engine is pure: a grid goes in, findings and edit plans come out.
    files: ['src/engine/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', engineImports],
      'no-restricted-globals': ['error', 'window', 'document', 'Office', 'Excel', 'process', 'require', 'navigator', 'localStorage', 'fetch'],
    },
  },
  {
    // Rules judge a workbook; operations build edits. What both need (SUM formulas, labels,
    // periods, RAG status) lives in src/engine/domain, so a rule never reaches into an
    // operation. Flat config replaces a rule's options rather than merging them, hence the
    // engine's restrictions are repeated here.
    files: ['src/engine/rules/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: engineImports.paths,
        patterns: [...engineImports.patterns, { group: below('operations'), message: 'Rules must not import operations: share the idea through src/engine/domain.' }],
      }],
    },
  },
  {
    // The domain is what read/, rules/ and operations/ share, so it depends on none of them.
    files: ['src/engine/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: engineImports.paths,
        patterns: [...engineImports.patterns, { group: ['read', 'rules', 'operations'].flatMap(below), message: 'src/engine/domain is shared by read/, rules/ and operations/ and must not import them.' }],
      }],
    },
  },
  {
    // Hosts use the engine through its facade (src/engine/index.ts) only, so the engine's
    // modules can be rearranged without touching them.
    files: ['src/cli/**/*.ts', 'src/taskpane/**/*.{ts,tsx}', 'src/workbench/**/*.{ts,tsx}', 'src/host/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ regex: '(^|/)engine/', message: 'Hosts import the engine from its facade, src/engine (index.ts), never a module behind it.' }],
      }],
    },
  },
  {
    // Microsoft's Office.js rules (eslint-plugin-office-addins) for the code that drives Excel:
    // load before read, sync before read, sync after load, no sync in a loop, no navigational
    // or empty load, isNullObject for null tests, Office.onReady rather than Office.initialize.
    // Only its rules: its `recommended` config also brings Prettier and an ES6 parser setting.
    files: ['src/host/office/**/*.ts', 'src/taskpane/**/*.{ts,tsx}'],
    plugins: { 'office-addins': officeAddins },
    rules: Object.fromEntries(Object.keys(officeAddins.rules).map((rule) => [`office-addins/${rule}`, 'error'])),
  },
);
