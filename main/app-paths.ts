import { dirname, resolve } from 'node:path';

/**
 * The folder holding package.json, assets/ and dist/, found from the running script. Both the
 * bundles (dist/main/*.cjs) and their sources (main/<folder>/*.ts) sit two levels below it, so
 * one rule serves `npm run serve`, the CLI and tests that run the sources through tsx.
 */
export function appRoot(scriptPath: string = process.argv[1] ?? '.'): string {
  return resolve(dirname(scriptPath), '..', '..');
}

/** Shipped assets (articles/, icons/) when running from a checkout or an unpacked build. */
export function assetsDir(root = appRoot()): string {
  return resolve(root, 'assets');
}

/** The built renderer served by the browser mode. */
export function rendererDir(root = appRoot()): string {
  return resolve(root, 'dist', 'renderer');
}
