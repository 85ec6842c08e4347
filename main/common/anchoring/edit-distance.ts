/**
 * The true edit distance between a found span and a quote. approx-string-match reports how many
 * edits the quote needs to occur *somewhere inside* a text, which says nothing about a span whose
 * ends were moved afterwards (to the stored context, to word boundaries): only the distance
 * between the two whole strings tells how alike the passage really is.
 */

// Reused between calls: re-anchoring computes thousands of distances and most are tiny.
let previousRow = new Int32Array(256);
let currentRow = new Int32Array(256);

/**
 * Levenshtein distance (insertions, deletions and substitutions of UTF-16 code units) between
 * `a` and `b`, when it is at most `max`; `max + 1` when it is more. Costs O(max × length): only
 * the diagonal band the budget allows is computed, after the common prefix and suffix are set
 * aside, and the computation stops as soon as every path is over budget.
 */
export function boundedEditDistance(a: string, b: string, max: number): number {
  const over = Math.max(0, Math.floor(max)) + 1;
  if (a === b) {
    return 0;
  }
  if (Math.abs(a.length - b.length) >= over) {
    return over;
  }
  let head = 0;
  while (head < a.length && head < b.length && a.charCodeAt(head) === b.charCodeAt(head)) {
    head += 1;
  }
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a.charCodeAt(a.length - 1 - tail) === b.charCodeAt(b.length - 1 - tail)) {
    tail += 1;
  }
  const rows = a.length - head - tail;
  const columns = b.length - head - tail;
  if (rows === 0 || columns === 0) {
    return Math.min(rows + columns, over);
  }
  const band = over - 1;
  if (previousRow.length < columns + 2) {
    previousRow = new Int32Array(columns * 2 + 2);
    currentRow = new Int32Array(columns * 2 + 2);
  }
  let previous = previousRow;
  let current = currentRow;
  for (let j = 0; j <= columns; j++) {
    previous[j] = j <= band ? j : over;
  }
  previous[columns + 1] = over;
  for (let i = 1; i <= rows; i++) {
    const low = Math.max(1, i - band);
    const high = Math.min(columns, i + band);
    // Cells left of the band are out of reach; column 0 is i deletions.
    current[low - 1] = low === 1 ? Math.min(i, over) : over;
    let rowMin = current[low - 1]!;
    const code = a.charCodeAt(head + i - 1);
    for (let j = low; j <= high; j++) {
      const substitution = previous[j - 1]! + (code === b.charCodeAt(head + j - 1) ? 0 : 1);
      const deletion = previous[j]! + 1;
      const insertion = current[j - 1]! + 1;
      let cell = substitution < deletion ? substitution : deletion;
      if (insertion < cell) {
        cell = insertion;
      }
      if (cell > over) {
        cell = over;
      }
      current[j] = cell;
      if (cell < rowMin) {
        rowMin = cell;
      }
    }
    // The next row reads one cell right of this band: out of reach.
    if (high < columns) {
      current[high + 1] = over;
    }
    if (rowMin >= over) {
      return over;
    }
    const swap = previous;
    previous = current;
    current = swap;
  }
  return Math.min(previous[columns]!, over);
}
