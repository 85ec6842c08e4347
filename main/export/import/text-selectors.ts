/**
 * The text selectors of an imported target, whichever tool wrote them: the first
 * TextQuoteSelector (prefix and suffix optional) and the first usable TextPositionSelector.
 */
import type { TextQuoteSelector } from '../../api';
import { importError, type ImportedPosition } from './import-model';
import { isRecord, many, offsetField, stringField, strings } from './json-shape';

/** Reads `selector` (one or many) of a target; `unit` is how the format counts positions. */
export function textSelectors(selector: unknown, unit: ImportedPosition['unit'], where: string): { quote: TextQuoteSelector | null; position: ImportedPosition | null } {
  let quote: TextQuoteSelector | null = null;
  let position: ImportedPosition | null = null;
  for (const entry of many(selector)) {
    if (!isRecord(entry)) continue;
    const type = strings(entry.type);
    if (type.includes('TextQuoteSelector') && quote === null) {
      const exact = stringField(entry, 'exact');
      if (exact === null) throw importError(`${where} has a TextQuoteSelector without its "exact" text.`);
      quote = { type: 'TextQuoteSelector', exact, prefix: stringField(entry, 'prefix') ?? '', suffix: stringField(entry, 'suffix') ?? '' };
    } else if (type.includes('TextPositionSelector') && position === null) {
      const start = offsetField(entry, 'start');
      const end = offsetField(entry, 'end');
      if (start !== null && end !== null && end > start) position = { start, end, unit };
    }
  }
  return { quote, position };
}
