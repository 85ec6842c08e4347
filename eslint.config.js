// Lint rules, including the layering VS Code enforces: renderer/ never imports Node or Electron,
// main/ outside main/electron/ never imports Electron, main/api.ts imports neither, and
// main/common/ (the code both sides run) imports nothing but itself.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['fs', 'path', 'os', 'child_process', 'crypto', 'http', 'net', 'url', 'util', 'stream', 'events'];
const nodeImports = [{ group: ['node:*', ...nodeBuiltins, ...nodeBuiltins.map((m) => `${m}/*`)], message: 'renderer/ runs sandboxed: no Node modules.' }];
const electronImport = { name: 'electron', message: 'Only main/electron/ may import electron.' };

export default tseslint.config(
  { ignores: ['dist/', 'release/', 'node_modules/', 'test-results/', 'playwright-report/', '.tmp/'] },
  js.configs.recommended,
  {
    // Tool configs run in Node.
    files: ['*.config.{js,mjs,ts}', 'tests/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  {
    // Playwright fixtures take their dependencies as a destructured first argument, even when empty.
    files: ['tests/e2e/**/*.ts'],
    rules: { 'no-empty-pattern': 'off' },
  },
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    files: ['renderer/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [electronImport],
          patterns: [
            ...nodeImports,
            // The renderer may see main's contract (api.ts, the preload bridge type) but never its
            // code, except main/common/, which is written to run on both sides.
            { regex: '(^|/)main(/(?!common/)|$)', allowTypeImports: true, message: 'The renderer imports from main/ type-only (main/common/ excepted).' },
          ],
        },
      ],
    },
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/electron/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [electronImport], patterns: [{ group: ['**/renderer/**'], message: 'main/ does not import the renderer.' }] }] },
  },
  {
    files: ['main/api.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [electronImport], patterns: [...nodeImports, { group: ['./*', '!./common', '../*'], message: 'api.ts is the contract; it imports only main/common/.' }] },
      ],
    },
  },
  {
    files: ['main/common/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronImport, { name: 'zod', message: 'main/common/ runs in the renderer too: no zod.' }],
          patterns: [...nodeImports, { group: ['../*', '!../common'], message: 'main/common/ imports only itself.' }],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.ts'],
    rules: { '@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports', disallowTypeAnnotations: true }] },
  },
);
