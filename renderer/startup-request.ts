/**
 * The page's first act: connect to the main side and ask what to show. renderer/main.ts imports
 * this module before any other, so the request leaves before the rest of the renderer (marked,
 * DOMPurify, the views) is even evaluated, and the main side reads the document meanwhile.
 */
import { connectToGloss } from './api';

/** The page's handle on Gloss, one per page. */
export const client = connectToGloss();

/** The startup state (settings, the document to show), asked for once. */
export const startupRequest = client.api.getStartup({});
// main.ts awaits it and shows a failure; this keeps a failure from being reported as unhandled first.
startupRequest.catch(() => undefined);
