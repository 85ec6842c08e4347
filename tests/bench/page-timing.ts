/**
 * What the browser benchmarks share: opening a page until it sets a performance mark, calling
 * Gloss's API from the benchmark's side, the median, and the machine's load.
 */
import { loadavg } from 'node:os';
import type { Page } from '@playwright/test';
import type { ApiMethod } from '../../main/api';
import { SESSION_HEADER, sessionHeaderValue, tokenFromAddress } from '../../main/common/browser-session';
import type { GlossServer } from '../e2e/gloss-server';

/**
 * Opens `url` and resolves once the page has set the performance mark `name`. It waits with a
 * PerformanceObserver, not by polling: Playwright's default polling runs in every animation frame,
 * which would make the page draw frames it would not draw otherwise.
 */
export async function openUntilMark(page: Page, url: string, name: string, timeoutMs = 120_000): Promise<void> {
  await page.goto(url, { waitUntil: 'commit' });
  // No named functions inside: tsx would wrap them in a helper the page does not have.
  await page.evaluate(
    ([mark, ms]) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no "${mark}" mark within ${ms} ms`)), ms);
        const observer = new PerformanceObserver(() => {
          if (performance.getEntriesByName(mark).length === 0) return;
          observer.disconnect();
          clearTimeout(timer);
          resolve();
        });
        observer.observe({ type: 'mark', buffered: true });
      }),
    [name, timeoutMs] as const,
  );
}

/** The start time of the page's performance mark `name`, in ms from navigation start. */
export async function markTime(page: Page, name: string): Promise<number> {
  return page.evaluate((mark) => performance.getEntriesByName(mark)[0]!.startTime, name);
}

/** Calls a GlossApi method on a running browser-mode server, with the session token of its address. */
export async function callGloss<T>(server: GlossServer, method: ApiMethod, request: unknown): Promise<T> {
  const address = new URL(server.url);
  const token = tokenFromAddress(address.hash, address.search);
  if (token === null) throw new Error(`no session token in ${server.url}`);
  const response = await fetch(`${address.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', [SESSION_HEADER]: sessionHeaderValue(token) },
    body: JSON.stringify(request),
  });
  const result = (await response.json()) as { ok: true; value: T } | { ok: false; error: { message: string } };
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value;
}

/** The median of some timings (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The machine's load averages over 1, 5 and 15 minutes: the figures depend on who else runs. */
export function loadAverage(): string {
  return loadavg()
    .map((load) => load.toFixed(1))
    .join(' / ');
}
