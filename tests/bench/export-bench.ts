/**
 * Export benchmark: the HTML and Anki exports of a library of 10,000 annotations over 100
 * documents, every one with a note in Markdown (emphasis, links, lists, code, a few hostile ones),
 * written with each note rendered and sanitized on its own (as the sidebar renders one note, and as
 * the exports did before) and with all of an export's notes rendered in one pass. Both ways run on
 * the same data and must give the same bytes, or the benchmark fails.
 *
 * Run alone with `npx tsx tests/bench/export-bench.ts`.
 */
import { pathToFileURL } from 'node:url';
import type { Annotation } from '../../main/api';
import { DEFAULT_SETTINGS } from '../../main/api';
import { loadHeadlessRenderer } from '../../main/documents/headless-render';
import { exportAnnotations, prepareExport, writeExport, type ExportFormat, type ExportInput } from '../../main/export/index';

const DOCUMENTS = 100;
const PER_DOCUMENT = 100;

/** The notes the library's annotations carry, in turn: what readers write, and some of what attackers write. */
const NOTES = [
  (n: number) => `A *short* note, number ${n}.`,
  (n: number) => `Why does this matter?\nBecause of [the source](https://example.com/source/${n}) and **what follows**.`,
  (n: number) => `- first point ${n}\n- second point, with \`code\`\n- third`,
  (n: number) => `> Quoted again, ${n}.\n\nThen my own words: _agree_, mostly.`,
  (n: number) => `Two paragraphs.\n\nThe second mentions ${n} and a footnote[^a].\n\n[^a]: The footnote.`,
  (n: number) => `<b>raw HTML ${n}</b> <script>alert(${n})</script> <img src="https://tracker.example/${n}.png" onerror="alert(1)">`,
  (n: number) => `## A heading in a note ${n}\n\n1. one\n2. two`,
  (n: number) => `Plain text, no markup at all, number ${n}, long enough to read like a real note about the passage.`,
];

/** What the benchmark reports for one format. */
export interface ExportBenchFormat {
  format: ExportFormat;
  /** Each note rendered and sanitized on its own: wall-clock time, and CPU time (user and system). */
  perNoteMs: number;
  perNoteCpuMs: number;
  /** Every note of the export rendered in one pass (what exportAnnotations does). */
  batchedMs: number;
  batchedCpuMs: number;
  /** The same export again, its notes' HTML kept from the first (an export after a change, say). */
  againMs: number;
  bytes: number;
}

/** What the benchmark reports. */
export interface ExportBenchResult {
  annotations: number;
  documents: number;
  formats: ExportBenchFormat[];
}

/** The library; `salt` goes into every note, so that no run finds another's notes already rendered. */
function library(salt: string): ExportInput {
  const documents = Array.from({ length: DOCUMENTS }, (_, d) => {
    const id = `doc${String(d).padStart(13, '0')}`;
    const annotations: Annotation[] = Array.from({ length: PER_DOCUMENT }, (_, a) => {
      const n = d * PER_DOCUMENT + a;
      const exact = `Passage ${n} of the document, a sentence the reader marked.`;
      const at = new Date(Date.UTC(2025, 0, 1) + n * 60_000).toISOString();
      return {
        id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
        documentId: id,
        kind: 'highlight',
        color: (['yellow', 'green', 'blue', 'pink', 'purple'] as const)[n % 5]!,
        note: `${NOTES[n % NOTES.length]!(n)} (${salt})`,
        tags: n % 4 === 0 ? ['reading', `topic-${n % 7}`] : [],
        target: {
          quote: { type: 'TextQuoteSelector', exact, prefix: 'before ', suffix: ' after' },
          position: { type: 'TextPositionSelector', start: a * 100, end: a * 100 + exact.length },
          headingPath: [`Document ${d}`, `Section ${a % 10}`],
          contentHash: 'c'.repeat(64),
        },
        status: 'anchored',
        createdAt: at,
        updatedAt: at,
      };
    });
    return { id, title: `Document ${d}`, path: `/library/document-${d}.md`, fileName: `document-${d}.md`, contentHash: 'c'.repeat(64), annotations };
  });
  return { scope: 'library', documents, colorMeanings: DEFAULT_SETTINGS.colorMeanings };
}

/** Runs `work`, timing it by the clock and by the CPU time this process spent (the machine may be shared). */
async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number; cpuMs: number }> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const value = await work();
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { value, ms, cpuMs: (used.user + used.system) / 1000 };
}

/** Runs the benchmark. */
export async function benchExport(): Promise<ExportBenchResult> {
  const renderer = await loadHeadlessRenderer();
  const formats: ExportBenchFormat[] = [];
  for (const format of ['html', 'anki'] as const) {
    const input = library(format);
    // Warm: the renderer's first notes pay for jsdom's and V8's start.
    const warm = library(`warm-up ${format}`);
    await exportAnnotations({ ...warm, documents: warm.documents.slice(0, 2) }, format);
    const perNote = await timed(async () => writeExport(prepareExport(input), format, renderer.renderNote));
    const batched = await timed(() => exportAnnotations(input, format));
    if (batched.value !== perNote.value) throw new Error(`the ${format} export differs when its notes are rendered in one pass`);
    const again = await timed(() => exportAnnotations(input, format));
    if (again.value !== perNote.value) throw new Error(`the ${format} export differs when its notes' HTML is kept`);
    formats.push({ format, perNoteMs: perNote.ms, perNoteCpuMs: perNote.cpuMs, batchedMs: batched.ms, batchedCpuMs: batched.cpuMs, againMs: again.ms, bytes: batched.value.length });
  }
  return { annotations: DOCUMENTS * PER_DOCUMENT, documents: DOCUMENTS, formats };
}

/** Prints the result as `npm run bench` does. */
export function printExportBench(result: ExportBenchResult): void {
  console.log(`(g) export ${result.annotations.toLocaleString('en')} annotations over ${result.documents} documents, every one with a Markdown note (the two ways give the same bytes):`);
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  for (const { format, perNoteMs, perNoteCpuMs, batchedMs, batchedCpuMs, againMs, bytes } of result.formats) {
    console.log(`    ${format.padEnd(4)} (${(bytes / 2 ** 20).toFixed(1)} MB) each note sanitized on its own: ${s(perNoteMs)} (CPU ${s(perNoteCpuMs)}); all notes in one pass: ${s(batchedMs)} (CPU ${s(batchedCpuMs)}), ${(perNoteCpuMs / batchedCpuMs).toFixed(1)}× less CPU; the same export again: ${s(againMs)}`);
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  benchExport().then(printExportBench, (error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
