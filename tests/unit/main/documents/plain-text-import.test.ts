import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { detectFaq } from '../../../../main/common/article/faq';
import { importPlainText } from '../../../../main/documents/plain-text-import';
import { renderedBlocks, renderMarkdown, textsOf } from './render-markdown';

const SAMPLE = new URL('../../../../assets/articles/000_d802b92d1a2a96bd.txt', import.meta.url);
const FIXTURES = new URL('../../../fixtures/articles/', import.meta.url);

function fixture(name: string): string {
  return readFileSync(new URL(name, FIXTURES), 'utf8');
}

function sourceLines(text: string): string[] {
  return text.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '');
}

function asideTexts(markdown: string): string[] {
  return renderedBlocks(markdown)
    .filter((block) => block.tag === 'aside')
    .map((block) => {
      // The importer writes class="related-link"; the article pipeline prefixes every class a
      // document brings, as it does for any other document.
      assert.equal(block.className, 'user-content-related-link');
      assert.equal(block.element.getAttribute('aria-label'), 'Related article');
      return block.text;
    });
}

/**
 * What the reading view's FAQ navigator lists for the importer's Markdown: the article rendered
 * through the app's pipeline, then the navigator's own detection run over it.
 */
function faqQuestions(markdown: string): Array<{ question: string; kind: string; answer: string }> {
  return detectFaq(renderMarkdown(markdown)).map((entry) => ({
    question: entry.question,
    kind: entry.kind,
    answer: entry.answerElements.map((element) => element.textContent).join(' | '),
  }));
}

/** Asserts that every line is shown, unchanged, as one of the rendered paragraphs. */
function assertParagraphsInclude(markdown: string, lines: readonly string[]): void {
  const paragraphs = textsOf(markdown, 'p');
  for (const line of lines) assert.ok(paragraphs.includes(line), `missing paragraph: ${line}`);
}

describe('importPlainText on the sample article', () => {
  const text = readFileSync(SAMPLE, 'utf8');
  const { markdown, title } = importPlainText(text);
  const blocks = renderedBlocks(markdown);

  it('matches its Markdown baseline', () => {
    assert.equal(markdown, fixture('000_d802b92d1a2a96bd.expected.md'));
  });

  it('takes the title from the first line and opens with it as the only h1', () => {
    assert.equal(title, 'Kim Jong Un welcomes Putin in North Korea');
    assert.ok(markdown.startsWith('# Kim Jong Un welcomes Putin in North Korea\n\n'));
    assert.deepEqual(textsOf(markdown, 'h1'), [title]);
    assert.equal(blocks[0]?.tag, 'h1');
  });

  it('has exactly the seven sections, in order', () => {
    assert.equal(markdown.match(/^## /gm)?.length, 7);
    assert.deepEqual(textsOf(markdown, 'h2'), [
      'A Historic Visit',
      'The Breakthrough Agreement',
      'Strengthened Alliances',
      'Putin in North Korea',
      'International Reactions and Implications',
      'A Historical Context',
      'Frequently Asked Questions',
    ]);
  });

  it('sets the two "Also Read" promos apart as related-link asides', () => {
    assert.ok(
      markdown.includes(
        '\n\n<aside class="related-link" role="note" aria-label="Related article"><p>Also read: Baseball legend Willie Mays dies at 93</p></aside>\n\n',
      ),
    );
    assert.ok(markdown.includes('<p>Also read: iPhone 16 leaks: Features, Price &amp; Release Date</p>'));
    assert.deepEqual(asideTexts(markdown), [
      'Also read: Baseball legend Willie Mays dies at 93',
      'Also read: iPhone 16 leaks: Features, Price & Release Date',
    ]);
    assert.doesNotMatch(markdown, /Also Read:-/);
  });

  it('turns the Q./A. pairs into four questions after the FAQ heading, markers removed', () => {
    assert.equal(markdown.match(/^### /gm)?.length, 4);
    assert.deepEqual(textsOf(markdown, 'h3'), [
      'Why did Vladimir Putin visit North Korea?',
      'What is the new strategic partnership agreement about?',
      'What is the history of North Korea and Russia?',
      'Did Kim Jong Un and Putin share any gifts?',
    ]);
    const faqIndex = blocks.findIndex((b) => b.tag === 'h2' && b.text === 'Frequently Asked Questions');
    const afterFaq = blocks.slice(faqIndex + 1).map((b) => b.tag);
    assert.deepEqual(afterFaq, ['h3', 'p', 'h3', 'p', 'h3', 'p', 'h3', 'p']);
    assert.equal(blocks.at(-1)?.text, 'Yes, Kim Jong Un gave Putin busts and artwork and Putin gave Kim an Aurus limousine and a tea set.');
    assert.doesNotMatch(markdown, /^(?:Q|A)\./m);
  });

  it('keeps every body sentence unchanged, and adds no paragraph of its own', () => {
    const lines = sourceLines(text);
    const body = lines.filter((line) => /[.”]$/.test(line) && !/^(?:Q\.|A\.|Also Read)/.test(line));
    const answers = lines.filter((line) => line.startsWith('A.')).map((line) => line.slice(2));
    assert.equal(body.length, 15);
    assertParagraphsInclude(markdown, [...body, ...answers]);
    assert.equal(textsOf(markdown, 'p').length, body.length + answers.length);
  });

  it('gives the FAQ navigator its four questions, through the app’s pipeline', () => {
    assert.deepEqual(
      faqQuestions(markdown).map((entry) => [entry.question, entry.kind]),
      [
        ['Why did Vladimir Putin visit North Korea?', 'heading'],
        ['What is the new strategic partnership agreement about?', 'heading'],
        ['What is the history of North Korea and Russia?', 'heading'],
        ['Did Kim Jong Un and Putin share any gifts?', 'heading'],
      ],
    );
  });

  it('drops the trailing "Leave a Comment"', () => {
    assert.doesNotMatch(markdown, /Leave a Comment/);
    assert.ok(markdown.endsWith('a tea set.\n'));
  });

  it('produces no markup beyond headings, paragraphs and asides', () => {
    assert.deepEqual([...new Set(blocks.map((b) => b.tag))].sort(), ['aside', 'h1', 'h2', 'h3', 'p']);
    assert.doesNotMatch(markdown, /\n{3,}/);
  });
});

describe('importPlainText on a sports report (ALSO READ | promos, Q:/A: FAQ)', () => {
  const text = fixture('sports-final.txt');
  const { markdown, title } = importPlainText(text);

  it('matches its Markdown baseline', () => {
    assert.equal(markdown, fixture('sports-final.expected.md'));
  });

  it('finds the title, sections and the FAQ heading as written', () => {
    assert.equal(title, 'India clinch the T20 World Cup in a thriller at Barbados');
    assert.deepEqual(textsOf(markdown, 'h2'), ['The Turning Point', 'Suryakumar’s Catch', 'FAQs']);
  });

  it('sets every promo variant apart, HTML-escaped', () => {
    assert.deepEqual(asideTexts(markdown), [
      'Also read: Kohli retires from T20 internationals after the final',
      'Also read: Bumrah & Arshdeep: the <death-overs> pair',
      'Also read: Rohit Sharma: “This is the moment we waited for”',
    ]);
    assert.ok(markdown.includes('<p>Also read: Bumrah &amp; Arshdeep: the &lt;death-overs&gt; pair</p>'));
  });

  it('reads Q:/A: pairs, with and without a space, and keeps multi-paragraph answers together', () => {
    assert.deepEqual(textsOf(markdown, 'h3'), [
      'Who won the 2024 T20 World Cup final?',
      'Who was the Player of the Match?',
      'How many T20 World Cups has India won?',
    ]);
    const blocks = renderedBlocks(markdown);
    const second = blocks.findIndex((b) => b.text === 'Who was the Player of the Match?');
    assert.deepEqual(
      blocks.slice(second + 1, second + 5).map((b) => `${b.tag}:${b.text}`),
      [
        'p:Virat Kohli, for his 76 from 59 balls.',
        'p:His innings was slow at the start, but it gave India a total the bowlers could defend.',
        'p:Kohli announced his retirement from T20 internationals after the match.',
        'h3:How many T20 World Cups has India won?',
      ],
    );
    assert.equal(blocks.at(-1)?.text, 'Two. The first came in the inaugural edition in 2007.');
  });

  it('keeps the body text unchanged', () => {
    assertParagraphsInclude(markdown, sourceLines(text).filter((line) => /^(?:India won|Rohit|South Africa|Jasprit|With 16)/.test(line)));
  });
});

describe('importPlainText on a hard-wrapped tech article with lists', () => {
  const text = fixture('tech-hard-wrapped.txt');
  const { markdown } = importPlainText(text);

  it('matches its Markdown baseline', () => {
    assert.equal(markdown, fixture('tech-hard-wrapped.expected.md'));
  });

  it('has sections but no FAQ and no asides', () => {
    assert.deepEqual(textsOf(markdown, 'h2'), ['What Was Announced', 'How Private Cloud Compute Works', 'Availability']);
    assert.deepEqual(textsOf(markdown, 'h3'), []);
    assert.deepEqual(asideTexts(markdown), []);
  });

  it('turns bullet and numbered lines into lists', () => {
    const blocks = renderedBlocks(markdown);
    const ul = blocks.find((b) => b.tag === 'ul');
    const ol = blocks.find((b) => b.tag === 'ol');
    assert.deepEqual(Array.from(ul?.element.querySelectorAll('li') ?? [], (li) => li.textContent), [
      'A rewritten Siri that understands follow-up questions',
      'Writing tools that proofread and summarise text in any app',
      'Image Playground, which draws pictures from a short description',
      'Priority notifications that surface the messages that matter',
    ]);
    assert.deepEqual(Array.from(ol?.element.querySelectorAll('li') ?? [], (li) => li.textContent), [
      'Update to the new operating system',
      'Set the device language to US English',
      'Opt in from the Settings app',
    ]);
  });

  it('rejoins wrapped lines into whole paragraphs', () => {
    assertParagraphsInclude(markdown, [
      'Apple on Monday introduced a set of artificial intelligence features that run on its own chips, promising that most requests will never leave the phone.',
      "Requests too large for the phone go to Apple's own servers, which the company says keep no data after answering. Independent researchers will be able to inspect the software images those servers run.",
      'The company listed the features it will ship in the autumn update:',
    ]);
  });

  it('drops the newsletter and follow-us lines at the end', () => {
    assert.doesNotMatch(markdown, /newsletter|Follow us/);
    assert.ok(markdown.endsWith('or newer.\n'));
  });
});

describe('importPlainText on text full of Markdown and HTML syntax', () => {
  const text = fixture('special-characters.txt');
  const { markdown } = importPlainText(text);
  const blocks = renderedBlocks(markdown);

  it('matches its Markdown baseline', () => {
    assert.equal(markdown, fixture('special-characters.expected.md'));
  });

  it('shows every line exactly as typed', () => {
    const lines = sourceLines(text).slice(1);
    const table = lines.filter((line) => line.startsWith('|'));
    assertParagraphsInclude(
      markdown,
      lines.filter((line) => !line.startsWith('|')),
    );
    assertParagraphsInclude(markdown, [table.join('\n')]);
  });

  it('produces no markup: no script, emphasis, code, links, lists, quotes, tables or headings', () => {
    assert.deepEqual([...new Set(blocks.map((b) => b.tag))].sort(), ['h1', 'p']);
    const elements = blocks.flatMap((b) => Array.from(b.element.querySelectorAll('*'), (el) => el.tagName.toLowerCase()));
    assert.deepEqual([...new Set(elements)].sort(), ['a', 'br']);
    assert.equal(blocks.filter((b) => b.element.querySelector('a') !== null).length, 1);
  });

  it('keeps the bare URL clickable', () => {
    const link = blocks.flatMap((b) => Array.from(b.element.querySelectorAll('a')))[0];
    assert.equal(link?.getAttribute('href'), 'https://example.com/docs_v2/index.html');
  });
});

describe('importPlainText on an article with a byline, dateline and comment form', () => {
  const text = fixture('byline-dateline.txt');
  const { markdown } = importPlainText(text);

  it('matches its Markdown baseline', () => {
    assert.equal(markdown, fixture('byline-dateline.expected.md'));
  });

  it('keeps the byline, dateline and photo credit as text, not headings', () => {
    assert.deepEqual(textsOf(markdown, 'h2'), ['What the Plan Includes', 'Cost and Timeline']);
    assertParagraphsInclude(markdown, ['By Jane Doe', 'Updated: June 19, 2024, 10:32 IST', 'June 19, 2024', 'Photo: City Planning Office']);
  });

  it('invents no FAQ heading for Q./A. pairs that have none; the FAQ navigator lists them as written', () => {
    assert.doesNotMatch(markdown, /Frequently Asked Questions/);
    assert.deepEqual(textsOf(markdown, 'h3'), []);
    assertParagraphsInclude(markdown, ['Q. When will the park open?', 'A. The first section is due to open in the summer of 2026.']);
    assert.deepEqual(
      faqQuestions(markdown).map((entry) => entry.question),
      ['When will the park open?', 'Who pays for it?'],
    );
  });

  it('keeps "Click here" in the body but drops the comment form at the end', () => {
    assertParagraphsInclude(markdown, ['Click here to see the full site plan, which the council published alongside the vote.', 'The council will vote on the final budget in September.']);
    assert.doesNotMatch(markdown, /Leave a Reply|email address|Save my name|Website|Δ/);
    assert.ok(markdown.endsWith('final budget in September.\n'));
  });
});

describe('importPlainText on an article with an unmarked FAQ and a share block', () => {
  const text = fixture('bookshop-revival.txt');
  const { markdown } = importPlainText(text);

  it('matches its Markdown baseline', () => {
    assert.equal(markdown, fixture('bookshop-revival.expected.md'));
  });

  it('reads plain questions under an FAQ heading as questions', () => {
    assert.deepEqual(textsOf(markdown, 'h2'), ['Why Readers Came Back', 'Frequently Asked Questions']);
    assert.deepEqual(textsOf(markdown, 'h3'), ['How many bookshops opened last year?', 'Are prices higher than online?']);
    assertParagraphsInclude(markdown, ['Usually, yes. Most shops sell new titles at the publisher’s price.', 'Some offer loyalty cards that bring the cost down.']);
  });

  it('keeps the final promo and drops the share block after it', () => {
    assert.deepEqual(asideTexts(markdown), ['Also read: Ten bookshops worth a detour', 'Also read: How to start a reading group']);
    assert.doesNotMatch(markdown, /Share this|Facebook|Like/);
    assert.ok(markdown.endsWith('How to start a reading group</p></aside>\n'));
  });
});

describe('importPlainText on a news article whose section headings are questions', () => {
  const text = fixture('heatwave-question-headings.txt');
  const { markdown } = importPlainText(text);

  it('matches its Markdown baseline', () => {
    assert.equal(markdown, fixture('heatwave-question-headings.expected.md'));
  });

  it('keeps the question-phrased sections as section headings, title or sentence case', () => {
    assert.deepEqual(textsOf(markdown, 'h2'), [
      'What Is Causing the Heatwave?',
      'How are cities coping with the heat?',
      'Health Warnings',
      'What happens next?',
      'Frequently Asked Questions',
    ]);
  });

  it('leaves a question that reads as speech in the text', () => {
    assertParagraphsInclude(markdown, ['So, who pays when the grid fails?']);
  });

  it('gives the FAQ navigator the FAQ’s questions only, not the sections phrased as questions', () => {
    assert.deepEqual(faqQuestions(markdown), [
      { question: 'What temperature did Delhi record?', kind: 'heading', answer: 'The Mungeshpur weather station recorded 47.8 degrees Celsius, the highest in the city this year.' },
      { question: 'When will the monsoon arrive?', kind: 'heading', answer: 'The weather office expects it in Kerala by May 30 and in the north by late June.' },
      { question: 'How can people protect themselves?', kind: 'heading', answer: 'Stay indoors at midday, drink water often and check on elderly neighbours.' },
    ]);
  });
});

describe('importPlainText on a news article with Q:/A: lines and no FAQ heading', () => {
  const text = fixture('repo-rate-unheaded-qa.txt');
  const { markdown } = importPlainText(text);

  it('matches its Markdown baseline', () => {
    assert.equal(markdown, fixture('repo-rate-unheaded-qa.expected.md'));
  });

  it('adds no heading the file does not have', () => {
    assert.deepEqual(textsOf(markdown, 'h2'), ['What the Decision Means']);
    assert.deepEqual(textsOf(markdown, 'h3'), []);
    assert.doesNotMatch(markdown, /Frequently Asked Questions|FAQ/);
  });

  it('shows each question in bold and each answer as written', () => {
    const blocks = renderedBlocks(markdown);
    const questions = blocks.filter((block) => block.element.querySelector('strong') !== null).map((block) => block.text);
    assert.deepEqual(questions, ['Q: What is the repo rate?', 'Q: Will my EMI change?', 'Q: When is the next policy meeting?']);
    assertParagraphsInclude(markdown, ['A: It is the rate at which the Reserve Bank lends money to commercial banks for short periods.', 'Lenders may still adjust rates on older loans tied to their own benchmarks.']);
  });

  it('gives the FAQ navigator every question, with its whole answer', () => {
    assert.deepEqual(faqQuestions(markdown), [
      { question: 'What is the repo rate?', kind: 'paragraph', answer: 'A: It is the rate at which the Reserve Bank lends money to commercial banks for short periods.' },
      {
        question: 'Will my EMI change?',
        kind: 'paragraph',
        answer: 'A: Not for now. Loans linked to the repo rate keep their current rate until the next review. | Lenders may still adjust rates on older loans tied to their own benchmarks.',
      },
      { question: 'When is the next policy meeting?', kind: 'paragraph', answer: 'A: The monetary policy committee meets again in the first week of August.' },
    ]);
  });
});

describe('importPlainText, rules one at a time', () => {
  it('returns nothing for empty or blank text', () => {
    assert.deepEqual(importPlainText(''), { markdown: '', title: '' });
    assert.deepEqual(importPlainText(' \n\n\t \r\n'), { markdown: '', title: '' });
  });

  it('handles a title alone, with a BOM, CRLF and surrounding blank lines', () => {
    assert.deepEqual(importPlainText('\uFEFF\r\n\r\n  Only a title  \r\n\r\n'), { markdown: '# Only a title\n', title: 'Only a title' });
  });

  it('collapses runs of blank lines and trims trailing whitespace', () => {
    const { markdown } = importPlainText('Title   \n\n\n\n\nFirst paragraph.   \t\n\n\n\nSecond paragraph.  \n\n\n');
    assert.equal(markdown, '# Title\n\nFirst paragraph.\n\nSecond paragraph.\n');
  });

  it('escapes a title and headings that contain Markdown characters', () => {
    const { markdown, title } = importPlainText('The *real* <story> #\n\nC# and F# Compared\n\nBody.');
    assert.equal(title, 'The *real* <story> #');
    assert.deepEqual(textsOf(markdown, 'h1'), ['The *real* <story> #']);
    assert.deepEqual(textsOf(markdown, 'h2'), ['C# and F# Compared']);
  });

  it('takes the title of a bare "Also Read:" label from the next line', () => {
    const { markdown } = importPlainText('Title\n\nBody.\n\nAlso Read:\nThe linked story\n\nMore body.');
    assert.deepEqual(asideTexts(markdown), ['Also read: The linked story']);
    assert.deepEqual(textsOf(markdown, 'p'), ['Body.', 'More body.']);
  });

  it('leaves a lone "Q." or "A." sentence outside an FAQ alone', () => {
    const { markdown } = importPlainText('Title\n\nQ. Smith and A. Jones met in 1990.\n\nA. J. Ayer wrote the book.\n\nQ: Why?');
    assert.deepEqual(textsOf(markdown, 'p'), ['Q. Smith and A. Jones met in 1990.', 'A. J. Ayer wrote the book.', 'Q: Why?']);
    assert.deepEqual(textsOf(markdown, 'h2'), []);
    assert.deepEqual(textsOf(markdown, 'h3'), []);
  });

  it('ends the FAQ at the next heading', () => {
    const { markdown } = importPlainText('Title\n\nFAQ\n\nQ: One?\n\nA: Yes.\n\nAbout the Author\n\nA. Writer lives in Leeds.');
    assert.deepEqual(textsOf(markdown, 'h2'), ['FAQ', 'About the Author']);
    assert.deepEqual(textsOf(markdown, 'p'), ['Yes.', 'A. Writer lives in Leeds.']);
  });

  it('reads "Question:"/"Answer:" and multi-paragraph answers under an FAQ heading', () => {
    const { markdown } = importPlainText('Title\n\nFAQ\n\nQuestion: Is it open?\n\nAnswer: Not yet.\n\nIt opens in May.\n\nQuestion: Where?\n\nAnswer: In Leeds.');
    assert.deepEqual(textsOf(markdown, 'h3'), ['Is it open?', 'Where?']);
    assert.deepEqual(textsOf(markdown, 'p'), ['Not yet.', 'It opens in May.', 'In Leeds.']);
  });

  it('keeps "Question:"/"Answer:" pairs with no FAQ heading as they are written, and the navigator finds them', () => {
    const { markdown } = importPlainText('Title\n\nQuestion: Is it open?\n\nAnswer: Not yet.\n\nIt opens in May.\n\nQuestion: Where?\n\nAnswer: In Leeds.');
    assert.deepEqual(textsOf(markdown, 'h2'), []);
    assert.deepEqual(textsOf(markdown, 'p'), ['Question: Is it open?', 'Answer: Not yet.', 'It opens in May.', 'Question: Where?', 'Answer: In Leeds.']);
    assert.deepEqual(faqQuestions(markdown), [
      { question: 'Is it open?', kind: 'paragraph', answer: 'Answer: Not yet. | It opens in May.' },
      { question: 'Where?', kind: 'paragraph', answer: 'Answer: In Leeds.' },
    ]);
  });

  it('writes a marker the navigator does not read ("q -", "Ans:") as Q: and A:', () => {
    const { markdown } = importPlainText('Title\n\nq - Why is the bridge closed?\n\nAns: For repairs.');
    assert.deepEqual(textsOf(markdown, 'p'), ['Q: Why is the bridge closed?', 'A: For repairs.']);
    assert.deepEqual(faqQuestions(markdown).map((entry) => entry.question), ['Why is the bridge closed?']);
  });

  it('reads a question-phrased line as a section heading outside an FAQ, and as a question inside one', () => {
    const { markdown } = importPlainText('Title\n\nWhy Did the Bridge Close?\n\nThe council found cracks.\n\nFAQ\n\nWhen will it reopen?\n\nIn the spring.');
    assert.deepEqual(textsOf(markdown, 'h2'), ['Why Did the Bridge Close?', 'FAQ']);
    assert.deepEqual(textsOf(markdown, 'h3'), ['When will it reopen?']);
    assert.deepEqual(faqQuestions(markdown).map((entry) => entry.question), ['When will it reopen?']);
  });

  it('keeps questions that read as prose in the text: a comma, a second sentence, one word, or nothing after it', () => {
    const { markdown } = importPlainText('Title\n\nSo, who pays for it?\n\nNobody knows.\n\nReally? Yes.\n\nMore text.\n\nWhy?\n\nBecause.\n\nWhat do you think?');
    assert.deepEqual(textsOf(markdown, 'h2'), []);
    assert.deepEqual(textsOf(markdown, 'p'), ['So, who pays for it?', 'Nobody knows.', 'Really? Yes.', 'More text.', 'Why?', 'Because.', 'What do you think?']);
  });

  it('makes a list only of two or more items; a lone numbered line stays text', () => {
    const { markdown } = importPlainText('Title\n\n1. not list\n\nBody.\n\n* one\n* two\n\n3) three\n4) four');
    const blocks = renderedBlocks(markdown);
    assert.deepEqual(blocks.map((b) => b.tag), ['h1', 'p', 'p', 'ul', 'ol']);
    assert.equal(blocks[1]?.text, '1. not list');
    assert.equal(blocks[4]?.element.getAttribute('start'), '3');
  });

  it('escapes list item text', () => {
    const { markdown } = importPlainText('Title\n\n- # not a heading\n- *not emphasis*');
    const items = Array.from(renderedBlocks(markdown)[1]?.element.querySelectorAll('li') ?? [], (li) => li.innerHTML);
    assert.deepEqual(items, ['# not a heading', '*not emphasis*']);
  });

  it('never drops body text that only resembles boilerplate', () => {
    const { markdown } = importPlainText('Title\n\nShare this article with a friend who reads.\n\nThe story goes on.');
    assert.deepEqual(textsOf(markdown, 'p'), ['Share this article with a friend who reads.', 'The story goes on.']);
  });

  it('stays fast on pathological lines (no regex backtracking blow-up)', { timeout: 10_000 }, () => {
    const n = 200_000;
    const text = [
      'Title',
      `Q${' '.repeat(n)}.`,
      `A${' '.repeat(n)}.`,
      `Also read${' -'.repeat(n)}`,
      `${'.'.repeat(n)}${')'.repeat(n)}x`,
      `By${' '.repeat(n)}x`,
      '['.repeat(n),
    ].join('\n\n');
    const started = performance.now();
    const { markdown } = importPlainText(text);
    assert.ok(markdown.startsWith('# Title\n\n'));
    assert.ok(performance.now() - started < 5_000);
  });
});
