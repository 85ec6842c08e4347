import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectFaq, FAQ_QUESTION_ATTRIBUTE, startsWithAnswerMarker, startsWithQuestionMarker, type FaqEntry } from '../../../../../main/common/article/faq';
import { collectHeadings } from '../../../../../main/common/article/headings';
import { createMarkdownRenderer } from '../../../../../main/common/article/render-markdown';
import { bodyWith, createWindow } from './jsdom-window';

const renderer = createMarkdownRenderer(createWindow());

/** Renders Markdown the way the app does and puts it in a page. */
function page(markdown: string): HTMLElement {
  return bodyWith(renderer.render(markdown, { resolveAssetUrl: () => null, externalLinks: 'system' }).html);
}

function questions(entries: FaqEntry[]): string[] {
  return entries.map((entry) => entry.question);
}

function answers(entry: FaqEntry | undefined): string[] {
  return (entry?.answerElements ?? []).map((element) => (element.textContent ?? '').trim());
}

/** What the plain-text importer produces for an article's FAQ. */
const IMPORTED_FAQ = `# Kim Jong Un welcomes Putin

Opening paragraph.

## Frequently Asked Questions

### Why did Vladimir Putin visit North Korea?

Vladimir Putin visited North Korea to strengthen ties.

### What is the new strategic partnership agreement about?

Mutual assistance in case of emergency.

It also covers trade.

### What is the history of North Korea and Russia?

The relationship dates back to the late 1940s.

### Did Kim Jong Un and Putin share any gifts?

Yes: busts, artwork, a limousine and a tea set.

## Comments

Leave a comment.
`;

describe('detectFaq', () => {
  it('finds nothing in a document without a FAQ', () => {
    const body = page('# Title\n\n## Background\n\nQ. Smith wrote the book.\n\nIt sold well.\n\n### Details\n\nMore.\n');
    assert.deepEqual(detectFaq(body), []);
    assert.equal(body.querySelector(`[${FAQ_QUESTION_ATTRIBUTE}]`), null);
  });

  it('reads the importer’s FAQ: one entry per question heading, with its answers', () => {
    const body = page(IMPORTED_FAQ);
    const entries = detectFaq(body);
    assert.equal(entries.length, 4);
    assert.deepEqual(questions(entries), [
      'Why did Vladimir Putin visit North Korea?',
      'What is the new strategic partnership agreement about?',
      'What is the history of North Korea and Russia?',
      'Did Kim Jong Un and Putin share any gifts?',
    ]);
    assert.deepEqual(answers(entries[1]), ['Mutual assistance in case of emergency.', 'It also covers trade.']);
    assert.deepEqual(answers(entries[3]), ['Yes: busts, artwork, a limousine and a tea set.'], 'the answer ends at the next section');
    for (const entry of entries) {
      assert.equal(entry.kind, 'heading');
      assert.equal(entry.element.tagName, 'H3');
      assert.equal(body.ownerDocument.getElementById(entry.id), entry.element, `#${entry.id} reaches the question`);
      assert.ok(entry.element.hasAttribute(FAQ_QUESTION_ATTRIBUTE));
    }
    assert.equal(entries[0]?.id, 'user-content-why-did-vladimir-putin-visit-north-korea');
  });

  it('lets a Contents list leave the question headings out', () => {
    const body = page(IMPORTED_FAQ);
    detectFaq(body);
    const sections = collectHeadings(body).filter((heading) => !heading.element.hasAttribute(FAQ_QUESTION_ATTRIBUTE));
    assert.deepEqual(sections.map((heading) => heading.text), ['Kim Jong Un welcomes Putin', 'Frequently Asked Questions', 'Comments']);
  });

  it('recognizes the usual names of a FAQ heading, and only deeper headings under it', () => {
    for (const title of ['FAQ', 'FAQs', 'frequently asked questions', 'Questions and Answers', 'Frequently Asked Questions (FAQ)']) {
      const body = page(`## ${title}\n\n### One?\n\nYes.\n\n#### Two?\n\nNo.\n\n## After\n\n### Not a question\n\nText.\n`);
      assert.deepEqual(questions(detectFaq(body)), ['One?', 'Two?'], title);
    }
    assert.deepEqual(detectFaq(page('## FAQ about our cat\n\n### One?\n\nYes.\n')), [], 'a heading must be the FAQ title itself');
  });

  it('reads Q./A. paragraphs, with or without a space after the marker', () => {
    const body = page(
      'Intro.\n\nQ.Why did Vladimir Putin visit North Korea?\n\nA.To strengthen ties.\n\nQ. What is the agreement about?\n\nA. Mutual assistance.\n\nIt covers trade too.\n\nQuestion: Who signed it?\n\nAnswer: Both leaders.\n',
    );
    const entries = detectFaq(body);
    assert.deepEqual(questions(entries), ['Why did Vladimir Putin visit North Korea?', 'What is the agreement about?', 'Who signed it?']);
    assert.deepEqual(answers(entries[0]), ['A.To strengthen ties.']);
    assert.deepEqual(answers(entries[1]), ['A. Mutual assistance.', 'It covers trade too.']);
    assert.deepEqual(entries.map((entry) => entry.id), ['user-content-faq-1', 'user-content-faq-2', 'user-content-faq-3']);
    for (const entry of entries) {
      assert.equal(entry.kind, 'paragraph');
      assert.equal(entry.element.getAttribute('tabindex'), '-1', 'focusable for navigation');
      assert.equal(body.ownerDocument.getElementById(entry.id), entry.element);
    }
  });

  it('reads bold Q: questions, answered in the next paragraph or the next line', () => {
    const body = page('**Q: Why?**\n\nA: Because.\n\n**Q:** How does it work?\n\nWith care.\n\n**Q: When?**\nA: Tomorrow.\n\n<p><b>Q) Where?</b></p>\n\n<p>A) Here.</p>\n');
    const entries = detectFaq(body);
    assert.deepEqual(questions(entries), ['Why?', 'How does it work?', 'When?', 'Where?']);
    assert.deepEqual(answers(entries[1]), ['With care.']);
    assert.deepEqual(answers(entries[2]), [], 'the answer is inside the question’s own paragraph');
  });

  it('reads a question whose paragraph opens with white space or a line break before the marker', () => {
    const body = page('<p>\n  <em>question:</em> Is this read?</p>\n\n<p>answer: Yes.</p>\n\n<p><br>Q1. And this?<br>A1. Also.</p>\n\nQuite an ordinary paragraph?\n\nIt is not a question.\n');
    assert.deepEqual(questions(detectFaq(body)), ['Is this read?', 'And this?']);
  });

  it('reads <details> blocks, the summary being the question', () => {
    const body = page('<details>\n<summary>Is it free?</summary>\n\nYes, **entirely**.\n\n</details>\n\n<details><summary>Q: Offline?</summary><p>Always.</p></details>\n');
    const entries = detectFaq(body);
    assert.deepEqual(questions(entries), ['Is it free?', 'Offline?']);
    assert.deepEqual(answers(entries[0]), ['Yes, entirely.']);
    for (const entry of entries) {
      assert.equal(entry.kind, 'details');
      assert.equal(entry.element.tagName, 'SUMMARY');
      assert.match(entry.id, /^user-content-faq-\d+$/);
      assert.equal(entry.element.hasAttribute('tabindex'), false, 'a summary is focusable already');
    }
  });

  it('lists the three forms together in document order, with ids unique in the document', () => {
    const body = page('<p id="faq-1">Taken.</p>\n\nQ: First?\n\nA: One.\n\n## FAQ\n\n### Second?\n\nTwo.\n\n<details><summary>Third?</summary>Three.</details>\n\n**Q: Fourth?**\n\nA: Four.\n');
    const entries = detectFaq(body);
    assert.deepEqual(questions(entries), ['First?', 'Second?', 'Third?', 'Fourth?']);
    assert.deepEqual(entries.map((entry) => entry.kind), ['paragraph', 'heading', 'details', 'paragraph']);
    assert.deepEqual(entries.map((entry) => entry.id), ['user-content-faq-2', 'user-content-second', 'user-content-faq-3', 'user-content-faq-4']);
    assert.deepEqual(answers(entries[1]), ['Two.'], 'a heading answer stops before the details block');
  });

  it('finds the same entries with the same ids when run again', () => {
    const body = page(IMPORTED_FAQ + '\nQ: Extra?\n\nA: Yes.\n');
    const first = detectFaq(body).map(({ id, question }) => ({ id, question }));
    assert.deepEqual(detectFaq(body).map(({ id, question }) => ({ id, question })), first);
    assert.equal(first.length, 5);
  });
});

describe('startsWithQuestionMarker and startsWithAnswerMarker', () => {
  it('say which markers the navigator reads, as the plain-text importer asks before keeping one', () => {
    for (const line of ['Q. Why?', 'Q:Why?', 'Q) Why?', 'Q1. Why?', 'Question: Why?', 'QUESTION 2: Why?']) assert.equal(startsWithQuestionMarker(line), true, line);
    for (const line of ['q. why?', 'Q - Why?', 'Quite why?', 'Why?']) assert.equal(startsWithQuestionMarker(line), false, line);
    for (const line of ['A. Yes.', 'A:Yes.', 'Answer: Yes.']) assert.equal(startsWithAnswerMarker(line), true, line);
    for (const line of ['Ans: Yes.', 'a. yes', 'Always.']) assert.equal(startsWithAnswerMarker(line), false, line);
  });
});
