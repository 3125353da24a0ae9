// ESLint for the front end (static/js), its tests and tools. Type checking of the same files is
// TypeScript's checker over JSDoc (jsconfig.json); both run in `make test`.
import js from '@eslint/js';
import globals from 'globals';

export default [
  { ignores: ['node_modules/', 'static/gen/', 'static/js/generated/', '.venv/', 'test-artifacts/'] },
  js.configs.recommended,
  {
    files: ['static/js/**/*.js'],
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: { ...globals.browser } },
  },
  {
    files: ['static/js/sw/**/*.js'],
    languageOptions: { globals: { ...globals.serviceworker } },
  },
  {
    files: ['tests/**/*.js', 'tools/**/*.mjs', 'bench/**/*.js', 'eslint.config.js'],
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: { ...globals.node } },
  },
  {
    rules: {
      // An imported module's name reused for a local is how a refactor breaks silently.
      'no-shadow': ['error', { builtinGlobals: false, hoist: 'functions' }],
      'no-unused-vars': ['error', { argsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
      // Checks for control characters in notes and names are deliberate.
      'no-control-regex': 'off',
      'no-var': 'error',
      'prefer-const': 'error',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-implicit-globals': 'error',
    },
  },
];
