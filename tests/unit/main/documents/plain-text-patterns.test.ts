import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  endsSentence,
  isHeadingLike,
  isQuestionHeading,
  isMetaLine,
  isShareTarget,
  isTrailingBoilerplate,
  endsWithQuestionMark,
  isUnmarkedQuestion,
  matchAnswer,
  matchFaqHeading,
  matchListItem,
  matchQuestion,
  matchRelatedLink,
} from '../../../../main/documents/plain-text-patterns';

describe('matchRelatedLink', () => {
  it('returns the promoted title for every label and separator variant', () => {
    const cases: Array<[string, string]> = [
      ['Also Read:- Baseball legend Willie Mays dies at 93', 'Baseball legend Willie Mays dies at 93'],
      ['Also Read: iPhone 16 leaks: Features, Price & Release Date', 'iPhone 16 leaks: Features, Price & Release Date'],
      ['Also Read - Bumrah named Player of the Tournament', 'Bumrah named Player of the Tournament'],
      ['ALSO READ | Kohli retires from T20s', 'Kohli retires from T20s'],
      ['Read Also: Rohit Sharma speaks', 'Rohit Sharma speaks'],
      ['Also see: Ten bookshops worth a detour', 'Ten bookshops worth a detour'],
      ['Read more: How to start a reading group', 'How to start a reading group'],
      ['also read – Lower-case label, en dash', 'Lower-case label, en dash'],
      ['Also Read — Em dash', 'Em dash'],
      ['Also Read |- Mixed separators', 'Mixed separators'],
      ['[Also Read: In brackets]', 'In brackets'],
      ['(Also see: In parentheses)', 'In parentheses'],
    ];
    for (const [line, title] of cases) assert.equal(matchRelatedLink(line), title, line);
  });

  it('returns an empty title for a bare label', () => {
    assert.equal(matchRelatedLink('Also Read:'), '');
    assert.equal(matchRelatedLink('ALSO READ |'), '');
  });

  it('leaves sentences that merely start with the words alone', () => {
    for (const line of ['Also read the fine print before signing.', 'Read more about it below.', 'Readers also read: nothing', 'Alsop read: no']) {
      assert.equal(matchRelatedLink(line), null, line);
    }
  });
});

describe('matchQuestion and matchAnswer', () => {
  it('strip every question marker, with or without a space', () => {
    for (const line of ['Q.Why did it happen?', 'Q. Why did it happen?', 'Q: Why did it happen?', 'Q:Why did it happen?', 'Q) Why did it happen?', 'Question: Why did it happen?', 'Q1. Why did it happen?', 'Question 2 - Why did it happen?', 'q. Why did it happen?']) {
      assert.equal(matchQuestion(line), 'Why did it happen?', line);
    }
  });

  it('strip every answer marker', () => {
    for (const line of ['A.Because.', 'A. Because.', 'A: Because.', 'A:Because.', 'A) Because.', 'Answer: Because.', 'Ans: Because.']) {
      assert.equal(matchAnswer(line), 'Because.', line);
    }
  });

  it('do not mistake ordinary words for markers', () => {
    for (const line of ['Qatar hosts the summit.', 'Q4 earnings rose.', 'Quite.', 'Questions remain.', 'Q.']) {
      assert.equal(matchQuestion(line), null, line);
    }
    for (const line of ['A historic visit', 'Apple said.', 'Answers vary.', 'A.']) {
      assert.equal(matchAnswer(line), null, line);
    }
  });
});

describe('matchFaqHeading', () => {
  it('recognises FAQ headings and keeps their text, minus a trailing colon', () => {
    const cases: Array<[string, string]> = [
      ['Frequently Asked Questions', 'Frequently Asked Questions'],
      ['FREQUENTLY ASKED QUESTIONS', 'FREQUENTLY ASKED QUESTIONS'],
      ['FAQs', 'FAQs'],
      ['FAQ', 'FAQ'],
      ["FAQ's:", "FAQ's"],
      ['FAQs:', 'FAQs'],
      ['Frequently Asked Questions (FAQs)', 'Frequently Asked Questions (FAQs)'],
      ['FAQs about the summit', 'FAQs about the summit'],
    ];
    for (const [line, text] of cases) assert.equal(matchFaqHeading(line), text, line);
  });

  it('rejects sentences and look-alikes', () => {
    for (const line of ['FAQs are useful for readers.', 'Faqir Chand arrives', 'Frequently, people ask questions.']) {
      assert.equal(matchFaqHeading(line), null, line);
    }
  });
});

describe('matchListItem', () => {
  it('reads bullets and numbers', () => {
    assert.deepEqual(matchListItem('- Dash item'), { ordered: false, number: 0, text: 'Dash item' });
    assert.deepEqual(matchListItem('* Star item'), { ordered: false, number: 0, text: 'Star item' });
    assert.deepEqual(matchListItem('• Bullet item'), { ordered: false, number: 0, text: 'Bullet item' });
    assert.deepEqual(matchListItem('1. First'), { ordered: true, number: 1, text: 'First' });
    assert.deepEqual(matchListItem('12) Twelfth'), { ordered: true, number: 12, text: 'Twelfth' });
  });

  it('needs a space after the marker', () => {
    for (const line of ['-5 degrees overnight', '*emphasis*', '3.5 million people', '2024) was a year', '1.']) {
      assert.equal(matchListItem(line), null, line);
    }
  });
});

describe('isMetaLine', () => {
  it('recognises bylines, datelines, credits and reading times', () => {
    for (const line of ['By Jane Doe', 'By: Jane Doe', 'BY JANE DOE', 'Updated: June 19, 2024, 10:32 IST', 'Published on 19 June 2024', 'Last updated 3 hours ago', 'Posted by admin', 'June 19, 2024', 'Wednesday, June 19, 2024', 'Jun. 19 2024', '19 June 2024', '2024-06-19', '19/06/2024', 'Photo: Reuters', 'Image credit: AP', 'Reading time: 4 minutes', '5 min read']) {
      assert.equal(isMetaLine(line), true, line);
    }
  });

  it('leaves headings that only look similar', () => {
    for (const line of ['By the Numbers', 'By Then, It Was Too Late', 'Bystanders React', 'June Brings Record Rain', 'Updates From the Field', 'Photography Tips']) {
      assert.equal(isMetaLine(line), false, line);
    }
  });
});

describe('isHeadingLike', () => {
  it('accepts the sample article’s section headings', () => {
    for (const line of ['A Historic Visit', 'The Breakthrough Agreement', 'Strengthened Alliances', 'Putin in North Korea', 'International Reactions and Implications', 'A Historical Context', '2024 in Review', '“Squid Game” Returns', 'Why It Matters (Explained)']) {
      assert.equal(isHeadingLike(line), true, line);
    }
  });

  it('rejects sentences, promos, FAQ lines, list items, bylines and lower-case starts', () => {
    for (const line of [
      'Putin arrived around noon for a welcome event.',
      'What happens next?',
      'The leaders said:',
      'Kim said, “We will win.”',
      'Also Read:- Baseball legend Willie Mays dies at 93',
      'Q.Why did Vladimir Putin visit North Korea',
      'A.Vladimir Putin visited North Korea',
      '1. Introduction',
      '- Bullet',
      'By Jane Doe',
      'June 19, 2024',
      'not a heading',
      '# not heading',
      '2024',
      'One two three four five six seven eight nine ten eleven twelve thirteen',
      `A ${'very '.repeat(20)}long line`,
      'Two lines\nof text',
    ]) {
      assert.equal(isHeadingLike(line), false, line);
    }
  });
});

describe('isQuestionHeading', () => {
  it('accepts section headings phrased as questions, in title or sentence case', () => {
    for (const line of ['What Is Causing the Heatwave?', 'How are cities coping with the heat?', 'What happens next?', 'Is “Squid Game” Worth Watching?', 'Why It Matters?']) {
      assert.equal(isQuestionHeading(line), true, line);
    }
  });

  it('rejects questions that read as speech or prose, FAQ lines and statements', () => {
    for (const line of [
      'So, who pays when the grid fails?',
      'Really? Yes.',
      'Why?',
      'He asked: why now?',
      'Q. Why did it happen?',
      'Question: Why did it happen?',
      'what happens next?',
      'A Historic Visit',
      'Putin arrived around noon.',
      `Why ${'very '.repeat(20)}long?`,
      'Two lines\nof text?',
    ]) {
      assert.equal(isQuestionHeading(line), false, line);
    }
  });
});

describe('isUnmarkedQuestion, endsWithQuestionMark and endsSentence', () => {
  it('tell questions and sentence endings apart', () => {
    assert.equal(isUnmarkedQuestion('How many bookshops opened last year?'), true);
    assert.equal(isUnmarkedQuestion('Is it “safe”?”'), true);
    assert.equal(isUnmarkedQuestion('how many? lower-case'), false);
    assert.equal(isUnmarkedQuestion('A statement.'), false);
    assert.equal(endsSentence('He said “yes.”'), true);
    assert.equal(endsSentence('Ends with a colon:'), true);
    assert.equal(endsSentence('A Historic Visit'), false);
    assert.equal(endsWithQuestionMark('Why did he go?'), true);
    assert.equal(endsWithQuestionMark('He asked “why?”'), true);
    assert.equal(endsWithQuestionMark('Smith and Jones met.'), false);
  });
});

describe('isTrailingBoilerplate and isShareTarget', () => {
  it('recognise what web pages append to articles', () => {
    for (const line of ['Leave a Comment', 'Leave a Reply', 'Leave a Reply Cancel reply', 'Share this:', 'Share this article', 'Share', 'SHARE THIS STORY', 'Subscribe to our newsletter', 'Sign up for our newsletter', 'Click here to subscribe', 'Click to share on Facebook (Opens in new window)', 'Follow us on Instagram', 'Like this:', 'Like Loading...', 'Related Posts', 'Tags: politics, asia', '© 2024 Example News. All rights reserved.', 'Your email address will not be published. Required fields are marked *', '3 Comments']) {
      assert.equal(isTrailingBoilerplate(line), true, line);
    }
    for (const line of ['Facebook', 'X', 'WhatsApp', 'Name *', 'Email *', 'Website', 'Comment *', 'Post Comment', 'Δ']) {
      assert.equal(isShareTarget(line), true, line);
    }
  });

  it('leave body sentences alone', () => {
    for (const line of ['The council left a comment period open.', 'Shares rose 5% on Monday.', 'Sharing is caring.', `Click here ${'and there '.repeat(20)}`]) {
      assert.equal(isTrailingBoilerplate(line), false, line);
    }
    assert.equal(isShareTarget('Facebook said it would appeal.'), false);
  });
});
