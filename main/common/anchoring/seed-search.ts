/**
 * Approximate search over a long text without scanning all of it with the edit-distance
 * automaton: "filter, then verify". Pieces of each pattern (seeds) are found by one regular
 * expression holding the seeds of every pattern searched at once, which the engine runs over the
 * text in a single pass, many times faster than approx-string-match per character; only the
 * places where two or more seeds of a pattern agree on where it would start are verified with
 * approx-string-match.
 *
 * This trades completeness for speed: a match in which all but one seed were edited is not
 * found. With up to eight seeds spread over the pattern that takes edits all through a passage,
 * which is past the similarity Gloss accepts for all but the shortest quotes. Patterns too short
 * for two seeds, or whose seeds are all common phrases, are not searched: the caller is told.
 */
import search from 'approx-string-match';
import type { Match } from 'approx-string-match';
import type { TextSpan } from './text-index';

const MAX_SEEDS = 8;
/** Length of a seed, its leading space included. */
export const SEED_LENGTH = 10;
// A seed found more often than this says little about where the pattern is (" of the riv").
const MAX_HITS_PER_SEED = 64;
const MIN_AGREEING_SEEDS = 2;
// Verifying a region costs about its length: cap how many are verified for one pattern.
const MAX_REGIONS = 32;
// Alternatives per regular expression: the engine's cost per position grows with their number.
const MAX_ALTERNATIVES = 256;

/** One pattern to look for, within `span` of the text, with at most `maxErrors` errors. */
export interface SeedRequest {
  span: TextSpan;
  pattern: string;
  maxErrors: number;
}

interface Seed {
  text: string;
  offset: number;
}

/**
 * Seeds of a pattern: non-overlapping pieces, evenly spread, each starting at a space when the
 * pattern has spaces enough (a word start survives edits of the word before it, and makes the
 * engine's scan fast), else anywhere.
 */
function seedsOf(pattern: string): Seed[] {
  const count = Math.min(MAX_SEEDS, Math.floor(pattern.length / SEED_LENGTH));
  if (count < MIN_AGREEING_SEEDS) {
    return [];
  }
  const step = pattern.length / count;
  const atSpaces: Seed[] = [];
  let previousEnd = 0;
  for (let i = 0; i < count; i++) {
    const at = pattern.indexOf(' ', Math.max(previousEnd, Math.floor(i * step)));
    if (at === -1 || at + SEED_LENGTH > pattern.length) {
      break;
    }
    atSpaces.push({ text: pattern.slice(at, at + SEED_LENGTH), offset: at });
    previousEnd = at + SEED_LENGTH;
  }
  if (atSpaces.length >= MIN_AGREEING_SEEDS) {
    return atSpaces;
  }
  return Array.from({ length: count }, (_, i) => {
    const at = Math.floor(i * step);
    return { text: pattern.slice(at, at + SEED_LENGTH), offset: at };
  });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Where each seed string occurs within `span` of `text` (null for a seed found too often). */
function findSeeds(text: string, span: TextSpan, seeds: readonly string[]): Map<string, number[] | null> {
  const hits = new Map<string, number[] | null>(seeds.map((seed) => [seed, []]));
  // A slice, so that the scan stops at the span's end instead of running on to the next hit.
  const hay = span.start === 0 && span.end === text.length ? text : text.slice(span.start, span.end);
  for (let first = 0; first < seeds.length; first += MAX_ALTERNATIVES) {
    const group = seeds.slice(first, first + MAX_ALTERNATIVES);
    const pattern = new RegExp(group.map(escapeRegExp).join('|'), 'g');
    for (let match = pattern.exec(hay); match; match = pattern.exec(hay)) {
      const list = hits.get(match[0]);
      if (list) {
        if (list.length === MAX_HITS_PER_SEED) {
          hits.set(match[0], null);
        } else {
          list.push(match.index + span.start);
        }
      }
      // Seeds of one length never start at the same place, but may overlap: look again one on.
      pattern.lastIndex = match.index + 1;
    }
  }
  return hits;
}

/**
 * Approximate matches of each request's pattern, in text offsets: the best match of each region
 * its seeds point to (so every exact copy, and the best edited one around each place the seeds
 * agree on). A request gets an empty list when no region qualifies, and null when it could not
 * be searched: its pattern is too short to yield two seeds, or too few of its seeds are rare
 * enough to tell anything. The text between the lowest start and the highest end of the
 * requests' spans is scanned once.
 */
export function seededSearchMany(text: string, requests: readonly SeedRequest[]): (Match[] | null)[] {
  const seedsByRequest = requests.map((request) => seedsOf(request.pattern));
  const unique = [...new Set(seedsByRequest.flat().map((seed) => seed.text))];
  if (unique.length === 0) {
    return requests.map(() => null);
  }
  const scanned = {
    start: Math.min(...requests.map((r) => r.span.start)),
    end: Math.max(...requests.map((r) => r.span.end)),
  };
  const hits = findSeeds(text, scanned, unique);
  return requests.map((request, i) => verify(text, request, seedsByRequest[i]!, hits));
}

/** Approximate matches of `pattern` within `span` of `text`, as `seededSearchMany` finds them. */
export function seededSearch(text: string, span: TextSpan, pattern: string, maxErrors: number): Match[] | null {
  return seededSearchMany(text, [{ span, pattern, maxErrors }])[0]!;
}

function verify(text: string, request: SeedRequest, seeds: readonly Seed[], hits: Map<string, number[] | null>): Match[] | null {
  const { span, pattern, maxErrors } = request;
  const votes: { start: number; seed: number }[] = [];
  let usableSeeds = 0;
  seeds.forEach((seed, i) => {
    const found = hits.get(seed.text);
    if (!found) {
      return;
    }
    usableSeeds += 1;
    for (const hit of found) {
      if (hit >= span.start && hit + SEED_LENGTH <= span.end) {
        votes.push({ start: hit - seed.offset, seed: i });
      }
    }
  });
  if (usableSeeds < MIN_AGREEING_SEEDS) {
    return null;
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
    const agreeing = new Set<number>();
    for (let i = first; i <= last; i++) {
      agreeing.add(votes[i]!.seed);
    }
    if (agreeing.size >= MIN_AGREEING_SEEDS) {
      const start = Math.max(span.start, votes[first]!.start - maxErrors);
      const end = Math.min(span.end, votes[last]!.start + pattern.length + maxErrors);
      const previous = regions[regions.length - 1];
      if (previous && start <= previous.end) {
        previous.end = Math.max(previous.end, end);
        previous.seeds = Math.max(previous.seeds, agreeing.size);
      } else {
        regions.push({ start, end, seeds: agreeing.size });
      }
    }
  }

  regions.sort((a, b) => b.seeds - a.seeds);
  const matches: Match[] = [];
  for (const region of regions.slice(0, MAX_REGIONS)) {
    for (const m of search(text.slice(region.start, region.end), pattern, maxErrors)) {
      matches.push({ start: m.start + region.start, end: m.end + region.start, errors: m.errors });
    }
  }
  return matches;
}
