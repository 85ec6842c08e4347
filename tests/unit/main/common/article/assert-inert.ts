/** The XSS corpus and the check that rendered HTML can neither run script nor fetch anything. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

/** tests/fixtures/markdown/xss.md: one attack vector per block. */
export const XSS_CORPUS = readFileSync(new URL('../../../../fixtures/markdown/xss.md', import.meta.url), 'utf8');

/** The corpus's vectors, each on its own (a vector cannot hide behind one that swallows the rest). */
export function xssVectors(): string[] {
  return XSS_CORPUS.split(/\n{2,}/).filter((block) => /[<[!]/.test(block.trimStart()[0] ?? ''));
}

/** Every way HTML can run script or fetch something, checked on the page the output builds. */
export function assertInert(body: Element): void {
  const forbidden = 'script, iframe, frame, frameset, object, embed, form, base, meta, link, style, template, noscript, svg, math, button, textarea, select';
  assert.deepEqual(Array.from(body.querySelectorAll(forbidden), (element) => element.outerHTML), []);
  for (const element of body.querySelectorAll('*')) {
    for (const { name, value } of Array.from(element.attributes)) {
      const where = `${element.tagName.toLowerCase()}[${name}="${value}"]`;
      assert.ok(!name.toLowerCase().startsWith('on'), `event handler ${where}`);
      assert.notEqual(name.toLowerCase(), 'style', `style attribute ${where}`);
      // eslint-disable-next-line no-control-regex
      const compact = value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
      assert.ok(!/^(?:javascript|vbscript|data:text|data:image\/svg)/.test(compact), `dangerous URL ${where}`);
    }
    if (element.tagName === 'INPUT') assert.ok(element.hasAttribute('disabled'));
  }
}

