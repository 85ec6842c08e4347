/**
 * What electron-builder.yml must say for export, import and links to work in a packaged app, read
 * with electron-builder's own loader: the annotation links' scheme registered with the OS, and
 * jsdom (external to the bundles, esbuild.config.mjs) packed, not excluded with node_modules.
 * Every other production dependency is in the bundles, and left out of the package.
 * tests/packaging/check-packaged-modules.ts runs the packaged code itself after packaging.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { ANNOTATION_LINK_SCHEME } from '../../../main/common/annotation-link';
import { loadBuilderConfig } from '../../packaging/check-fuses';

/** The modules esbuild.config.mjs leaves external to the Node bundles. */
async function externalModules(): Promise<string[]> {
  const build = await readFile('esbuild.config.mjs', 'utf8');
  return /external: \[([^\]]*)\]/.exec(build)?.[1]?.match(/'([^']+)'/g)?.map((name) => name.slice(1, -1)) ?? [];
}

test('the gloss: scheme of annotation links is registered with the OS', async () => {
  const config = await loadBuilderConfig('.');
  const protocols = [config.protocols ?? []].flat();
  assert.ok(protocols.some((protocol) => [protocol.schemes].flat().includes(ANNOTATION_LINK_SCHEME)));
});

test('the modules the bundles leave external are packed', async () => {
  const config = await loadBuilderConfig('.');
  const patterns = [config.files ?? []].flat().filter((pattern): pattern is string => typeof pattern === 'string');
  const external = await externalModules();
  assert.ok(external.includes('jsdom'), 'esbuild.config.mjs leaves jsdom external');
  assert.ok(!patterns.includes('!node_modules/**'), 'node_modules is not excluded wholesale');
  for (const name of external.filter((module) => module !== 'electron')) {
    for (const pattern of patterns.filter((p) => p.startsWith('!'))) assert.ok(!new RegExp(`[{,/]${name}[},/]`).test(pattern), `${pattern} excludes ${name}`);
  }
});

test('every production dependency the bundles already hold is left out of the package, and only those', async () => {
  const config = await loadBuilderConfig('.');
  const patterns = [config.files ?? []].flat().filter((pattern): pattern is string => typeof pattern === 'string');
  const manifest = JSON.parse(await readFile('package.json', 'utf8')) as { dependencies: Record<string, string> };
  const external = await externalModules();
  const excluded = patterns.flatMap((pattern) => /^!node_modules\/\{([^}]*)\}\/\*\*$/.exec(pattern)?.[1]?.split(',') ?? []);
  assert.ok(excluded.length > 0, 'electron-builder.yml leaves no bundled module out');
  for (const name of Object.keys(manifest.dependencies)) {
    // A scoped package is left out by its scope (@fontsource), as the pattern names it.
    const listed = excluded.includes(name) || excluded.includes(name.split('/')[0]!);
    assert.equal(listed, !external.includes(name), external.includes(name) ? `${name} is external to the bundles and must be packed` : `${name} is in the bundles and is packed again`);
  }
});
