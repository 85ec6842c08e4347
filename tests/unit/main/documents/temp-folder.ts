import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before } from 'node:test';

/**
 * A real temporary folder for one test file: created before its tests (resolved through
 * symlinks, as the reader resolves paths), removed after. `write` puts a file in it.
 */
export function useTempFolder(prefix: string): { dir: () => string; write: (name: string, content: string | Uint8Array) => Promise<string> } {
  let dir = '';
  before(async () => {
    dir = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), prefix)));
  });
  after(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });
  return {
    dir: () => dir,
    async write(name, content) {
      const file = path.join(dir, name);
      await fs.writeFile(file, content);
      return file;
    },
  };
}
