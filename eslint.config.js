// `npm run lint:code`. Type-aware (typescript-eslint with the type checker): the rules that catch what
// hurts an extension — a promise nobody awaits in the worker, an async listener where a callback is
// expected, an `any` that slips past zod — need types, which a syntax-only linter cannot see.
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

export default defineConfig(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'bench-output/**', 'demo-output/**', 'test-results/**', 'coverage/**'] },
  {
    files: ['**/*.{ts,tsx,js,cjs,mjs}'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      // Only the two classic hooks rules: the plugin's newer rules are written for the React compiler,
      // which Preact does not use.
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { args: 'after-used', argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The pure layers (.dependency-cruiser.cjs, `pure-layers-stay-pure`) by their globals: WXT declares
    // `browser` and `storage` as globals (auto-imports), which no import rule can see.
    files: ['lib/metrics/**', 'lib/readers/**', 'lib/model/**', 'lib/pages/**'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...['browser', 'chrome', 'storage', 'indexedDB', 'localStorage', 'document', 'window', 'navigator', 'fetch', 'XMLHttpRequest'].map((name) => ({
          name,
          message: 'The engine, the readers, the model and the page detection are pure: they run in the worker, the CLI and Node tests alike.',
        })),
      ],
    },
  },
  {
    // Plain JavaScript config files have no types to check.
    files: ['**/*.{js,cjs,mjs}'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { module: 'readonly', require: 'readonly', process: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Tests and scripts poke at JSON from files and browsers, mock with loose objects and pass methods
    // around as values on purpose; the unsafe-any rules would only add casts there, not safety.
    files: ['test/**', 'scripts/**'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
    },
  },
);
