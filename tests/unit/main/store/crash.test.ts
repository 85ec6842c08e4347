import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { ANNOTATIONS_FOLDER, openAnnotationStore } from '../../../../main/store/annotation-store';
import { startFixture } from './fixtures/child-process';
import { makeTempDir } from './fixtures/temp-dir';

const ROUNDS = 15;
const DOC = 'crash-doc';
/** Children loading ahead of their turn: start-up, not writing, is what takes time. */
const PRELOADED = 3;

/** A started child, loading its modules, that begins creating only when told. */
interface PreparedRun {
  /** Lets it write for 20–200 ms after it is ready, kills it, and returns the ids it confirmed. */
  go(): Promise<{ confirmed: string[]; ranMs: number }>;
  /** Ends a child left over when the test fails early. */
  kill(): void;
}

/**
 * Starts the create loop in a child process. It waits for `go`, so its start-up (the slow part)
 * overlaps the previous round and 15 rounds fit in a few seconds.
 */
function prepareRun(dataDir: string, prefix: string): PreparedRun {
  const child = startFixture('create-loop.ts', [dataDir, DOC, prefix]);
  let stdout = '';
  let stderr = '';
  let killTimer: NodeJS.Timeout | undefined;
  const ranMs = 20 + Math.floor(Math.random() * 181);
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    if (killTimer === undefined && stdout.startsWith('ready\n')) {
      killTimer = setTimeout(() => child.kill('SIGKILL'), ranMs);
    }
  });
  const ended = new Promise<NodeJS.Signals | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (_code, signal) => resolve(signal));
  });
  return {
    async go() {
      child.stdin.write('go\n');
      const signal = await ended;
      assert.equal(signal, 'SIGKILL', `the child ended on its own: ${stderr}`);
      // A line cut short by the kill is not a confirmed id: only whole lines count.
      const lines = stdout.split('\n').slice(0, -1);
      return { confirmed: lines.filter((line) => line !== 'ready'), ranMs };
    },
    kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}

test('every confirmed create survives SIGKILL at random moments', { timeout: 60_000 }, async (t) => {
  const dataDir = await makeTempDir(t);
  const confirmed = new Set<string>();
  let writesBeforeKill = 0;
  const prepared: PreparedRun[] = [];
  t.after(() => prepared.forEach((run) => run.kill()));
  let started = 0;
  const prepareMore = (): void => {
    while (started < ROUNDS && prepared.length < PRELOADED) prepared.push(prepareRun(dataDir, `r${started++}`));
  };
  prepareMore();
  for (let round = 0; round < ROUNDS; round += 1) {
    const current = prepared.shift();
    assert.ok(current);
    // Only the child told to go writes; the others just load meanwhile.
    const running = current.go();
    prepareMore();
    const { confirmed: ids, ranMs } = await running;
    for (const id of ids) confirmed.add(id);
    writesBeforeKill += ids.length;

    const notices: string[] = [];
    const stored = await openAnnotationStore(dataDir, { onRecover: (m) => notices.push(m) }).list(DOC);
    const onDisk = new Set(stored.map((a) => a.id));
    const missing = [...confirmed].filter((id) => !onDisk.has(id));
    assert.deepEqual(missing, [], `round ${round} (killed after ${ranMs} ms) lost confirmed annotations`);
    assert.deepEqual(notices, [], 'a killed process never leaves a damaged file');
  }

  const folder = join(dataDir, ANNOTATIONS_FOLDER);
  const names = await readdir(folder);
  assert.equal(names.filter((name) => name.includes('.corrupt-')).length, 0);
  // The file may be missing only if the last kill fell between the two renames; the backup then holds everything.
  const file = names.includes(`${DOC}.json`) ? `${DOC}.json` : `${DOC}.json.bak`;
  const parsed = JSON.parse(await readFile(join(folder, file), 'utf8')) as { annotations: { id: string }[] };
  const inFile = new Set(parsed.annotations.map((a) => a.id));
  assert.ok([...confirmed].every((id) => inFile.has(id)), 'the file on disk parses and holds every confirmed id');
  t.diagnostic(`${confirmed.size} confirmed creates, ${ROUNDS} kills, none lost`);
  assert.ok(writesBeforeKill > ROUNDS, `the children should have confirmed some writes (got ${writesBeforeKill})`);
});
