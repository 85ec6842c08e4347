import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { API_METHODS } from '../../../../main/api';
import { apiChannel, COMMAND_CHANNEL } from '../../../../main/electron/channels';

describe('apiChannel', () => {
  test('names the channel of a method gloss:<method>', () => {
    assert.equal(apiChannel('openDocument'), 'gloss:openDocument');
    assert.equal(apiChannel('openExternal'), 'gloss:openExternal');
  });

  test('gives every API method its own channel', () => {
    const channels = API_METHODS.map(apiChannel);
    assert.ok(channels.length > 0);
    assert.equal(new Set(channels).size, channels.length);
    for (const channel of channels) assert.match(channel, /^gloss:[A-Za-z]+$/);
  });
});

describe('COMMAND_CHANNEL', () => {
  test('is not an API channel, so shell commands never reach an invoke handler and no invoke reaches the command listener', () => {
    assert.equal(COMMAND_CHANNEL, 'gloss:command');
    assert.equal(API_METHODS.map(apiChannel).includes(COMMAND_CHANNEL as never), false);
  });
});
