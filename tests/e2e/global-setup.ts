import { ELECTRON_MISSING_ERROR, ELECTRON_SKIP_REASON, electronExecutable, electronRequired } from './electron-binary';

/** Runs once before the end-to-end tests. The list reporter shows a skipped test without its reason: say it here. */
export default function globalSetup(): void {
  if (electronExecutable() !== null) return;
  if (electronRequired()) console.log(`Electron end-to-end tests will fail. ${ELECTRON_MISSING_ERROR}\n`);
  else console.log(`Electron end-to-end tests will be skipped. ${ELECTRON_SKIP_REASON}\n`);
}
