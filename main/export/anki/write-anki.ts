/**
 * Anki cards, as Anki's text import reads them (docs.ankiweb.net, "Importing › Text Files"):
 * header lines, then one tab-separated line per note of the Basic type.
 *
 *     #separator:tab
 *     #html:true
 *     #notetype:Basic
 *     #deck:Gloss::<title>          (a library export: a Deck column instead, "#deck column:5")
 *     #guid column:1
 *     #tags column:4
 *     #columns:GUID	Front	Back	Tags
 *
 * The cards (Basic, so they fit any Anki profile; a cloze needs a key term Gloss cannot pick):
 * - the document's FAQ: front the question, back the answer (as the article renders it) and the
 *   document's title;
 * - each highlight with a note: when the note opens with a question (its first line ends in
 *   "?"), the front is that question and the back the quote with the rest of the note; otherwise
 *   the front is the quote with where it is from, and the back the note: recall what you made of
 *   the passage. Highlights without a note make no card: there would be nothing to recall.
 *
 * GUIDs are stable, so importing the file again updates the cards instead of adding copies:
 * `gloss-<annotation id>` for a highlight, `gloss-faq-<hash>` for a question (a hash of the
 * document id, the question's text and, for a question asked twice, which time it is asked).
 * Fields are HTML: quotes and questions are escaped text, notes and answers are sanitized by the
 * app's own rules. A field holding a tab, a line break or a double quote is quoted, quotes
 * doubled, as Anki's importer reads quoted fields; tags have their spaces replaced by '_' since
 * Anki separates tags by spaces.
 */
import { createHash } from 'node:crypto';
import type { Annotation } from '../../api';
import { annotationLink } from '../../common/annotation-link';
import { escapeHtml } from '../../documents/markdown-escape';
import type { ExportDocument, ExportSet, NoteRenderer } from '../export-set';
import { colorMeaning, colorName, sectionPath } from '../export-set';

/** Tags every Gloss card carries, so they can be found (and deleted) together. */
const GLOSS_TAG = 'gloss';
const FAQ_TAG = 'faq';

/** The Anki text-import file of `set`; LF line endings, ending with a line break. */
export function writeAnki(set: ExportSet, renderNote: NoteRenderer): string {
  const single = set.scope === 'document' ? set.documents[0] : undefined;
  const header = [
    '#separator:tab',
    '#html:true',
    '#notetype:Basic',
    single ? `#deck:${deckName(single.title)}` : '#deck column:5',
    '#guid column:1',
    '#tags column:4',
    `#columns:${['GUID', 'Front', 'Back', 'Tags', ...(single ? [] : ['Deck'])].join('\t')}`,
  ];
  const lines = set.documents.flatMap((document) =>
    documentCards(document, set, renderNote).map((card) => {
      const fields = [card.guid, card.front, card.back, card.tags.join(' '), ...(single ? [] : [deckName(document.title)])];
      return fields.map(ankiField).join('\t');
    }),
  );
  return `${[...header, ...lines].join('\n')}\n`;
}

interface Card {
  guid: string;
  front: string;
  back: string;
  tags: string[];
}

function documentCards(document: ExportDocument, set: ExportSet, renderNote: NoteRenderer): Card[] {
  const title = escapeHtml(document.title.trim() || 'Untitled');
  const asked = new Map<string, number>();
  const cards: Card[] = (document.rendering?.faq ?? []).map((entry) => {
    const question = entry.question.replace(/\s+/g, ' ').trim();
    const times = (asked.get(question) ?? 0) + 1;
    asked.set(question, times);
    return {
      guid: `gloss-faq-${hash([document.id, question, String(times)])}`,
      front: escapeHtml(question),
      back: `${entry.answerHtml}<p><small>${title}</small></p>`,
      tags: [GLOSS_TAG, FAQ_TAG],
    };
  });
  for (const annotation of document.annotations) {
    if (annotation.target === null || annotation.note.trim() === '') continue;
    cards.push(highlightCard(document, annotation, set, renderNote));
  }
  return cards;
}

function highlightCard(document: ExportDocument, annotation: Annotation, set: ExportSet, renderNote: NoteRenderer): Card {
  // The renderer ends blocks with line breaks; in a field they would only force quoting.
  const html = (markdown: string) => renderNote(markdown).trim();
  const quote = `<blockquote>${escapeHtml(annotation.target!.quote.exact.trim()).replace(/\r?\n/g, '<br>')}</blockquote>`;
  const where = [document.title.trim() || 'Untitled', ...sectionPath(annotation, document.title)].map(escapeHtml).join(' › ');
  const meta = [annotation.color === null ? '' : colorName(annotation.color), colorMeaning(annotation, set.colorMeanings)].filter((part) => part !== '').map(escapeHtml);
  const link = `<a href="${escapeHtml(annotationLink({ documentId: document.id, annotationId: annotation.id }))}">Open in Gloss</a>`;
  const source = `<p><small>${[where, ...meta, link].join(' · ')}</small></p>`;
  const tags = [GLOSS_TAG, ...annotation.tags.map(ankiTag).filter((tag) => tag !== '')];

  const note = annotation.note.replace(/\r\n?/g, '\n').trim();
  const [firstLine = '', ...rest] = note.split('\n');
  if (firstLine.trim().endsWith('?')) {
    const remainder = rest.join('\n').trim();
    return {
      guid: `gloss-${annotation.id}`,
      front: html(firstLine.trim()),
      back: `${quote}${remainder === '' ? '' : html(remainder)}${source}`,
      tags,
    };
  }
  return { guid: `gloss-${annotation.id}`, front: `${quote}${source}`, back: html(note), tags };
}

/** `Gloss::<title>`: a "::" in the title would make a sub-deck, and a tab or line break a new field. */
export function deckName(title: string): string {
  const name = title.replace(/\s+/g, ' ').replace(/:{2,}/g, ':').trim();
  return `Gloss::${name === '' ? 'Untitled' : name}`;
}

/** A tag as Anki stores one: no spaces (they separate tags). */
function ankiTag(tag: string): string {
  return tag.trim().replace(/\s+/g, '_');
}

/** A field as Anki's importer reads it back unchanged. */
export function ankiField(value: string): string {
  return /[\t\r\n"]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function hash(parts: readonly string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 20);
}
