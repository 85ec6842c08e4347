import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dropTrailingBoilerplate } from '../../../../main/documents/trailing-boilerplate';

describe('dropTrailingBoilerplate', () => {
  it('drops "Leave a Comment" at the end', () => {
    assert.deepEqual(dropTrailingBoilerplate(['Body.', '', 'Leave a Comment']), ['Body.', '']);
  });

  it('drops a share block with its buttons, and a comment form', () => {
    const lines = ['Last paragraph.', '', 'Share this:', '', 'Facebook', 'X', '', 'Like this:', 'Like Loading...', '', 'Leave a Reply', 'Your email address will not be published. Required fields are marked *', 'Name *', 'Email *', 'Website', 'Δ', ''];
    assert.deepEqual(dropTrailingBoilerplate(lines), ['Last paragraph.', '']);
  });

  it('keeps the same lines in the body of the article', () => {
    const lines = ['Leave a Comment', 'Click here to read the ruling.', 'Follow us on X.', 'The article goes on.'];
    assert.deepEqual(dropTrailingBoilerplate(lines), lines);
  });

  it('keeps a trailing share-button word when no boilerplate line comes before it', () => {
    const lines = ['The company was renamed', 'X'];
    assert.deepEqual(dropTrailingBoilerplate(lines), lines);
    assert.deepEqual(dropTrailingBoilerplate(['Body.', 'Facebook', 'Share this:', 'Twitter']), ['Body.', 'Facebook']);
  });

  it('leaves an article without boilerplate, and an empty one, as they are', () => {
    assert.deepEqual(dropTrailingBoilerplate(['Title', '', 'Body.', '']), ['Title', '', 'Body.', '']);
    assert.deepEqual(dropTrailingBoilerplate([]), []);
  });
});
