// `npm run test:unit`: every tests/unit/**/*.test.ts, listed explicitly, through Node's test
// runner (with tsx for TypeScript). Node 20's runner passes when it is given no files, and a file
// that registers no test passes silently too, so this fails unless every file ran a test.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const files = readdirSync('tests/unit', { recursive: true })
  .map((file) => join('tests/unit', String(file)))
  .filter((file) => file.endsWith('.test.ts'))
  .sort();
if (files.length === 0) {
  console.error('test:unit: no test files found under tests/unit');
  process.exit(1);
}

const reportDir = mkdtempSync(join(tmpdir(), 'gloss-unit-'));
const countsFile = join(reportDir, 'counts.json');
const run = spawnSync(
  process.execPath,
  [
    '--import',
    'tsx',
    '--test',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    `--test-reporter=${resolve('tests/unit-file-counter.mjs')}`,
    '--test-reporter-destination=stderr',
    ...process.argv.slice(2),
    ...files,
  ],
  { stdio: 'inherit', env: { ...process.env, GLOSS_TEST_COUNTS: countsFile } },
);
let counts = {};
try {
  counts = JSON.parse(readFileSync(countsFile, 'utf8'));
} catch {
  console.error('test:unit: the test runner wrote no counts (did it crash?)');
}
rmSync(reportDir, { recursive: true, force: true });

const total = { pass: 0, fail: 0, skip: 0 };
const silent = [];
for (const file of files) {
  const entry = counts[resolve(file)];
  if (!entry || entry.pass + entry.fail + entry.skip === 0) silent.push(file);
  else for (const key of Object.keys(total)) total[key] += entry[key];
}
console.log(`test:unit: ${files.length} files, ${total.pass + total.fail + total.skip} tests: ${total.pass} passed, ${total.fail} failed, ${total.skip} skipped`);
if (silent.length > 0) console.error(`test:unit: these files ran no test: ${silent.join(', ')}`);
process.exit(run.status !== 0 ? (run.status ?? 1) : silent.length > 0 ? 1 : 0);
