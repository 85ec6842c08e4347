// Builds Gloss in one pass: the Electron main process and preload, the browser-mode server,
// the `gloss` CLI (all Node, CommonJS) and the renderer bundle (browser, ESM) into dist/.
import { build } from 'esbuild';
import { cp, mkdir, rm } from 'node:fs/promises';

const common = { bundle: true, sourcemap: true, logLevel: 'warning', legalComments: 'none' };

await rm('dist', { recursive: true, force: true });
await mkdir('dist/renderer', { recursive: true });

const started = Date.now();
// Node-side bundles: CommonJS, with electron left to the runtime, and jsdom too: it resolves files
// of its own at load time (xhr-sync-worker.js), so it cannot be bundled; the headless renderer
// (main/documents/headless-render.ts) requires it from node_modules on first use.
const node = { ...common, platform: 'node', target: 'node20', format: 'cjs', external: ['electron', 'jsdom'], outdir: 'dist/main', outExtension: { '.js': '.cjs' } };

await Promise.all([
  build({
    ...node,
    // The CLI runs as `gloss`; the shebang is harmless in the other bundles.
    banner: { js: '#!/usr/bin/env node' },
    entryPoints: { electron: 'main/electron/main.ts', serve: 'main/serve/serve-command.ts', cli: 'main/cli/gloss.ts', 'start-desktop': 'main/launch/start-desktop.ts' },
  }),
  // Sandboxed preloads must be a single CommonJS file that requires only 'electron'; Electron
  // wraps it in a function, so it must not start with a shebang.
  build({ ...node, entryPoints: { preload: 'main/electron/preload.ts' } }),
  build({
    ...common,
    platform: 'browser',
    target: 'chrome120',
    format: 'esm',
    entryPoints: { main: 'renderer/main.ts' },
    outdir: 'dist/renderer',
    loader: { '.woff2': 'file' },
    assetNames: 'fonts/[name]-[hash]',
  }),
]);
await cp('renderer/index.html', 'dist/renderer/index.html');
await cp('renderer/styles', 'dist/renderer/styles', { recursive: true });
await cp('assets/icons/icon.svg', 'dist/renderer/favicon.svg');
// The bundled typeface's licence (SIL OFL 1.1) travels with its files.
await cp('node_modules/@fontsource/opendyslexic/LICENSE', 'dist/renderer/fonts/OpenDyslexic-LICENSE.txt');
console.log(`built dist/ in ${Date.now() - started} ms`);
