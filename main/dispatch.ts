import { API_METHODS, requestSchemas, type ApiMethod, type ApiResult, type GlossApi } from './api';
import { GlossError, toErrorInfo } from './errors';

/** Keys that must never reach an object merge, whatever the schema says. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** True for a method name that GlossApi has (and not, say, "toString"). */
export function isApiMethod(name: unknown): name is ApiMethod {
  return typeof name === 'string' && (API_METHODS as string[]).includes(name);
}

/**
 * Finds a forbidden key anywhere in a parsed JSON value. JSON.parse creates "__proto__" as an
 * own property, so a payload can carry one even though object literals cannot.
 */
export function findForbiddenKey(value: unknown, depth = 0): string | null {
  if (depth > 64) return '(nesting deeper than 64 levels)';
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = findForbiddenKey(item, depth + 1);
      if (found) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key)) return key;
      const found = findForbiddenKey((value as Record<string, unknown>)[key], depth + 1);
      if (found) return found;
    }
  }
  return null;
}

/**
 * The one entry point both transports (Electron IPC and browser-mode HTTP) call: checks the
 * method name and the payload against the contract's schemas, runs the method, and returns an
 * ApiResult. It never throws, so error codes survive either transport unchanged.
 */
export async function dispatch(api: GlossApi, method: string, payload: unknown): Promise<ApiResult<unknown>> {
  try {
    if (!isApiMethod(method)) throw new GlossError('invalid-request', `Unknown request "${String(method).slice(0, 60)}".`);
    const forbidden = findForbiddenKey(payload);
    if (forbidden) throw new GlossError('invalid-request', `The request for ${method} contains a forbidden key: ${forbidden}.`);
    const parsed = requestSchemas[method].safeParse(payload ?? {});
    if (!parsed.success) {
      const detail = parsed.error.issues
        .slice(0, 3)
        .map((issue) => `${issue.path.join('.') || 'request'}: ${issue.message}`)
        .join('; ');
      throw new GlossError('invalid-request', `The request for ${method} is not valid (${detail}). Nothing was changed.`);
    }
    // The schema guarantees the payload's shape; TypeScript cannot follow the method-to-schema link.
    const handler = api[method] as (request: unknown) => Promise<unknown>;
    const value = await handler.call(api, parsed.data);
    return { ok: true, value: value ?? null };
  } catch (error) {
    if (!(error instanceof GlossError)) console.error(`gloss: ${method} failed:`, error);
    return { ok: false, error: toErrorInfo(error) };
  }
}
