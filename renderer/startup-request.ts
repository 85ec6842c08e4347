/**
 * The page's handle on Gloss and its startup state. The request itself left long before this
 * module runs: the startup script inlined in index.html sent it while the HTML was being parsed
 * (early-startup.ts), and the client answers this first getStartup with that request's answer.
 */
import { connectToGloss } from './api';

/** The page's handle on Gloss, one per page. */
export const client = connectToGloss();

/** The startup state (settings, the document to show), asked for once. */
export const startupRequest = client.api.getStartup({});
// main.ts awaits it and shows a failure; this keeps a failure from being reported as unhandled first.
startupRequest.catch(() => undefined);
