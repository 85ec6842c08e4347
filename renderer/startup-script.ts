/**
 * The script index.html carries inline, built by esbuild.config.mjs into its own small bundle:
 * the first thing the page runs, while its HTML is still being parsed (early-startup.ts says why).
 * The page's CSP allows exactly this script by its hash (main/content-security-policy.ts).
 */
import { sendEarlyStartup } from './early-startup';

sendEarlyStartup();
