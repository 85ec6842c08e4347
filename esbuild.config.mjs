// Builds Gloss in one pass: the Electron main process and preload, the browser-mode server,
// the `gloss` CLI (all Node, CommonJS) and the renderer bundle (browser, ESM) into dist/.
import { build } from 'esbuild';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';

const common = { bundle: true, sourcemap: true, logLevel: 'warning', legalComments: 'none' };

await rm('dist', { recursive: true, force: true });
await mkdir('dist/renderer', { recursive: true });

/** The script index.html loads. */
const PAGE_SCRIPT = 'renderer/main.ts';
/** The script index.html carries inline (renderer/startup-script.ts says why). */
const STARTUP_SCRIPT = 'renderer/startup-script.ts';

const started = Date.now();
// Node-side bundles: CommonJS, with electron left to the runtime, and jsdom too: it resolves files
// of its own at load time (xhr-sync-worker.js), so it cannot be bundled; the headless renderer
// (main/documents/headless-render.ts) requires it from node_modules on first use.
const node = { ...common, platform: 'node', target: 'node20', format: 'cjs', external: ['electron', 'jsdom'], outdir: 'dist/main', outExtension: { '.js': '.cjs' } };

const [, , renderer, , startupScript] = await Promise.all([
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
    entryPoints: { main: PAGE_SCRIPT },
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    metafile: true,
    // Minified: the page parses and compiles all of it before it shows a document.
    minify: true,
    outdir: 'dist/renderer',
    loader: { '.woff2': 'file' },
    assetNames: 'fonts/[name]-[hash]',
  }),
  // The stylesheets, in one file: the page waits for every stylesheet before it draws, and each
  // one more is a request more on the way to the first frame.
  build({ ...common, entryPoints: { gloss: 'renderer/styles/gloss.css' }, bundle: true, minify: true, outdir: 'dist/renderer/styles' }),
  // A classic script of its own (not a module: the parser runs an inline module only after the
  // document is parsed), kept in memory to be put in the page.
  build({ ...common, sourcemap: false, entryPoints: [STARTUP_SCRIPT], platform: 'browser', target: 'chrome120', format: 'iife', minify: true, write: false }),
]);
const page = withStartupScript(withModulePreloads(await readFile('renderer/index.html', 'utf8'), renderer.metafile), startupScript.outputFiles[0].text);
await writeFile('dist/renderer/index.html', page);
// A PNG (icon.svg drawn at 64 px), not the SVG: an SVG icon is a document of its own that the page
// parses, lays out and paints on its main thread (~15 ms measured here) just after its first frame.
await cp('assets/icons/favicon-64.png', 'dist/renderer/favicon.png');
// The bundled typeface's licence (SIL OFL 1.1) travels with its files.
await cp('node_modules/@fontsource/opendyslexic/LICENSE', 'dist/renderer/fonts/OpenDyslexic-LICENSE.txt');
console.log(`built dist/ in ${Date.now() - started} ms`);

/**
 * index.html with a `<link rel="modulepreload">` for each chunk the entry scripts import
 * statically, in place of its MODULE_PRELOADS comment: the browser fetches them with the scripts
 * instead of after, and their names carry a content hash that only the build knows. A chunk only
 * imported dynamically (reading-tools.ts, loaded after the first frame) is left out: preloading it
 * would fetch and compile it on the way to that frame.
 */
function withModulePreloads(html, metafile) {
  const folder = 'dist/renderer/';
  // esbuild names outputs with forward slashes on every platform.
  // The page's own scripts, not the chunks imported dynamically (esbuild makes those entry points too).
  const entries = Object.values(metafile.outputs).filter((output) => output.entryPoint === PAGE_SCRIPT);
  const chunks = new Set(entries.flatMap((output) => output.imports.filter((imported) => imported.kind === 'import-statement').map((imported) => imported.path)));
  const links = [...chunks].filter((file) => file.startsWith(`${folder}chunks/`)).map((file) => `<link rel="modulepreload" href="${file.slice(folder.length)}" />`);
  return inPlaceOf(html, 'MODULE_PRELOADS', links.join('\n    '));
}

/**
 * index.html with the startup script inline in place of its STARTUP_SCRIPT comment. The page's
 * CSP allows it by its hash (main/content-security-policy.ts), computed from the page as served,
 * so the script must not change on the way: it is put in as esbuild wrote it, and refused if it
 * could end its own element early.
 */
function withStartupScript(html, code) {
  const script = code.trim();
  if (/<\/script|<!--/i.test(script)) throw new Error(`${STARTUP_SCRIPT} built to code that would end its <script> early`);
  return inPlaceOf(html, 'STARTUP_SCRIPT', `<script>${script}</script>`);
}

/** index.html with `content` in place of its `<!-- NAME -->` comment, which it must have. */
function inPlaceOf(html, name, content) {
  const marker = `<!-- ${name} -->`;
  if (!html.includes(marker)) throw new Error(`renderer/index.html has no ${marker}`);
  // A function, so that `$` in the content is not read as a replacement pattern.
  return html.replace(marker, () => content);
}
