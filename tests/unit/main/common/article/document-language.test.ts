import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { documentLanguage } from '../../../../../main/common/article/document-language';

describe('documentLanguage', () => {
  it('reads lang or language from the front matter, canonicalized', () => {
    assert.equal(documentLanguage('---\ntitle: Über\nlang: de\n---\n# Über\n'), 'de');
    assert.equal(documentLanguage('---\nlanguage: "pt_br"\n---\nTexto.'), 'pt-BR');
    assert.equal(documentLanguage("\uFEFF---\r\nlang: 'en-GB'\r\n...\r\nText"), 'en-GB');
  });

  it('says nothing without front matter, without a language in it, or with a malformed one', () => {
    assert.equal(documentLanguage('# Title\n\nlang: de\n'), null);
    assert.equal(documentLanguage('---\ntitle: No language\n---\n'), null);
    assert.equal(documentLanguage('---\nlang: 12\n---\n'), null);
    assert.equal(documentLanguage('---\nlang: de\n'), null, 'an unclosed block is no front matter');
    assert.equal(documentLanguage('Some text\n---\nlang: de\n---\n'), null, 'only at the very start');
  });
});
