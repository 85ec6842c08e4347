/**
 * The contract's limits the annotation views enforce as the reader types. The renderer imports
 * main/api.ts type-only (its runtime half pulls in zod), so these are copies, typed as the
 * contract's literal values: if api.ts changes a limit, this file stops compiling.
 */
import type { HIGHLIGHT_COLORS as CONTRACT_COLORS, LIMITS as CONTRACT_LIMITS } from '../../main/api';

type Limits = typeof CONTRACT_LIMITS;

export const LIMITS: Pick<Limits, 'maxNoteLength' | 'maxQuoteLength' | 'maxTags' | 'maxTagLength' | 'maxColorMeaningLength'> = {
  maxNoteLength: 100_000,
  maxQuoteLength: 10_000,
  maxTags: 50,
  maxTagLength: 100,
  maxColorMeaningLength: 40,
};

/** Highlight colors, in the order the toolbar shows them. */
export const HIGHLIGHT_COLORS: typeof CONTRACT_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'];
