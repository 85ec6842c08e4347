/**
 * The one place that knows how Gloss's own files are laid out: the app root holds package.json,
 * assets/ and dist/; the built renderer is dist/renderer; shipped assets are assets/. The desktop
 * shell (main/electron/paths.ts) wraps these with what only a packaged app knows.
 */
import { dirname, join, resolve } from 'node:path';

/**
 * The app root, given the folder of the running bundle or source file. Both the bundles
 * (dist/main/*.cjs) and their sources (main/<folder>/*.ts) sit two levels below it.
 */
export function appRootFrom(bundleDir: string): string {
  return resolve(bundleDir, '..', '..');
}

/**
 * The app root, found from the running script: one rule for `npm run serve`, the CLI and tests
 * that run the sources through tsx. (Electron runs as `electron .`, so it starts from __dirname.)
 */
export function appRoot(scriptPath: string = process.argv[1] ?? '.'): string {
  return appRootFrom(dirname(scriptPath));
}

/** Shipped assets (articles/, icons/) when running from a checkout or an unpacked build. */
export function assetsDir(root = appRoot()): string {
  return resolve(root, 'assets');
}

/** The built renderer (index.html, main.js, styles/), which both transports serve. */
export function rendererDir(root = appRoot()): string {
  return resolve(root, 'dist', 'renderer');
}

/** The window icon inside an assets folder. */
export function windowIconIn(assets: string): string {
  return join(assets, 'icons', 'icon-512.png');
}
