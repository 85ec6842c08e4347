/**
 * Reading a command's arguments strictly (node:util's parseArgs): an option the command does not
 * take, a value missing, or one too many files is a UsageError naming the command, never a
 * guess.
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { defaultDataDir, invocationDir } from '../data-dir';
import { UsageError } from './exit-codes';

/** The options of a command: each a string or a flag. */
export type OptionSpec = Record<string, { type: 'string' | 'boolean' }>;

/** A command's arguments, read. */
export interface ParsedArgs {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

/** Every command takes these. */
const COMMON: OptionSpec = { 'data-dir': { type: 'string' }, help: { type: 'boolean' } };

/** Reads `argv` for `command`, which takes `options` and at most `maxFiles` file arguments. */
export function readArgs(command: string, argv: readonly string[], options: OptionSpec, maxFiles: number): ParsedArgs {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: { ...COMMON, ...options }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(usageMessage(error), command);
  }
  const { values, positionals } = parsed;
  if (values.help !== true && positionals.length > maxFiles) {
    throw new UsageError(`gloss ${command} takes ${maxFiles === 0 ? 'no file' : maxFiles === 1 ? 'one file' : `${maxFiles} files`}, not “${positionals.join(' ')}”.`, command);
  }
  return { values: values as ParsedArgs['values'], positionals };
}

/** parseArgs's errors, said for people. */
function usageMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown }).code;
  const option = /'(-[^' ]+)[^']*'/.exec(message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) return `Unknown option ${option}.`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option) {
    return /argument missing|ambiguous/.test(message) ? `${option} needs a value.` : `${option} takes no value.`;
  }
  return message;
}

/** The data folder: `--data-dir DIR`, else $GLOSS_DATA_DIR, else the desktop app's own. */
export function dataDirOf(values: ParsedArgs['values'], env: NodeJS.ProcessEnv = process.env): string {
  const given = typeof values['data-dir'] === 'string' ? values['data-dir'] : (env.GLOSS_DATA_DIR ?? defaultDataDir(env));
  return resolve(invocationDir(env), given);
}

/** A path given on the command line, resolved where the command was typed. */
export function pathArgument(path: string): string {
  return resolve(invocationDir(), path);
}

/** The string value of an option, or undefined. */
export function stringOption(values: ParsedArgs['values'], name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}
