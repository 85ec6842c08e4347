import { ELECTRON_FETCH_HINT } from './electron-binary';

/** What `npm start` prints where Electron's binary is missing (the README quotes it). */
export const MISSING_ELECTRON_MESSAGE = [
  'Gloss: the Electron binary is not installed here (npm ci ran with ELECTRON_SKIP_BINARY_DOWNLOAD=1, or could not download it), so the desktop window cannot open.',
  `To get it: ${ELECTRON_FETCH_HINT}, then npm start again.`,
  'Meanwhile the same app runs in your browser: npm run serve -- [FILE]',
].join('\n');
