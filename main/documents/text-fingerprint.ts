/**
 * A fingerprint of a document's text that survives small edits: how Gloss recognises a file that
 * was moved and edited as the document the reader annotated.
 *
 * The text is normalised (compatibility forms, accents dropped, lower case, punctuation and
 * markup gone, so retyped quotes, Markdown syntax and line wrapping do not count as edits) into
 * words, and the words into overlapping shingles of `SHINGLE_WORDS`. The fingerprint is a
 * one-permutation MinHash of the set of shingles (Li, Owen and Zhang, "One Permutation Hashing",
 * 2012): each shingle is hashed once, the hash picks one of `BINS` bins and every bin keeps the
 * smallest hash it saw. Two fingerprints agree in a bin with a probability equal to the Jaccard
 * similarity of the two shingle sets, so the share of bins that agree estimates how much of the
 * text the two files have in common. One hash per shingle, and words scanned by hand, keep a
 * 1 MB article at ~15 ms.
 *
 * Each bin keeps only the lowest 8 bits of its minimum (b-bit MinHash, Li and König, 2010): two
 * different minima then agree by chance once in 255, which the estimate takes back out. Stored in
 * gloss.json as `oph1:` and the 64 bytes in base64url: 91 characters.
 */

/** Words per shingle: three keeps a changed word from touching more than three shingles. */
export const SHINGLE_WORDS = 3;

/** Bins of the MinHash: the estimate's standard error is about √(J(1−J)/64), ≤ 0.0625. */
export const BINS = 64;

/**
 * At or above this similarity an edited file is taken for the same document, and Gloss asks
 * whether to attach its annotations. Measured on the fixture articles and the sample
 * (tests/unit/main/documents/text-fingerprint.test.ts, edits in tests/fixtures/fingerprint):
 * typos fixed keep 0.95 or more, an update added 0.82, a paragraph dropped 0.79 or reworded
 * 0.75, the last quarter cut 0.71, all of those at once 0.64 (on a 120-word article, where each
 * edit is a large share); Markdown, re-wrapping and straightened quotes 1. Unrelated articles,
 * the same site's boilerplate included, reach 0.04 at most.
 */
export const SIMILARITY_THRESHOLD = 0.3;

/** Fewer shingles than this and the text is too short to recognise after an edit: no fingerprint. */
export const MIN_SHINGLES = 24;

const PREFIX = 'oph1:';
/** The value a bin that received no shingle holds; a real minimum of that value is stored one lower. */
const EMPTY = 0xff;
/** How often two bins holding different minima agree anyway: their low bytes, 0 to 254, are equal. */
const CHANCE = 1 / 255;
const BIN_BITS = Math.log2(BINS);

/**
 * Scripts written without spaces: each character counts as a word, so Chinese or Japanese text
 * gets shingles too.
 */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const WORD_CHARACTER = /[\p{L}\p{N}]/u;
const MARK = /\p{M}/u;

/** What a character is to the word scanner; 0 is "not looked up yet". */
const enum Kind {
  Unknown = 0,
  Word = 1,
  /** A combining mark: dropped, so "café" in NFKD stays one word, "cafe". */
  Mark = 2,
  Unspaced = 3,
  Other = 4,
}

/** Kinds of the code points below U+30000, looked up once each: a regular expression per character is slow. */
const kinds = new Uint8Array(0x30000);

function kindOf(codePoint: number): Kind {
  if (codePoint < 0x80) {
    return (codePoint >= 0x30 && codePoint <= 0x39) || (codePoint >= 0x61 && codePoint <= 0x7a) ? Kind.Word : Kind.Other;
  }
  const known = codePoint < kinds.length ? (kinds[codePoint] as Kind) : Kind.Unknown;
  if (known !== Kind.Unknown) return known;
  const character = String.fromCodePoint(codePoint);
  const kind = MARK.test(character) ? Kind.Mark : UNSPACED.test(character) ? Kind.Unspaced : WORD_CHARACTER.test(character) ? Kind.Word : Kind.Other;
  if (codePoint < kinds.length) kinds[codePoint] = kind;
  return kind;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * The hashes of the words of `text`, normalised: NFKD, combining marks dropped, lower case, and
 * anything but letters and digits between words. Scanned by hand, without a string per word: a
 * regular expression took ~35 ms on 1 MB.
 */
function wordHashes(text: string): Uint32Array {
  const folded = text.normalize('NFKD').toLowerCase();
  let hashes = new Uint32Array(1024);
  let count = 0;
  const push = (hash: number) => {
    if (count === hashes.length) {
      const grown = new Uint32Array(hashes.length * 2);
      grown.set(hashes);
      hashes = grown;
    }
    hashes[count++] = hash >>> 0;
  };
  let hash = FNV_OFFSET;
  let inWord = false;
  for (let i = 0; i < folded.length; i += 1) {
    let code = folded.charCodeAt(i);
    // A surrogate pair is one code point (an astral letter or ideograph).
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < folded.length) {
      const low = folded.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        code = (code - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
        i += 1;
      }
    }
    const kind = kindOf(code);
    if (kind === Kind.Mark) continue;
    if (kind === Kind.Word) {
      hash = Math.imul(hash ^ code, FNV_PRIME);
      inWord = true;
      continue;
    }
    if (inWord) push(hash);
    inWord = false;
    hash = FNV_OFFSET;
    if (kind === Kind.Unspaced) push(Math.imul(FNV_OFFSET ^ code, FNV_PRIME));
  }
  if (inWord) push(hash);
  return hashes.subarray(0, count);
}

/** The count of words `textFingerprint` sees in `text` (for tests and measurements). */
export function fingerprintWordCount(text: string): number {
  return wordHashes(text).length;
}

/** A shingle's hash from its words' hashes, through murmur3's finaliser to spread the bits. */
function shingleHash(words: Uint32Array, start: number): number {
  let hash = FNV_OFFSET;
  for (let w = start; w < start + SHINGLE_WORDS; w += 1) hash = Math.imul(hash ^ (words[w] as number), FNV_PRIME);
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

/**
 * The fingerprint of a document's text, or null when the text is too short to tell it from
 * another after an edit (fewer than `MIN_SHINGLES` shingles).
 */
export function textFingerprint(text: string): string | null {
  const words = wordHashes(text);
  const shingles = words.length - SHINGLE_WORDS + 1;
  if (shingles < MIN_SHINGLES) return null;
  // The minimum per bin over the hash's low bits; 2^26 is past any bin's shingle count.
  const minima = new Uint32Array(BINS).fill(0xffffffff);
  const lowMask = (1 << (32 - BIN_BITS)) - 1;
  for (let start = 0; start < shingles; start += 1) {
    const hash = shingleHash(words, start);
    const bin = hash >>> (32 - BIN_BITS);
    const value = hash & lowMask;
    if (value < (minima[bin] as number)) minima[bin] = value;
  }
  const bytes = new Uint8Array(BINS);
  for (let bin = 0; bin < BINS; bin += 1) {
    const minimum = minima[bin] as number;
    const low = minimum & 0xff;
    bytes[bin] = minimum === 0xffffffff ? EMPTY : low === EMPTY ? EMPTY - 1 : low;
  }
  return PREFIX + toBase64Url(bytes);
}

/**
 * How much of their text two fingerprints' documents share, 0..1 (the estimated Jaccard
 * similarity of their shingles), or null when either is missing or not a fingerprint this
 * version of Gloss makes.
 */
export function fingerprintSimilarity(a: string | null | undefined, b: string | null | undefined): number | null {
  const first = decode(a);
  const second = decode(b);
  if (first === null || second === null) return null;
  let compared = 0;
  let equal = 0;
  for (let bin = 0; bin < BINS; bin += 1) {
    const x = first[bin] as number;
    const y = second[bin] as number;
    // A bin empty on both sides says nothing; empty on one side is a shingle the other lacks.
    if (x === EMPTY && y === EMPTY) continue;
    compared += 1;
    if (x === y) equal += 1;
  }
  if (compared === 0) return null;
  // The share of bins that agree overstates the similarity by the bins that agree by chance.
  return Math.min(1, Math.max(0, (equal / compared - CHANCE) / (1 - CHANCE)));
}

/** True when `value` is a fingerprint this version makes (for checking what gloss.json holds). */
export function isFingerprint(value: unknown): value is string {
  return typeof value === 'string' && decode(value) !== null;
}

function decode(fingerprint: string | null | undefined): Uint8Array | null {
  if (typeof fingerprint !== 'string' || !fingerprint.startsWith(PREFIX)) return null;
  const bytes = fromBase64Url(fingerprint.slice(PREFIX.length));
  return bytes !== null && bytes.length === BINS ? bytes : null;
}

function toBase64Url(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64url');
}

function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  return Buffer.from(text, 'base64url');
}
