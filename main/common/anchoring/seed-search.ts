/**
 * Approximate search over a long text without scanning all of it with the edit-distance
 * automaton: "filter, then verify". Pieces of the pattern (seeds) are found with `indexOf`, which
 * is dozens of times faster than approx-string-match per character; only the places where two or
 * more seeds agree on where the pattern would start are verified with approx-string-match.
 *
 * This trades completeness for speed: a match in which every seed was edited is not found. With
 * eight seeds spread over the pattern that takes edits all through a passage, which is past the
 * similarity Gloss accepts in practice for all but the shortest quotes.
 */
import search from 'approx-string-match';
import type { Match } from 'approx-string-match';
import type { TextSpan } from './text-index';

const MAX_SEEDS = 8;
const MIN_SEED_LENGTH = 5;
const MAX_SEED_LENGTH = 16;
// A seed found more often than this says little about where the pattern is ("of the ").
const MAX_HITS_PER_SEED = 64;
const MIN_AGREEING_SEEDS = 2;
// Verifying a region costs about its length: cap how many are verified for one pattern.
const MAX_REGIONS = 32;

/** Seeds: non-overlapping pieces of the pattern, evenly spread, and their offsets in it. */
function seedsOf(pattern: string): { text: string; offset: number }[] {
  const length = Math.max(MIN_SEED_LENGTH, Math.min(MAX_SEED_LENGTH, Math.floor(pattern.length / MAX_SEEDS)));
  const count = Math.min(MAX_SEEDS, Math.floor(pattern.length / length));
  const step = count > 0 ? Math.floor(pattern.length / count) : 0;
  const seeds: { text: string; offset: number }[] = [];
  for (let i = 0; i < count; i++) {
    seeds.push({ text: pattern.slice(i * step, i * step + length), offset: i * step });
  }
  return seeds;
}

/** Where `needle` starts inside `hay`, or null when it occurs more than `limit` times. */
function hitsOf(hay: string, needle: string, limit: number): number[] | null {
  const hits: number[] = [];
  for (let at = hay.indexOf(needle); at !== -1; at = hay.indexOf(needle, at + 1)) {
    if (hits.length === limit) {
      return null;
    }
    hits.push(at);
  }
  return hits;
}

/**
 * Approximate matches of `pattern` within `span` of `text` with at most `maxErrors` errors, in
 * text offsets: the best match of each region the seeds point to. Returns an empty list when no
 * region qualifies, including when the pattern is too short to yield two seeds.
 */
export function seededSearch(text: string, span: TextSpan, pattern: string, maxErrors: number): Match[] {
  const hay = text.slice(span.start, span.end);
  const votes: { start: number; seed: number }[] = [];
  let usableSeeds = 0;
  seedsOf(pattern).forEach((seed, i) => {
    const hits = hitsOf(hay, seed.text, MAX_HITS_PER_SEED);
    if (hits) {
      usableSeeds += 1;
      for (const hit of hits) {
        votes.push({ start: hit - seed.offset, seed: i });
      }
    }
  });
  if (usableSeeds < MIN_AGREEING_SEEDS) {
    return [];
  }
  votes.sort((a, b) => a.start - b.start);

  // Seeds of one true match project starts at most `maxErrors` apart (insertions and deletions
  // before each seed move it), so a run of votes that close together is one candidate region.
  const regions: { start: number; end: number; seeds: number }[] = [];
  let first = 0;
  for (let last = 0; last < votes.length; last++) {
    while (votes[last]!.start - votes[first]!.start > maxErrors) {
      first += 1;
    }
    const seeds = new Set<number>();
    for (let i = first; i <= last; i++) {
      seeds.add(votes[i]!.seed);
    }
    if (seeds.size >= MIN_AGREEING_SEEDS) {
      const start = Math.max(0, votes[first]!.start - maxErrors);
      const end = Math.min(hay.length, votes[last]!.start + pattern.length + maxErrors);
      const previous = regions[regions.length - 1];
      if (previous && start <= previous.end) {
        previous.end = Math.max(previous.end, end);
        previous.seeds = Math.max(previous.seeds, seeds.size);
      } else {
        regions.push({ start, end, seeds: seeds.size });
      }
    }
  }

  regions.sort((a, b) => b.seeds - a.seeds);
  const matches: Match[] = [];
  for (const region of regions.slice(0, MAX_REGIONS)) {
    for (const m of search(hay.slice(region.start, region.end), pattern, maxErrors)) {
      const offset = span.start + region.start;
      matches.push({ start: m.start + offset, end: m.end + offset, errors: m.errors });
    }
  }
  return matches;
}
