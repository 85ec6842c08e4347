/**
 * Checks that every packaged app electron-builder left in its output folder carries the modules
 * its bundles require at run time (jsdom above all, which esbuild leaves out of the bundles): the
 * app's asar is unpacked into a folder of its own, far from this checkout's node_modules, and its
 * own `gloss` command exports HTML and Anki cards (which render notes with jsdom) and W3C (which
 * renders the document) from a small data folder. A module missing from the package fails the
 * export, and so this check.
 *
 *   npx tsx tests/packaging/check-packaged-modules.ts [project folder] [output folder]
 *
 * Exits 1, saying what failed, when an export fails or nothing was packaged.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { extractAll } from '@electron/asar';
import { describeText } from '../../main/common/anchoring/describe-text';
import { loadHeadlessRenderer } from '../../main/documents/headless-render';
import { loadForReading } from '../../main/documents/load-document';
import { createGlossService } from '../../main/service';
import { loadBuilderConfig, packagedExecutables } from './check-fuses';

const ARTICLE = '# Packaged\n\n## Section\n\nA sentence the packaged app must export.\n';
const NOTE = 'A note with *emphasis*, rendered by jsdom.';

/** The asar of a packaged app, from its executable as packagedExecutables names it. */
function asarOf(executable: string): string {
  if (executable.endsWith('.app')) return path.join(executable, 'Contents', 'Resources', 'app.asar');
  return path.join(path.dirname(executable), 'resources', 'app.asar');
}

/** A data folder with one document and one highlight with a note, made by the checkout's own service. */
async function makeLibrary(folder: string): Promise<string> {
  const document = path.join(folder, 'packaged.md');
  await writeFile(document, ARTICLE);
  const dataDir = path.join(folder, 'data');
  const service = await createGlossService({ dataDir, assetsDir: path.resolve('assets'), documentAccess: 'any-path' });
  try {
    const opened = await service.openDocument({ path: document });
    const article = (await loadHeadlessRenderer()).renderArticle((await loadForReading(opened.path)).markdown);
    const phrase = 'A sentence the packaged app must export.';
    const start = article.text.indexOf(phrase);
    const selectors = describeText(article.text, start, start + phrase.length);
    if (selectors === null) throw new Error('the fixture sentence is not in its rendered text');
    await service.createAnnotation({
      documentId: opened.id,
      kind: 'highlight',
      color: 'yellow',
      note: NOTE,
      target: { ...selectors, headingPath: article.outline.pathAt(start), contentHash: opened.contentHash },
    });
  } finally {
    await service.close();
  }
  return dataDir;
}

/** Runs the packaged app's own `gloss export` in plain Node; returns what went wrong, if anything. */
function exportWith(cli: string, dataDir: string, format: string, expected: string, cwd: string): string | null {
  // No NODE_PATH, and a working folder outside the checkout: only the package's node_modules count.
  const env = { ...process.env, NODE_PATH: '', INIT_CWD: cwd };
  const run = spawnSync(process.execPath, [cli, 'export', '--format', format, '--data-dir', dataDir], { cwd, env, encoding: 'utf8' });
  if (run.status !== 0) return `gloss export --format ${format} exited ${String(run.status)}: ${run.stderr.trim()}`;
  if (!run.stdout.includes(expected)) return `gloss export --format ${format} did not write ${JSON.stringify(expected)}`;
  return null;
}

/** Checks every packaged app of `projectDir` (in `outputDir`, else the configuration's). */
export async function checkPackagedModules(projectDir: string, outputDir?: string): Promise<{ checked: string[]; problems: string[] }> {
  const config = await loadBuilderConfig(projectDir);
  const withOutput = outputDir === undefined ? config : { ...config, directories: { ...config.directories, output: outputDir } };
  const executables = await packagedExecutables(projectDir, withOutput);
  if (executables.length === 0) return { checked: [], problems: ['no packaged app found: run electron-builder first'] };
  const work = await realpath(await mkdtemp(path.join(tmpdir(), 'gloss-packaged-')));
  const problems: string[] = [];
  try {
    const dataDir = await makeLibrary(work);
    for (const [index, executable] of executables.entries()) {
      const unpacked = path.join(work, `app-${index}`);
      extractAll(asarOf(executable), unpacked);
      const cli = path.join(unpacked, 'dist', 'main', 'cli.cjs');
      for (const [format, expected] of [
        ['html', '<em>emphasis</em>'],
        ['anki', '<em>emphasis</em>'],
        ['w3c', '"TextPositionSelector"'],
      ] as const) {
        const problem = exportWith(cli, dataDir, format, expected, work);
        if (problem !== null) problems.push(`${executable}: ${problem}`);
      }
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  return { checked: executables, problems };
}

async function main(): Promise<void> {
  const projectDir = path.resolve(process.argv[2] ?? '.');
  const { checked, problems } = await checkPackagedModules(projectDir, process.argv[3]);
  for (const executable of checked) console.log(`ran the packaged code of ${executable}`);
  if (problems.length > 0) {
    for (const problem of problems) console.error(`check-packaged-modules: ${problem}`);
    process.exit(1);
  }
  console.log(`check-packaged-modules: all ${checked.length} packaged app(s) export HTML, Anki and W3C with their own node_modules`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(`check-packaged-modules: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
