// Lint rules, including the layering VS Code enforces: renderer/ never imports Node or Electron,
// main/ outside main/electron/ never imports Electron, main/api.ts imports neither, and
// main/common/ (the code both sides run) imports nothing but itself.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['fs', 'path', 'os', 'child_process', 'crypto', 'http', 'net', 'url', 'util', 'stream', 'events'];
const nodeImports = [{ group: ['node:*', ...nodeBuiltins, ...nodeBuiltins.map((m) => `${m}/*`)], message: 'renderer/ runs sandboxed: no Node modules.' }];
const electronImport = { name: 'electron', message: 'Only main/electron/ may import electron.' };
// The DOM's globals: main/ has DOM types (for main/common/, which is handed a Window) but no page.
const domGlobals = ['window', 'document', 'navigator', 'location', 'localStorage', 'sessionStorage', 'getComputedStyle', 'requestAnimationFrame', 'getSelection', 'CSS', 'Node', 'NodeFilter', 'HTMLElement', 'Element', 'Text', 'Range', 'DOMParser', 'customElements', 'history', 'screen', 'alert', 'confirm', 'prompt'].map((name) => ({ name, message: 'main/ runs without a page: use the Window you are given.' }));

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
    rules: { 'no-restricted-globals': ['error', ...domGlobals] },
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
  // main/common/ runs on both sides: nothing of Node, Electron or zod, and of the rest of main/
  // only the contract's types. `up` is how a file there names main/ ('../' or '../../').
  ...[
    { files: ['main/common/*.ts'], up: '\\.\\./' },
    { files: ['main/common/*/**/*.ts'], up: '\\.\\./\\.\\./' },
  ].map(({ files, up }) => ({
    files,
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [electronImport, { name: 'zod', message: 'main/common/ runs in the renderer too: no zod.' }],
          patterns: [
            ...nodeImports,
            { regex: `^${up}(?!api$)`, message: 'main/common/ imports only itself and, type-only, main/api.ts.' },
            { regex: `^${up}api$`, allowTypeImports: true, message: 'main/common/ imports main/api.ts type-only (its runtime half is zod).' },
          ],
        },
      ],
    },
  })),
  {
    files: ['renderer/**/*.ts'],
    rules: { '@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports', disallowTypeAnnotations: true }] },
  },
);
