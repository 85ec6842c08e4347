import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { defaultDataDir, findDocumentArgument, readFlag, resolveDataDir } from '../../../main/data-dir';

test('--data-dir wins over GLOSS_DATA_DIR, which wins over the default', () => {
  assert.equal(resolveDataDir(['--data-dir', '/a'], { GLOSS_DATA_DIR: '/b' }, '/c'), resolve('/a'));
  assert.equal(resolveDataDir(['--data-dir=/a2'], { GLOSS_DATA_DIR: '/b' }, '/c'), resolve('/a2'));
  assert.equal(resolveDataDir([], { GLOSS_DATA_DIR: '/b' }, '/c'), resolve('/b'));
  assert.equal(resolveDataDir([], {}, '/c'), resolve('/c'));
});

test('the document argument skips flags and their values', () => {
  assert.equal(findDocumentArgument(['--data-dir', 'notes.md', '--port', '0']), null);
  assert.equal(findDocumentArgument(['--port', '0', 'article.txt']), resolve('article.txt'));
  assert.equal(findDocumentArgument(['--inspect', 'x.markdown']), resolve('x.markdown'));
  assert.equal(findDocumentArgument(['picture.png']), null);
  assert.equal(readFlag(['--port'], 'port'), null);
});

test('the default folder is the one Electron names userData for Gloss', () => {
  assert.equal(defaultDataDir({}, 'linux', '/home/ann'), resolve('/home/ann/.config/Gloss'));
  assert.equal(defaultDataDir({ XDG_CONFIG_HOME: '/x' }, 'linux', '/home/ann'), resolve('/x/Gloss'));
  assert.equal(defaultDataDir({}, 'darwin', '/Users/ann'), resolve('/Users/ann/Library/Application Support/Gloss'));
  assert.match(defaultDataDir({ APPDATA: 'C:/Users/ann/AppData/Roaming' }, 'win32', 'C:/Users/ann'), /Roaming[\\/]Gloss$/);
});

test('relative paths are taken from where npm was run (INIT_CWD), not the package folder', () => {
  assert.equal(resolveDataDir(['--data-dir', 'data'], { INIT_CWD: '/home/ann/notes' }, '/c'), resolve('/home/ann/notes/data'));
  assert.equal(findDocumentArgument(['essay.md'], '/home/ann/notes'), resolve('/home/ann/notes/essay.md'));
});

