/**
 * What single lines of a plain-text article are: the line-level patterns the importer decides on.
 * Each takes one logical line, already trimmed; a logical line may hold author-meant breaks ('\n'),
 * so the marker patterns use the `s` flag to read across them.
 */

/** Most words a heading has; a longer line is a sentence that lost its full stop. */
export const HEADING_MAX_WORDS = 12;
/** Most characters a heading has, for the same reason. */
export const HEADING_MAX_CHARS = 90;

/** Longest line read as an unmarked FAQ question ("What did the treaty change?"). */
const QUESTION_MAX_CHARS = 200;

/** Longest line dropped as boilerplate; anything longer is someone's writing. */
const BOILERPLATE_MAX_CHARS = 160;

/** A capital letter or a digit, possibly behind an opening quote ("‘Squid Game’ returns"). */
const STARTS_LIKE_A_TITLE = /^["'“‘«]?[\p{Lu}\p{N}]/u;

/** Punctuation that ends a sentence or a clause. */
const SENTENCE_PUNCTUATION = '.!?,;:…';

/** Closing quotes and brackets, which may follow a sentence's last punctuation. */
const CLOSERS = `"'”’»)]`;

/**
 * "Also Read:- …", "ALSO READ | …", "Read Also: …", "[Also see: …]" and the like. The label must be
 * followed by a separator, so a sentence such as "Also read the fine print." is left alone.
 */
const RELATED_LINK =
  /^(?:also\s+read|read\s+also|also\s+see|see\s+also|read\s+more|must\s+read|related)\s*(?:[:|\-–—]+\s*)+(.*)$/is;

// Spaces inside markers are bounded ({0,3}): unbounded runs next to each other make a regex
// quadratic on a line of a million spaces, and every line of a 20 MB file is tested.

/** "Q.", "Q:", "Q)", "Q1.", "Question:", "Question 2 -", with or without a space after. */
const QUESTION = /^(?:question|q)[ \t]{0,3}\d{0,3}[ \t]{0,3}(?:[.:)]|[ \t][-–—])\s*(\S.*)$/is;

/** "A.", "A:", "A)", "Ans:", "Answer:" with or without a space after. */
const ANSWER = /^(?:answer|ans|a)[ \t]{0,3}\d{0,3}[ \t]{0,3}(?:[.:)]|[ \t][-–—])\s*(\S.*)$/is;

const FAQ_HEADING = /^(?:frequently\s+asked\s+questions|faq['’]?s?|f\.a\.q\.?['’]?s?)(?=$|[\s:(\-–—])/i;

const BULLET_ITEM = /^[-*•◦▪]\s+(\S.*)$/s;
const ORDERED_ITEM = /^(\d{1,3})[.)]\s+(\S.*)$/s;

const MONTH = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const WEEKDAY = '(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\\.?,?\\s+';

/** Lines about the article rather than of it: bylines, datelines, credits, reading time. */
const META_LINES = [
  // "By Jane Doe", "By: Jane Doe", but not "By the numbers" or "By Then, …".
  /^by[ \t]{0,3}:?[ \t]{1,3}(?!(?:the|a|an|this|that|these|those|our|their|its|his|her|my|your|way|all|any|no|far|then|now)\b)\p{Lu}/iu,
  /^(?:last\s+)?(?:updated|published|posted|written|reported|edited|compiled|modified)(?:\s+(?:on|at|by)\b|\s*[:|\-–—]|\s+\d)/i,
  new RegExp(`^(?:${WEEKDAY})?(?:${MONTH})\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}\\b`, 'i'),
  new RegExp(`^(?:${WEEKDAY})?\\d{1,2}(?:st|nd|rd|th)?\\s+(?:${MONTH})\\.?,?\\s+\\d{4}\\b`, 'i'),
  /^\d{4}-\d{2}-\d{2}\b/,
  /^\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b/,
  /^(?:photo|image|picture|file\s+photo|video|source|credits?|courtesy)(?:\s+credit)?\s*[:|\-–—(]/i,
  /^reading\s+time\b|\b\d+\s*(?:min|mins|minutes?)\s+read$/i,
];

/** Lines that close a web page rather than an article. */
const TRAILING_BOILERPLATE = [
  /^leave\s+a\s+(?:comment|reply)\b/i,
  /^(?:post|add|write)\s+a\s+comment\b/i,
  /^(?:\d+\s+)?comments?\s*(?:\(\d+\))?:?$/i,
  /^cancel\s+reply$/i,
  /^share(?:\s+(?:this|it|the\s+\w+|on\b.*|via\b.*))?\s*[:!]?$/i,
  /^share\s+this\b/i,
  /^(?:subscribe|sign\s+up)\b/i,
  /^click\s+(?:here|to)\b/i,
  /^follow\s+us\b/i,
  /^like\s+this:?$/i,
  /^(?:like\s+)?loading(?:\.{3}|…)?$/i,
  /^(?:related(?:\s+(?:posts|articles|stories|news))?|you\s+may\s+also\s+like|more\s+stories|trending(?:\s+now)?)\s*:?$/i,
  /^tags?\s*:/i,
  /^your\s+email\s+address\s+will\s+not\s+be\s+published\b/i,
  /^required\s+fields\s+are\s+marked\b/i,
  /^save\s+my\s+name,?\s+email\b/i,
  /^(?:©|\(c\)\s|copyright\b)/i,
  /\ball\s+rights\s+reserved\.?$/i,
];

/** Share buttons and comment-form fields: dropped only when they follow a boilerplate line. */
const SHARE_TARGET =
  /^(?:facebook|twitter|x|linkedin|whatsapp|telegram|reddit|pinterest|tumblr|pocket|threads|instagram|youtube|email|e-mail|print|copy\s+link|more|name\s*\*?|email\s*\*|website|comment\s*\*?|post\s+comment|Δ)$/i;

/** A list item: its kind, its number when ordered, and its text without the marker. */
export interface ListItem {
  ordered: boolean;
  number: number;
  text: string;
}

/** The last character of a line before any closing quotes and brackets, or '' when there is none. */
function lastCharBeforeClosers(line: string): string {
  // A loop, not a `[…]*$` regex: that one rescans a long run of closers from every start position.
  let end = line.length;
  while (end > 0 && CLOSERS.includes(line[end - 1] as string)) end--;
  return end > 0 ? (line[end - 1] as string) : '';
}

/** True when the line ends as a sentence or clause does, closing quotes aside. */
export function endsSentence(line: string): boolean {
  const last = lastCharBeforeClosers(line);
  return last !== '' && SENTENCE_PUNCTUATION.includes(last);
}

/**
 * The title of an "Also read" promo, or null when the line is not one. A bare label ("Also Read:")
 * returns '', the title being on the next line.
 */
export function matchRelatedLink(line: string): string | null {
  // Some sites bracket the promo: "[Also Read: …]" or "(Also see: …)".
  const bracketed = /^[[(](.*)[\])]$/s.exec(line);
  const inner = bracketed?.[1]?.trim() ?? line;
  const match = RELATED_LINK.exec(inner);
  return match ? (match[1] ?? '').trim() : null;
}

/** The question of a "Q." line without its marker, or null. */
export function matchQuestion(line: string): string | null {
  return QUESTION.exec(line)?.[1]?.trim() ?? null;
}

/** The answer of an "A." line without its marker, or null. */
export function matchAnswer(line: string): string | null {
  return ANSWER.exec(line)?.[1]?.trim() ?? null;
}

/** The text of an FAQ section heading ("FAQs:" gives "FAQs"), or null when the line is not one. */
export function matchFaqHeading(line: string): string | null {
  if (line.length > HEADING_MAX_CHARS || line.includes('\n') || !FAQ_HEADING.test(line)) return null;
  const text = line.replace(/\s*:$/, '');
  return endsSentence(text) ? null : text;
}

/** A list item's parts, or null when the line does not start with a bullet or a number. */
export function matchListItem(line: string): ListItem | null {
  const bullet = BULLET_ITEM.exec(line);
  if (bullet) return { ordered: false, number: 0, text: bullet[1] ?? '' };
  const ordered = ORDERED_ITEM.exec(line);
  if (ordered) return { ordered: true, number: Number(ordered[1]), text: ordered[2] ?? '' };
  return null;
}

/** True for bylines, datelines, photo credits and reading times, which are never headings. */
export function isMetaLine(line: string): boolean {
  return META_LINES.some((pattern) => pattern.test(line));
}

/**
 * True when a line, standing as its own paragraph, reads as a section heading: short, starting
 * with a capital or a digit, not ending as a sentence, and none of the other kinds of short line.
 */
export function isHeadingLike(line: string): boolean {
  if (line.includes('\n') || line.length > HEADING_MAX_CHARS) return false;
  if (line.split(/\s+/).length > HEADING_MAX_WORDS) return false;
  if (!STARTS_LIKE_A_TITLE.test(line) || !/\p{L}/u.test(line)) return false;
  if (endsSentence(line)) return false;
  return (
    matchQuestion(line) === null &&
    matchAnswer(line) === null &&
    matchRelatedLink(line) === null &&
    matchListItem(line) === null &&
    !isMetaLine(line)
  );
}

/**
 * True when a line, standing as its own paragraph outside an FAQ, reads as a section heading
 * phrased as a question ("What Happens Next?", "Why did Seoul object?"): a heading in every other
 * way, its one question mark at the end, and no other sentence punctuation before it, which would
 * make it speech or prose ("So, what now?", "Really? Yes.").
 */
export function isQuestionHeading(line: string): boolean {
  if (!endsWithQuestionMark(line)) return false;
  const asked = line.slice(0, line.lastIndexOf('?'));
  if ([...SENTENCE_PUNCTUATION].some((mark) => asked.includes(mark))) return false;
  // A lone "Why?" is a reader's aside more often than a section's title.
  return asked.trim().split(/\s+/).length >= 2 && isHeadingLike(asked.trimEnd());
}

/** True when the line ends in a question mark, closing quotes aside. */
export function endsWithQuestionMark(line: string): boolean {
  return lastCharBeforeClosers(line) === '?';
}

/** True for a line an FAQ may use as a question without a "Q." marker. */
export function isUnmarkedQuestion(line: string): boolean {
  return (
    !line.includes('\n') &&
    line.length <= QUESTION_MAX_CHARS &&
    STARTS_LIKE_A_TITLE.test(line) &&
    endsWithQuestionMark(line)
  );
}

/** True for "Leave a Comment", "Share this:", "Subscribe to our newsletter" and their kin. */
export function isTrailingBoilerplate(line: string): boolean {
  return line.length <= BOILERPLATE_MAX_CHARS && TRAILING_BOILERPLATE.some((pattern) => pattern.test(line));
}

/** True for share-button labels and comment-form fields ("Facebook", "Name *"). */
export function isShareTarget(line: string): boolean {
  return SHARE_TARGET.test(line);
}
