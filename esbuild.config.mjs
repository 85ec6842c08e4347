// Builds Gloss in one pass: the Electron main process and preload, the browser-mode server,
// the `gloss` CLI (all Node, CommonJS) and the renderer bundle (browser, ESM) into dist/.
import { build } from 'esbuild';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';

const common = { bundle: true, sourcemap: true, logLevel: 'warning', legalComments: 'none' };

await rm('dist', { recursive: true, force: true });
await mkdir('dist/renderer', { recursive: true });

const started = Date.now();
// Node-side bundles: CommonJS, with electron left to the runtime, and jsdom too: it resolves files
// of its own at load time (xhr-sync-worker.js), so it cannot be bundled; the headless renderer
// (main/documents/headless-render.ts) requires it from node_modules on first use.
const node = { ...common, platform: 'node', target: 'node20', format: 'cjs', external: ['electron', 'jsdom'], outdir: 'dist/main', outExtension: { '.js': '.cjs' } };

const [, , renderer] = await Promise.all([
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
    // startup-request.js runs first, on its own (index.html loads it async): it asks the main side
    // for the document while main.js is still loading. Both import the same client from a shared
    // chunk, so the page holds one.
    entryPoints: { main: 'renderer/main.ts', 'startup-request': 'renderer/startup-request.ts' },
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    metafile: true,
    // Minified: the page parses and compiles all of it before it shows a document.
    minify: true,
    outdir: 'dist/renderer',
    loader: { '.woff2': 'file' },
    assetNames: 'fonts/[name]-[hash]',
  }),
]);
await writeFile('dist/renderer/index.html', withModulePreloads(await readFile('renderer/index.html', 'utf8'), renderer.metafile));
await cp('renderer/styles', 'dist/renderer/styles', { recursive: true });
await cp('assets/icons/icon.svg', 'dist/renderer/favicon.svg');
// The bundled typeface's licence (SIL OFL 1.1) travels with its files.
await cp('node_modules/@fontsource/opendyslexic/LICENSE', 'dist/renderer/fonts/OpenDyslexic-LICENSE.txt');
console.log(`built dist/ in ${Date.now() - started} ms`);

/**
 * index.html with a `<link rel="modulepreload">` for each chunk the renderer's scripts import, in
 * place of its MODULE_PRELOADS comment: the browser fetches them with the scripts instead of
 * after, and their names carry a content hash that only the build knows.
 */
function withModulePreloads(html, metafile) {
  const marker = '<!-- MODULE_PRELOADS -->';
  if (!html.includes(marker)) throw new Error(`renderer/index.html has no ${marker}`);
  const folder = 'dist/renderer/';
  // esbuild names outputs with forward slashes on every platform.
  const chunks = Object.keys(metafile.outputs).filter((file) => file.startsWith(`${folder}chunks/`) && file.endsWith('.js'));
  const links = chunks.map((file) => `<link rel="modulepreload" href="${file.slice(folder.length)}" />`);
  return html.replace(marker, links.join('\n    '));
}
