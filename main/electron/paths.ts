/**
 * Where the desktop app finds its own files, in development and when packaged: main/app-paths.ts
 * plus what only the packaged app knows.
 *
 * The main process is bundled to dist/main/electron.cjs, so the app root (the project folder,
 * or resources/app.asar when packaged) is found from this bundle's folder. Shipped assets are
 * copied outside the asar by electron-builder's extraResources, into resources/assets.
 */
import path from 'node:path';
import { app } from 'electron';
import * as appPaths from '../app-paths';

/** The folder holding package.json and dist/: the project, or app.asar when packaged. */
export function appRoot(): string {
  return appPaths.appRootFrom(__dirname);
}

/** The built renderer: index.html, main.js, styles/. */
export function rendererDir(): string {
  return appPaths.rendererDir(appRoot());
}

/** The sandboxed preload bundle, next to this main-process bundle. */
export function preloadPath(): string {
  return path.join(__dirname, 'preload.cjs');
}

/** Shipped assets (articles/, icons/): resources/assets when packaged, ./assets in development. */
export function assetsDir(): string {
  return app.isPackaged ? path.join(process.resourcesPath, 'assets') : appPaths.assetsDir(appRoot());
}

/** The window icon; Linux needs it at runtime (Windows and macOS take it from the bundle). */
export function windowIconPath(): string {
  return appPaths.windowIconIn(assetsDir());
}
