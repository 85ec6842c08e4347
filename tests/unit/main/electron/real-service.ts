import { mkdtemp, realpath, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before } from 'node:test';
import { createGlossService } from '../../../../main/service';
import type { GlossService } from '../../../../main/service-types';

/**
 * The real GlossService on a temporary data folder for one test file: the main side the desktop
 * shell's IPC hands calls to. Opened before the file's tests, closed and removed after them.
 */
export function useRealService(prefix: string): { service: () => GlossService; dataDir: () => string } {
  let dataDir = '';
  let service: GlossService | null = null;
  before(async () => {
    // Resolved as the service resolves document paths (macOS's tmpdir is a symlink), so paths of
    // files written here compare equal to the ones the service hands back.
    dataDir = await realpath(await mkdtemp(join(tmpdir(), prefix)));
    // The desktop's policy: the shell opens whatever the reader picked in the system dialog.
    service = await createGlossService({ dataDir, assetsDir: resolve('assets'), documentAccess: 'any-path' });
  });
  after(async () => {
    await service?.close();
    await rm(dataDir, { recursive: true, force: true });
  });
  return {
    service: () => {
      if (service === null) throw new Error('the service opens in before()');
      return service;
    },
    dataDir: () => dataDir,
  };
}
