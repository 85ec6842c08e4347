/**
 * `npm start`: opens the desktop app (Electron on this folder), passing on the command line's
 * files. Where Electron's binary was never downloaded (installed with
 * ELECTRON_SKIP_BINARY_DOWNLOAD=1, or offline), it says so in a sentence, says how to fetch it
 * and how to read in the browser mode meanwhile, and exits with status 1: not electron's stack trace.
 */
import { spawn } from 'node:child_process';
import { electronExecutable } from './electron-binary';
import { MISSING_ELECTRON_MESSAGE } from './start-desktop-message';

function main(): void {
  const executable = electronExecutable();
  if (executable === null) {
    console.error(MISSING_ELECTRON_MESSAGE);
    process.exit(1);
  }
  const child = spawn(executable, ['.', ...process.argv.slice(2)], { stdio: 'inherit', windowsHide: false });
  child.on('error', (error) => {
    console.error(`Gloss: could not start Electron (${executable}): ${error.message}`);
    process.exit(1);
  });
  child.on('close', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  // Closing the terminal, or Ctrl+C, reaches the app too (as electron's own cli.js does).
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
}

main();
