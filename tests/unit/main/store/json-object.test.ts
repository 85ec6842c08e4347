import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isJsonObject } from '../../../../main/store/json-object';

test('only plain objects count as JSON objects', () => {
  assert.equal(isJsonObject({}), true);
  assert.equal(isJsonObject([]), false);
  assert.equal(isJsonObject(null), false);
  assert.equal(isJsonObject('{}'), false);
});
