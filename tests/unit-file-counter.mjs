// A node:test reporter that counts, per test file, the tests that ran, and writes the counts as
// JSON to the path in GLOSS_TEST_COUNTS when the run ends. Suites are not tests, and neither is
// the entry Node 20 reports, named after the file itself, for a file that registered nothing.
import { writeFileSync } from 'node:fs';

// A reporter must be an async generator; this one prints nothing (the spec reporter does).
// eslint-disable-next-line require-yield
export default async function* countTestsPerFile(source) {
  const counts = {};
  for await (const event of source) {
    if ((event.type === 'test:pass' || event.type === 'test:fail') && event.data.details?.type !== 'suite' && event.data.file && event.data.name !== event.data.file) {
      const entry = (counts[event.data.file] ??= { pass: 0, fail: 0, skip: 0 });
      if (event.type === 'test:fail') entry.fail += 1;
      else if (event.data.skip || event.data.todo) entry.skip += 1;
      else entry.pass += 1;
    }
  }
  writeFileSync(process.env.GLOSS_TEST_COUNTS, JSON.stringify(counts));
}
