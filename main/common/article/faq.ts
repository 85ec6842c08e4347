import { articleName } from './article-names';
import { ensureHeadingIds, HEADING_SELECTOR, headingLevel, visibleText } from './headings';

/** One question of a document's FAQ. */
export interface FaqEntry {
  /** The question element's id, usable as a `#fragment`. */
  id: string;
  /** The question's text, without a "Q." or "Question:" marker. */
  question: string;
  /** The element holding the question: a heading, a paragraph or a <summary>; focusable. */
  element: Element;
  /** The elements that make up the answer, in document order (may be empty). */
  answerElements: Element[];
  /** Which form the question was written in. */
  kind: 'heading' | 'paragraph' | 'details';
}

/**
 * Attribute set on every detected question element, so other views can tell them apart (the
 * Contents list leaves question headings out). The sanitizer drops data-* attributes written in
 * documents, so only Gloss sets it.
 */
export const FAQ_QUESTION_ATTRIBUTE = 'data-faq-question';

/** A heading that opens a FAQ section: "FAQ", "FAQs", "Frequently Asked Questions (FAQ)", … */
const FAQ_TITLE = /^(?:frequently asked questions|faq'?s?|questions (?:and|&) answers|q\s*&\s*a)(?:\s*\(faq'?s?\))?\s*[:.]?$/i;
/**
 * "Q.", "Q:", "Q)", "Q1." or "Question:" opening a question. A lone letter must be a capital:
 * "q." is too common a typo or abbreviation to mean anything.
 */
const QUESTION_MARKER = /^(?:Q\d*\s*[.:)]|(?:Question|QUESTION|question)\s*\d*\s*[:.)])\s*/;
/** What a paragraph opening with QUESTION_MARKER starts with: a Q or a q after any whitespace. */
const MAY_OPEN_WITH_MARKER = /^\s*[Qq]/;
/** "A.", "A:", "A)", "A1." or "Answer:" opening an answer. */
const ANSWER_MARKER = /^(?:A\d*\s*[.:)]|(?:Answer|ANSWER|answer)\s*\d*\s*[:.)])\s*/;

/** True when a paragraph's first line opens with a question marker this navigator reads ("Q.", "Question:"). */
export function startsWithQuestionMarker(line: string): boolean {
  return QUESTION_MARKER.test(line);
}

/** True when a paragraph opens with an answer marker this navigator reads ("A.", "Answer:"). */
export function startsWithAnswerMarker(line: string): boolean {
  return ANSWER_MARKER.test(line);
}

/**
 * Finds the questions of a rendered article, in document order, in the three forms FAQs take:
 * - headings under a FAQ heading: every heading one or more levels deeper, until the next heading
 *   at the FAQ heading's level or higher;
 * - paragraphs opening with "Q." / "Q:" / "Q)" / "Question:" (bold or not) followed by an
 *   "A." / "A:" / "Answer:" paragraph, or themselves ending in "?";
 * - `<details>` blocks, whose `<summary>` is the question and the rest of the block the answer.
 * The answer to a heading or paragraph question is the run of elements after it, up to the next
 * heading or question.
 *
 * Marks each question element with FAQ_QUESTION_ATTRIBUTE and makes sure it can be navigated to:
 * headings keep their ids (given one if they lack it); other question elements without an id get
 * `user-content-faq-1`, `user-content-faq-2`, … (the article's namespace, see article-names.ts)
 * and, unless already focusable, tabindex="-1" so focus can move onto them.
 * Running it again on the same article finds the same entries with the same ids.
 */
export function detectFaq(root: Element): FaqEntry[] {
  ensureHeadingIds(root);
  const questions = new Map<Element, Question>();
  for (const found of [...headingQuestions(root), ...paragraphQuestions(root), ...detailsQuestions(root)]) {
    if (!questions.has(found.element) && found.question !== '') questions.set(found.element, found);
  }
  const questionSelector = `[${FAQ_QUESTION_ATTRIBUTE}]`;
  for (const stale of root.querySelectorAll(questionSelector)) stale.removeAttribute(FAQ_QUESTION_ATTRIBUTE);
  for (const element of questions.keys()) element.setAttribute(FAQ_QUESTION_ATTRIBUTE, '');
  // An answer runs until the next heading or the next question, whatever form that one takes.
  const endsAnswer = (element: Element) =>
    containsHeading(element) || element.matches(questionSelector) || element.querySelector(questionSelector) !== null;

  const nextId = idGenerator(root);
  return Array.from(questions.values())
    .sort((a, b) => documentOrder(a.element, b.element))
    .map(({ element, question, kind }) => {
      if (kind !== 'heading') {
        if (element.id === '') element.id = nextId();
        // A <summary> is focusable already; tabindex=-1 would take it out of the Tab order.
        if (kind !== 'details' && !element.hasAttribute('tabindex')) element.setAttribute('tabindex', '-1');
      }
      const answerElements =
        kind === 'details'
          ? Array.from((element.parentElement as Element).children).filter((child) => child !== element)
          : followingUntil(element, endsAnswer);
      return { id: element.id, question, element, answerElements, kind };
    });
}

/** A question found in the article, before its answer is gathered. */
type Question = Pick<FaqEntry, 'question' | 'element' | 'kind'>;

function headingQuestions(root: Element): Question[] {
  const headings = Array.from(root.querySelectorAll(HEADING_SELECTOR));
  const found: Question[] = [];
  for (let i = 0; i < headings.length; i += 1) {
    const faqHeading = headings[i] as Element;
    if (!FAQ_TITLE.test(visibleText(faqHeading))) continue;
    const faqLevel = headingLevel(faqHeading);
    for (let j = i + 1; j < headings.length; j += 1) {
      const heading = headings[j] as Element;
      // The footnotes' own heading ends the document's text, whatever its level.
      if (headingLevel(heading) <= faqLevel || heading.closest('[data-footnotes]')) break;
      found.push({ question: stripMarker(visibleText(heading)), element: heading, kind: 'heading' });
    }
  }
  return found;
}

function paragraphQuestions(root: Element): Question[] {
  const found: Question[] = [];
  for (const paragraph of root.querySelectorAll('p')) {
    // Every question marker opens with a Q or a q: the other paragraphs (nearly all of a long
    // article) are passed over without splitting their text into lines.
    if (!MAY_OPEN_WITH_MARKER.test(paragraph.textContent ?? '')) continue;
    const [firstLine = '', ...rest] = lines(paragraph);
    const marker = QUESTION_MARKER.exec(firstLine);
    if (!marker) continue;
    const question = firstLine.slice(marker[0].length).trim();
    const next = paragraph.nextElementSibling;
    const answeredWithin = rest.some((line) => ANSWER_MARKER.test(line));
    const answeredNext = next !== null && next.tagName.toLowerCase() === 'p' && ANSWER_MARKER.test(visibleText(next));
    const askedAndFollowed = question.endsWith('?') && next !== null && !containsHeading(next) && !isQuestionParagraph(next);
    // A "Q." opening alone is weak evidence ("Q. Smith wrote…"): an answer or a "?" must back it.
    if (answeredWithin || answeredNext || askedAndFollowed) found.push({ question, element: paragraph, kind: 'paragraph' });
  }
  return found;
}

function detailsQuestions(root: Element): Question[] {
  const found: Question[] = [];
  for (const details of root.querySelectorAll('details')) {
    const summary = Array.from(details.children).find((child) => child.tagName.toLowerCase() === 'summary');
    if (summary) found.push({ question: stripMarker(visibleText(summary)), element: summary, kind: 'details' });
  }
  return found;
}

/** The siblings after `start`, up to (not including) the first for which `stop` is true. */
function followingUntil(start: Element, stop: (element: Element) => boolean): Element[] {
  const elements: Element[] = [];
  for (let next = start.nextElementSibling; next !== null && !stop(next); next = next.nextElementSibling) {
    elements.push(next);
  }
  return elements;
}

function containsHeading(element: Element): boolean {
  return element.matches(HEADING_SELECTOR) || element.querySelector(HEADING_SELECTOR) !== null;
}

function isQuestionParagraph(element: Element): boolean {
  return element.tagName.toLowerCase() === 'p' && QUESTION_MARKER.test(lines(element)[0] ?? '');
}

function stripMarker(text: string): string {
  return text.replace(QUESTION_MARKER, '').trim();
}

/** The text of an element split at line breaks (<br> and newlines), each line whitespace-collapsed. */
function lines(element: Element): string[] {
  let text = '';
  const walk = (node: Node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === child.TEXT_NODE) text += child.textContent ?? '';
      else if (child.nodeType === child.ELEMENT_NODE) {
        if ((child as Element).tagName.toLowerCase() === 'br') text += '\n';
        else walk(child);
      }
    }
  };
  walk(element);
  return text
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '');
}

function documentOrder(a: Element, b: Element): number {
  return a.compareDocumentPosition(b) & a.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
}

/** Hands out `user-content-faq-N` ids no element of the document (or of `root`, if detached) has yet. */
function idGenerator(root: Element): () => string {
  const taken = new Set(Array.from(root.querySelectorAll('[id]'), (element) => element.id));
  let n = 0;
  return () => {
    let id: string;
    do {
      n += 1;
      id = articleName(`faq-${n}`);
    } while (taken.has(id) || root.ownerDocument.getElementById(id) !== null);
    taken.add(id);
    return id;
  };
}
