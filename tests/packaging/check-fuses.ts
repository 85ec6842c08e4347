/**
 * Checks that every packaged app electron-builder left in its output folder has its Electron fuses
 * set as electron-builder.yml's `electronFuses` says. The expected values are read with
 * electron-builder's own configuration loader (the file it finds, parsed as it parses it), so this
 * check and the packager cannot disagree about what the file means; the actual ones are read from
 * each packaged executable with @electron/fuses.
 *
 *   npx tsx tests/packaging/check-fuses.ts [project folder]
 *
 * Exits 1, naming each fuse, when one differs, is missing from the binary, or nothing was packaged.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { FuseState } from '@electron/fuses/dist/constants';
import { loadConfig } from 'app-builder-lib/out/util/config/load';
import type { Configuration } from 'electron-builder';

/** electron-builder's names for the fuses it can set. */
type FuseOptions = NonNullable<Configuration['electronFuses']>;
type FuseName = Exclude<keyof FuseOptions, 'resetAdHocDarwinSignature'>;

/**
 * Where each of electron-builder's fuse names sits on the fuse wire, as its packager maps them
 * (app-builder-lib's generateFuseConfig). Typed so that a fuse electron-builder adds fails to compile.
 */
export const FUSE_INDEX: Readonly<Record<FuseName, FuseV1Options>> = {
  runAsNode: FuseV1Options.RunAsNode,
  enableCookieEncryption: FuseV1Options.EnableCookieEncryption,
  enableNodeOptionsEnvironmentVariable: FuseV1Options.EnableNodeOptionsEnvironmentVariable,
  enableNodeCliInspectArguments: FuseV1Options.EnableNodeCliInspectArguments,
  enableEmbeddedAsarIntegrityValidation: FuseV1Options.EnableEmbeddedAsarIntegrityValidation,
  onlyLoadAppFromAsar: FuseV1Options.OnlyLoadAppFromAsar,
  loadBrowserProcessSpecificV8Snapshot: FuseV1Options.LoadBrowserProcessSpecificV8Snapshot,
  grantFileProtocolExtraPrivileges: FuseV1Options.GrantFileProtocolExtraPrivileges,
};

/** One fuse the configuration sets. */
export interface ExpectedFuse {
  name: string;
  index: FuseV1Options;
  enabled: boolean;
}

/** The outcome of checking one project's output folder. */
export interface FuseCheckResult {
  /** The packaged executables that were read. */
  checked: string[];
  /** What is wrong, one line each; empty when every fuse is as configured. */
  problems: string[];
}

/**
 * The electron-builder configuration of `projectDir`, found and parsed by electron-builder's own
 * loader (package.json's "build", else electron-builder.yml and its siblings). Its `extends` is not
 * followed: Gloss uses none, and fuses set only in a parent would fail this check, not pass it.
 * The product name falls back to package.json's, as electron-builder's does.
 */
export async function loadBuilderConfig(projectDir: string): Promise<Configuration> {
  const loaded = await loadConfig<Configuration>({ packageKey: 'build', configFilename: 'electron-builder', projectDir, packageMetadata: null });
  if (loaded === null) throw new Error(`no electron-builder configuration in ${projectDir}`);
  const metadata = JSON.parse(await readFile(path.join(projectDir, 'package.json'), 'utf8')) as { productName?: string; name?: string };
  return { ...loaded.result, productName: loaded.result.productName ?? metadata.productName ?? metadata.name ?? null };
}

/** The fuses `config` sets, or an error for a name this check does not know. */
export function expectedFuses(config: Configuration): ExpectedFuse[] {
  const fuses = config.electronFuses;
  if (fuses == null) throw new Error('electron-builder.yml sets no electronFuses: there is nothing to check.');
  const expected: ExpectedFuse[] = [];
  for (const [name, enabled] of Object.entries(fuses)) {
    if (name === 'resetAdHocDarwinSignature' || enabled == null) continue;
    if (!(name in FUSE_INDEX)) throw new Error(`electron-builder.yml sets the fuse "${name}", which this check does not know.`);
    if (typeof enabled !== 'boolean') throw new Error(`electron-builder.yml sets the fuse "${name}" to ${JSON.stringify(enabled)}, not true or false.`);
    expected.push({ name, index: FUSE_INDEX[name as FuseName], enabled });
  }
  return expected;
}

/**
 * Output subfolders electron-builder unpacks an app into (linux-unpacked, win-arm64-unpacked,
 * mac-arm64…), and the executable inside each, named as electron-builder names it.
 */
function packagedLayouts(config: Configuration): { folder: RegExp; executable: string }[] {
  const productName = config.productName ?? 'Electron';
  const named = (options: { executableName?: string | null } | null | undefined, fallback = productName) => options?.executableName ?? config.executableName ?? fallback;
  return [
    { folder: /^linux(-[a-z0-9]+)?-unpacked$/, executable: named(config.linux, productName.toLowerCase()) },
    { folder: /^win(-[a-z0-9]+)?-unpacked$/, executable: `${named(config.win)}.exe` },
    // @electron/fuses finds the framework binary inside the bundle.
    { folder: /^mac(-[a-z0-9]+)?$/, executable: `${named(config.mac)}.app` },
  ];
}

/** Every packaged app in electron-builder's output folder. */
export async function packagedExecutables(projectDir: string, config: Configuration): Promise<string[]> {
  const outputDir = path.resolve(projectDir, config.directories?.output ?? 'dist');
  const entries = await readdir(outputDir, { withFileTypes: true }).catch(() => []);
  const found: string[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory()) continue;
    const layout = packagedLayouts(config).find(({ folder }) => folder.test(entry.name));
    if (layout !== undefined) found.push(path.join(outputDir, entry.name, layout.executable));
  }
  return found.sort();
}

const STATE_NAMES: Readonly<Record<number, string>> = {
  [FuseState.ENABLE]: 'enabled',
  [FuseState.DISABLE]: 'disabled',
  [FuseState.REMOVED]: 'removed from this Electron',
};

/** Compares one executable's wire with the expected fuses; returns what differs. */
function compareWire(executable: string, wire: Awaited<ReturnType<typeof getCurrentFuseWire>>, expected: readonly ExpectedFuse[]): string[] {
  const problems: string[] = [];
  for (const fuse of expected) {
    const state = wire[fuse.index];
    const wanted = fuse.enabled ? FuseState.ENABLE : FuseState.DISABLE;
    if (state === wanted) continue;
    const actual = state === undefined ? 'not on its fuse wire' : (STATE_NAMES[state] ?? `in the unknown state ${String(state)}`);
    problems.push(`${executable}: fuse ${fuse.name} should be ${fuse.enabled ? 'enabled' : 'disabled'} but is ${actual}`);
  }
  return problems;
}

/** Checks every packaged app of `projectDir` against its electron-builder.yml. */
export async function checkPackagedFuses(projectDir: string): Promise<FuseCheckResult> {
  const config = await loadBuilderConfig(projectDir);
  const expected = expectedFuses(config);
  const executables = await packagedExecutables(projectDir, config);
  if (executables.length === 0) {
    return { checked: [], problems: [`no packaged app in ${path.resolve(projectDir, config.directories?.output ?? 'dist')}: run electron-builder first`] };
  }
  const problems: string[] = [];
  for (const executable of executables) {
    try {
      problems.push(...compareWire(executable, await getCurrentFuseWire(executable), expected));
    } catch (error) {
      problems.push(`${executable}: cannot read its fuses (${error instanceof Error ? error.message : String(error)})`);
    }
  }
  return { checked: executables, problems };
}

async function main(): Promise<void> {
  const projectDir = path.resolve(process.argv[2] ?? '.');
  const { checked, problems } = await checkPackagedFuses(projectDir);
  for (const executable of checked) console.log(`checked the fuses of ${executable}`);
  if (problems.length > 0) {
    for (const problem of problems) console.error(`check-fuses: ${problem}`);
    process.exit(1);
  }
  console.log(`check-fuses: all ${checked.length} packaged app(s) have their fuses set as electron-builder.yml says`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(`check-fuses: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
