import assert from 'node:assert/strict';
import { test } from 'node:test';
import { z } from 'zod';
import { describeIssue, readQuarantine } from '../../../../main/store/quarantine';

test('readQuarantine copies a list and keeps anything else as an entry', () => {
  const list = [{ reason: 'r', quarantinedAt: 't', entry: 1 }];
  const copy = readQuarantine(list, 'now');
  assert.deepEqual(copy, list);
  assert.notEqual(copy, list, 'a copy, so adding to it leaves the parsed file alone');
  assert.deepEqual(readQuarantine(undefined, 'now'), []);
  assert.deepEqual(readQuarantine({ odd: true }, 'now'), [
    { reason: 'the "quarantine" field was not a list', quarantinedAt: 'now', entry: { odd: true } },
  ]);
});

test('readQuarantine wraps each entry that is not in the usual form, keeping it whole', () => {
  const good = { reason: 'r', quarantinedAt: 't', entry: { id: 'a' } };
  const read = readQuarantine(['text', 7, null, { reason: 'no date' }, good], 'now');
  assert.deepEqual(
    read.map((q) => q.entry),
    ['text', 7, null, { reason: 'no date' }, { id: 'a' }],
  );
  assert.equal(read[4], good);
  assert.ok(read.slice(0, 4).every((q) => q.quarantinedAt === 'now' && /not in its usual form/.test(q.reason)));
});

test('describeIssue names the first problem and where it is', () => {
  const result = z.object({ a: z.object({ b: z.number() }) }).safeParse({ a: { b: 'x' } });
  assert.equal(result.success, false);
  assert.match(describeIssue(result.error!), /expected number.*\(at a\.b\)/);
});
