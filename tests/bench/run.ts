/**
 * `npm run bench`: the performance figures of issue #3 on this machine, each printed with the
 * work it measured. Targets are checked and reported, not asserted: a benchmark measures, tests
 * decide behaviour.
 */
import { cpus, totalmem } from 'node:os';
import { benchCreateHighlight } from './create-highlight-bench';
import { benchNotesSearch, describeNotesSearch } from './notes-search-bench';
import { benchOpenArticle } from './open-article-bench';
import { benchReanchor } from './reanchor-bench';

const verdict = (met: boolean) => (met ? 'target met' : 'TARGET MISSED');

async function main(): Promise<void> {
  console.log(`Gloss benchmarks — ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}\n`);

  const open = await benchOpenArticle();
  const openMet = open.overheadPercent <= 50;
  console.log(`(a) open a ${(open.articleBytes / 2 ** 20).toFixed(2)} MB Markdown article in Chromium until the frame showing every highlight is drawn (median of 7):`);
  console.log(`    no highlights:             ${open.bareMs.toFixed(0)} ms`);
  console.log(`    ${open.highlights} highlights:         ${open.withHighlightsMs.toFixed(0)} ms  (${open.overheadPercent >= 0 ? '+' : ''}${open.overheadPercent.toFixed(1)}%; target ≤ +50%: ${verdict(openMet)})`);
  console.log(`    and until the sidebar lists all ${open.highlights} (built after the highlights show): ${open.listedMs.toFixed(0)} ms\n`);

  const reanchor = await benchReanchor();
  console.log(`(b) re-anchor ${reanchor.total} highlights after 5% of a 1 MB article's paragraphs were edited:`);
  console.log(`    Gloss (exact first, then approximate near the old position): ${reanchor.smartMs.toFixed(1)} ms (${reanchor.anchored} anchored, ${reanchor.orphaned} orphaned; target < 100 ms: ${verdict(reanchor.smartMs < 100)})`);
  console.log(`    naive (approximate search of the whole text per quote):      ${reanchor.naiveMs.toFixed(0)} ms${reanchor.naiveNote ? ` ${reanchor.naiveNote}` : ''}`);
  console.log(`    ratio naive / Gloss: ${reanchor.ratio.toFixed(0)}×\n`);

  const small = await benchCreateHighlight({ totalAnnotations: 10_000, documents: 100, inOpenDocument: 100 });
  const large = await benchCreateHighlight({ totalAnnotations: 100_000, documents: 100, inOpenDocument: 100 });
  const ratio = large.medianMs / small.medianMs;
  console.log('(c) create one highlight end to end (API call through validation to durable write), 250 samples,');
  console.log('    in a document holding 100 annotations, with 10,000 annotations over 100 documents stored:');
  console.log(`    median ${small.medianMs.toFixed(2)} ms, p95 ${small.p95Ms.toFixed(2)} ms (target median < 5 ms: ${verdict(small.medianMs < 5)})`);
  console.log('(d) the same with 100,000 annotations over 100 documents stored:');
  console.log(`    median ${large.medianMs.toFixed(2)} ms, p95 ${large.p95Ms.toFixed(2)} ms (${ratio >= 1 ? '+' : ''}${((ratio - 1) * 100).toFixed(1)}% vs (c); target within 20%: ${verdict(ratio <= 1.2)})`);
  const dense = await benchCreateHighlight({ totalAnnotations: 100_000, documents: 100, inOpenDocument: 1000 });
  console.log('    for reference, when the open document itself holds 1,000 of them (a write costs time in proportion to');
  console.log(`    its own document's annotations): median ${dense.medianMs.toFixed(2)} ms, p95 ${dense.p95Ms.toFixed(2)} ms`);

  console.log('');
  for (const line of describeNotesSearch(await benchNotesSearch(), verdict)) console.log(line);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
