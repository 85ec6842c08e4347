/**
 * A real Gloss service on a temporary data folder, and a folder of documents beside it, for the
 * library's tests: every call goes through `dispatch`, as both transports' calls do.
 */
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestContext } from 'node:test';
import type { AnnotationTarget, ApiMethod, ApiRequest, GlossApi, OpenedDocument } from '../../../../main/api';
import { dispatch } from '../../../../main/dispatch';
import { createGlossService } from '../../../../main/service';
import type { DocumentAccess, GlossService } from '../../../../main/service-types';

export { BOOKSHOPS as ARTICLE, BOOKSHOPS_EDITED as ARTICLE_EDITED, HEATWAVE as OTHER_ARTICLE } from '../../../fixtures/library/articles';

/** A service, its data folder and a documents folder, all removed when the test ends. */
export interface LibraryWorld {
  dataDir: string;
  docs: string;
  service: GlossService;
  /** Calls the API through dispatch; rejects with the error info on failure. */
  call<M extends ApiMethod>(method: M, request: ApiRequest<M>): Promise<Awaited<ReturnType<GlossApi[M]>>>;
  /** Writes a file in the documents folder (subfolders created). */
  write(name: string, text: string): Promise<string>;
  /** Closes the service and starts a new one on the same folder (a restart). */
  restart(): Promise<void>;
}

/** Starts a world; `access` is the transport's document access ('any-path' is the desktop's). */
export async function libraryWorld(t: TestContext, access: DocumentAccess = 'any-path', initialDocumentPath: string | null = null): Promise<LibraryWorld> {
  const root = await realpath(await mkdtemp(join(tmpdir(), 'gloss-library-')));
  const dataDir = join(root, 'data');
  const docs = join(root, 'docs');
  await mkdir(docs);
  const start = () => createGlossService({ dataDir, assetsDir: resolve('assets'), documentAccess: access, initialDocumentPath });
  const world: LibraryWorld = {
    dataDir,
    docs,
    service: await start(),
    async call(method, request) {
      const result = await dispatch(world.service, method, request);
      if (!result.ok) throw Object.assign(new Error(result.error.message), result.error);
      return result.value as never;
    },
    async write(name, text) {
      const file = join(docs, name);
      await mkdir(join(file, '..'), { recursive: true });
      await writeFile(file, text);
      return file;
    },
    async restart() {
      await world.service.close();
      world.service = await start();
    },
  };
  t.after(async () => {
    await world.service.close();
    await rm(root, { recursive: true, force: true });
  });
  return world;
}

/** A highlight target for `exact` in a document (the position is plausible, not checked). */
export function targetIn(doc: OpenedDocument, exact: string): AnnotationTarget {
  const start = Math.max(0, readFileSync(doc.path, 'utf8').indexOf(exact));
  return {
    quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector', start, end: start + exact.length },
    headingPath: [],
    contentHash: doc.contentHash,
  };
}

/** Creates `count` highlights in a document. */
export async function highlight(world: LibraryWorld, doc: OpenedDocument, count: number): Promise<void> {
  for (let n = 0; n < count; n += 1) {
    await world.call('createAnnotation', { documentId: doc.id, kind: 'highlight', color: 'yellow', note: `note ${n}`, target: targetIn(doc, 'reading groups') });
  }
}
