/**
 * `npm run bench`: the performance figures of issue #3 on this machine, each printed with the
 * work it measured. Targets are checked and reported, not asserted: a benchmark measures, tests
 * decide behaviour.
 */
import { cpus, totalmem } from 'node:os';
import { benchLibraries, STARTS } from './library-bench';
import type { LibraryBenchResult } from './library-bench';
import { benchOpenArticle, printOpenArticle } from './open-article-bench';
import { benchOpenVersusBare, printVersusBare } from './open-versus-bare-bench';
import { loadAverage } from './page-timing';
import { benchReanchor } from './reanchor-bench';

const verdict = (met: boolean) => (met ? 'target met' : 'TARGET MISSED');

async function main(): Promise<void> {
  console.log(`Gloss benchmarks — ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, load average ${loadAverage()}\n`);

  printOpenArticle(await benchOpenArticle());
  console.log('(e) open the same Markdown article in Gloss and in a bare page that only runs marked + DOMPurify and sets innerHTML,');
  console.log('    in the same Chromium, interleaved (bare, Gloss, bare, Gloss…, each in a fresh page):');
  printVersusBare(await benchOpenVersusBare());
  console.log(`    (load average when done: ${loadAverage()})\n`);

  const reanchor = await benchReanchor();
  console.log(`(b) re-anchor ${reanchor.total} highlights after 5% of a 1 MB article's paragraphs were edited:`);
  console.log(`    Gloss (exact first, then approximate near the old position): ${reanchor.smartMs.toFixed(1)} ms (${reanchor.anchored} anchored, ${reanchor.orphaned} orphaned; target < 100 ms: ${verdict(reanchor.smartMs < 100)})`);
  console.log(`    naive (approximate search of the whole text per quote):      ${reanchor.naiveMs.toFixed(0)} ms${reanchor.naiveNote ? ` ${reanchor.naiveNote}` : ''}`);
  console.log(`    ratio naive / Gloss: ${reanchor.ratio.toFixed(0)}×\n`);

  const [small, large, dense] = (await benchLibraries([
    { annotations: 10_000, documents: 1_000, samples: 200 },
    { annotations: 100_000, documents: 1_000, samples: 200 },
    { annotations: 100_000, documents: 100, samples: 30 },
  ])) as [LibraryBenchResult, LibraryBenchResult, LibraryBenchResult];
  const ms = (value: number) => `${value.toFixed(2)} ms`;
  const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
  console.log(`(c) create one highlight end to end (API call through validation to durable write) in a library of 10,000 annotations`);
  console.log(`    over 1,000 documents (10 in each); ${small.samples} documents opened in turn, one highlight in each:`);
  console.log(`    median ${ms(small.create.medianMs)}, p95 ${ms(small.create.p95Ms)} (target median < 5 ms: ${verdict(small.create.medianMs < 5)})`);
  console.log('(d) a large library: Gloss started on 100,000 annotations over 1,000 documents (100 in each), against 10,000 over the same');
  console.log(`    1,000 documents (measured in turn with it); ${large.samples} documents opened one after another as the app opens one (the file,`);
  console.log('    then its annotations), one highlight in each:');
  console.log(`    start (service and startup, median of ${STARTS}): ${large.startMs.toFixed(0)} ms vs ${small.startMs.toFixed(0)} ms (${ratio(large.startMs, small.startMs)})`);
  console.log(`    open a document:   median ${ms(large.open.medianMs)}, p95 ${ms(large.open.p95Ms)} vs median ${ms(small.open.medianMs)}, p95 ${ms(small.open.p95Ms)} (${ratio(large.open.medianMs, small.open.medianMs)})`);
  console.log(`    create a highlight: median ${ms(large.create.medianMs)}, p95 ${ms(large.create.p95Ms)} vs median ${ms(small.create.medianMs)}, p95 ${ms(small.create.p95Ms)} (${ratio(large.create.medianMs, small.create.medianMs)}; target median < 5 ms: ${verdict(large.create.medianMs < 5)})`);
  console.log('    (each document has its own file, so open and create cost grows with the open document\'s annotations, 10 → 100, not with the library)');
  console.log(`    for reference, documents holding 1,000 annotations each (100,000 over 100 documents): open median ${ms(dense.open.medianMs)}, create median ${ms(dense.create.medianMs)}, p95 ${ms(dense.create.p95Ms)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
