import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { annotationIri, collectionIri, idOfAnnotationIri } from '../../../../../main/export/w3c/w3c-ids';

describe('W3C ids', () => {
  it('writes urn:uuid for UUIDs and urn:gloss:annotation for other ids, and reads both back', () => {
    for (const [id, iri] of [
      ['7f1c2a4e-1b2c-4d3e-8f9a-0b1c2d3e4f5a', 'urn:uuid:7f1c2a4e-1b2c-4d3e-8f9a-0b1c2d3e4f5a'],
      ['Gh3mQmsSEe6q1ucIvwk1NA', 'urn:gloss:annotation:Gh3mQmsSEe6q1ucIvwk1NA'],
    ] as const) {
      assert.equal(annotationIri(id), iri);
      assert.equal(idOfAnnotationIri(iri), id);
    }
    assert.equal(idOfAnnotationIri('URN:UUID:7f1c2a4e-1b2c-4d3e-8f9a-0b1c2d3e4f5a'), '7f1c2a4e-1b2c-4d3e-8f9a-0b1c2d3e4f5a');
    assert.equal(idOfAnnotationIri('urn:uuid:not-a-uuid'), null);
    assert.equal(idOfAnnotationIri('http://example.org/anno1'), null);
  });

  it('names collections by document, or the library', () => {
    assert.equal(collectionIri('d802b92d1a2a96bd'), 'urn:gloss:document:d802b92d1a2a96bd');
    assert.equal(collectionIri(null), 'urn:gloss:library');
  });
});
