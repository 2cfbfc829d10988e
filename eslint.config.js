// Lint: typescript-eslint's recommended rules, React hooks rules, and the import
// boundaries of STYLE.md: tfjs only in the worker's chunk, src/ml free of UI code.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const noTfjs = { group: ['@tensorflow/*'], message: 'tfjs lives in the worker chunk: talk to it through src/shared/protocol.ts.' };
const noMl = { group: ['**/ml/*', '**/ml'], message: 'The page reaches src/ml only through the worker.' };
const noWorker = { group: ['**/worker/*'], message: 'Start the worker with new URL(...), do not import it.' };
const noUi = { group: ['react', 'react-dom', 'recharts', '**/components/*', '**/client/*'], message: 'src/ml and the worker are UI-free.' };

export default tseslint.config(
  { ignores: ['dist', 'dist-*', 'dist-bench', 'node_modules', 'test-results', 'playwright-report', 'public', 'docs', 'assembly'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/components/**', 'src/client/**', 'src/main.tsx'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { patterns: [noTfjs, noMl, noWorker] }],
    },
  },
  {
    files: ['src/ml/**', 'src/worker/**'],
    languageOptions: { globals: globals.worker },
    rules: { 'no-restricted-imports': ['error', { patterns: [noUi] }] },
  },
  {
    files: ['src/ml/**'],
    rules: {
      'no-restricted-globals': ['error', 'self', 'window', 'document'],
    },
  },
  {
    files: ['src/shared/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noTfjs, noUi, noMl, noWorker] }] },
  },
  {
    // The judging program's script (inlined into the exported HTML file): it runs in a
    // person's browser, not in the worker; core.js's names and the inlined SPEC, WORDS and
    // csvCell are its globals (src/ml/program/html.ts joins them into one script).
    files: ['src/ml/program/*.js'],
    languageOptions: { sourceType: 'script', globals: { ...globals.browser, SPEC: 'readonly', csvCell: 'readonly' } },
    rules: { 'no-restricted-globals': 'off', '@typescript-eslint/no-unused-vars': 'off' },
  },
  {
    files: ['src/ml/program/page.js'],
    languageOptions: {
      globals: Object.fromEntries(['WORDS', 'encodeTyped', 'judgeRows', 'judgeTable', 'readRows', 'predictionsCsv', 'readDigit', 'parseNumber'].map((name) => [name, 'readonly'])),
    },
    rules: { '@typescript-eslint/no-unused-vars': 'error' },
  },
  {
    files: ['scripts/**', 'tests/**', '*.config.{js,ts}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
