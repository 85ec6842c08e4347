/** Small statistics shared by the benchmarks. */

/** The value below which `fraction` of `sorted` (ascending) lies: nearest rank, NaN when empty. */
export function percentile(sorted: readonly number[], fraction: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}
