/**
 * The one table of file types Gloss serves: the app's own files (both transports serve the built
 * renderer) and the files a document may show next to it (images, audio, video, their captions).
 */
import path from 'node:path';

/** What a file is for: part of the app, or something a document may show. */
type FileUse = 'app' | 'document';

const FILE_TYPES: Readonly<Record<string, { type: string; use: readonly FileUse[] }>> = {
  '.html': { type: 'text/html; charset=utf-8', use: ['app'] },
  '.js': { type: 'text/javascript; charset=utf-8', use: ['app'] },
  '.mjs': { type: 'text/javascript; charset=utf-8', use: ['app'] },
  '.css': { type: 'text/css; charset=utf-8', use: ['app'] },
  '.json': { type: 'application/json; charset=utf-8', use: ['app'] },
  '.map': { type: 'application/json; charset=utf-8', use: ['app'] },
  '.txt': { type: 'text/plain; charset=utf-8', use: ['app'] },
  '.woff': { type: 'font/woff', use: ['app'] },
  '.woff2': { type: 'font/woff2', use: ['app'] },
  '.ttf': { type: 'font/ttf', use: ['app'] },
  '.ico': { type: 'image/x-icon', use: ['app'] },
  '.png': { type: 'image/png', use: ['app', 'document'] },
  '.jpg': { type: 'image/jpeg', use: ['app', 'document'] },
  '.jpeg': { type: 'image/jpeg', use: ['app', 'document'] },
  '.gif': { type: 'image/gif', use: ['app', 'document'] },
  '.webp': { type: 'image/webp', use: ['app', 'document'] },
  // An SVG shown through <img> cannot run script, and the CSP forbids it anyway.
  '.svg': { type: 'image/svg+xml', use: ['app', 'document'] },
  '.avif': { type: 'image/avif', use: ['document'] },
  '.bmp': { type: 'image/bmp', use: ['document'] },
  '.mp3': { type: 'audio/mpeg', use: ['document'] },
  '.m4a': { type: 'audio/mp4', use: ['document'] },
  '.oga': { type: 'audio/ogg', use: ['document'] },
  '.ogg': { type: 'audio/ogg', use: ['document'] },
  '.opus': { type: 'audio/ogg', use: ['document'] },
  '.wav': { type: 'audio/wav', use: ['document'] },
  '.flac': { type: 'audio/flac', use: ['document'] },
  '.mp4': { type: 'video/mp4', use: ['document'] },
  '.m4v': { type: 'video/mp4', use: ['document'] },
  '.ogv': { type: 'video/ogg', use: ['document'] },
  '.webm': { type: 'video/webm', use: ['document'] },
  // Captions and subtitles for <track>.
  '.vtt': { type: 'text/vtt; charset=utf-8', use: ['document'] },
};

function typeFor(file: string, use: FileUse): string | null {
  const entry = FILE_TYPES[path.extname(file).toLowerCase()];
  return entry?.use.includes(use) ? entry.type : null;
}

/**
 * The Content-Type of a file of the built renderer. Module scripts are refused without a
 * JavaScript type; anything unknown is opaque bytes, never a page.
 */
export function mimeTypeFor(file: string): string {
  return typeFor(file, 'app') ?? 'application/octet-stream';
}

/** The Content-Type of a file a document may show (an image, audio, video, captions), or null. */
export function documentFileType(file: string): string | null {
  return typeFor(file, 'document');
}
