import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { annotationFragment, annotationLink, parseAnnotationFragment, parseAnnotationLink, withoutAnnotationFragment } from '../../../../main/common/annotation-link';

const ref = { documentId: 'd802b92d1a2a96bd', annotationId: '7f1c2a4e-1b2c-4d3e-8f9a-0b1c2d3e4f5a' };

describe('annotation links', () => {
  it('writes gloss://annotation/<documentId>/<annotationId> and reads it back', () => {
    const link = annotationLink(ref);
    assert.equal(link, 'gloss://annotation/d802b92d1a2a96bd/7f1c2a4e-1b2c-4d3e-8f9a-0b1c2d3e4f5a');
    assert.deepEqual(parseAnnotationLink(link), ref);
  });

  it('reads links as the OS may hand them over: scheme and host in any case, a trailing slash, a query', () => {
    assert.deepEqual(parseAnnotationLink('GLOSS://Annotation/d802b92d1a2a96bd/Abc_-1/'), { documentId: 'd802b92d1a2a96bd', annotationId: 'Abc_-1' });
    assert.deepEqual(parseAnnotationLink(' gloss://annotation/a/b?from=obsidian#x '), { documentId: 'a', annotationId: 'b' });
  });

  it('refuses anything else', () => {
    for (const url of [
      'gloss://app/index.html',
      'gloss://annotation/only-one',
      'gloss://annotation/a/b/c',
      'gloss://annotation/a%2F/b',
      'gloss://annotation/../b',
      'https://annotation/a/b',
      'gloss-asset://annotation/a/b',
      `gloss://annotation/${'x'.repeat(101)}/b`,
      'javascript:alert(1)//gloss://annotation/a/b',
    ]) {
      assert.equal(parseAnnotationLink(url), null, url);
    }
  });

  it('writes and reads the browser mode’s fragment', () => {
    const fragment = annotationFragment(ref);
    assert.equal(fragment, '#annotation=d802b92d1a2a96bd/7f1c2a4e-1b2c-4d3e-8f9a-0b1c2d3e4f5a');
    assert.deepEqual(parseAnnotationFragment(fragment), ref);
    assert.deepEqual(parseAnnotationFragment(fragment.slice(1)), ref);
    assert.equal(parseAnnotationFragment('#annotation=a/b/c'), null);
    assert.equal(parseAnnotationFragment('#heading'), null);
  });

  it('reads the fragment beside other parameters, as the browser mode’s first address has its token', () => {
    assert.deepEqual(parseAnnotationFragment('#token=abc-_123&annotation=d802b92d1a2a96bd/Abc_-1'), { documentId: 'd802b92d1a2a96bd', annotationId: 'Abc_-1' });
    assert.deepEqual(parseAnnotationFragment('annotation=a/b&token=t'), { documentId: 'a', annotationId: 'b' });
    assert.equal(parseAnnotationFragment('#token=annotation=a/b'), null);
    assert.equal(withoutAnnotationFragment('#token=t&annotation=a/b'), '#token=t');
    assert.equal(withoutAnnotationFragment('#annotation=a/b'), '');
    assert.equal(withoutAnnotationFragment(''), '');
  });

  it('never writes a link for an id that would read back differently', () => {
    assert.throws(() => annotationLink({ documentId: 'a/b', annotationId: 'c' }));
    assert.throws(() => annotationFragment({ documentId: 'a', annotationId: '' }));
  });
});
