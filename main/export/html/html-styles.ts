/**
 * The HTML export's inline stylesheet (light on screen, and for print) and its Content-Security-
 * Policy: no script, nothing fetched, inline styles only, images only as data: URLs.
 */
import { HIGHLIGHT_COLORS } from '../../api';
import { colorClass, EXPORT_PALETTE } from '../palette';

/** The page's policy, in its `<meta http-equiv="Content-Security-Policy">`. */
export const EXPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/** The stylesheet, one rule per line. */
export function exportStyles(): string {
  const colors = HIGHLIGHT_COLORS.map((color) => {
    const { swatch, highlight } = EXPORT_PALETTE[color];
    return `.${colorClass(color)} { --swatch: ${swatch}; --highlight: ${highlight}; }`;
  });
  return [
    ':root { color-scheme: light; --text: #1d1d1f; --muted: #5f6368; --rule: #d9d9de; --paper: #fdfdfb; }',
    '* { box-sizing: border-box; }',
    'body { margin: 0; background: var(--paper); color: var(--text); font: 17px/1.55 Georgia, "Iowan Old Style", "Times New Roman", serif; }',
    'main { max-width: 46rem; margin: 0 auto; padding: 2.5rem 1.25rem 4rem; }',
    'h1, h2, h3, h4, h5, h6 { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; line-height: 1.25; margin: 2rem 0 0.75rem; }',
    'h1 { font-size: 1.9rem; margin-top: 0; }',
    '.summary, .explain, .meta, .identity { color: var(--muted); font: 0.85rem/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; }',
    '.identity { display: grid; grid-template-columns: max-content 1fr; gap: 0.15rem 1rem; margin: 0 0 2rem; }',
    '.identity dt { font-weight: 600; }',
    '.identity dd { margin: 0; overflow-wrap: anywhere; }',
    '.annotation { border-left: 4px solid var(--swatch, var(--rule)); padding: 0.25rem 0 0.25rem 1rem; margin: 1.25rem 0; }',
    '.annotation blockquote { margin: 0; padding: 0.1rem 0.4rem; background: var(--highlight, transparent); border-radius: 3px; }',
    '.annotation blockquote p { margin: 0.3rem 0; }',
    '.meta { margin: 0.4rem 0; }',
    '.meta a { color: inherit; }',
    '.swatch { display: inline-block; width: 0.75em; height: 0.75em; border-radius: 50%; background: var(--swatch); margin-right: 0.3em; vertical-align: -0.05em; }',
    '.flag { color: #8a4b00; }',
    '.note { margin: 0.5rem 0; }',
    '.note > :first-child { margin-top: 0; }',
    '.note pre { white-space: pre-wrap; background: #f3f3f0; padding: 0.5rem; border-radius: 4px; }',
    '.note img { max-width: 100%; }',
    '.note .blocked-image::before { content: "[" attr(aria-label) "]"; color: var(--muted); }',
    '.tags { list-style: none; display: flex; flex-wrap: wrap; gap: 0.35rem; padding: 0; margin: 0.4rem 0; }',
    '.tags li { font: 0.8rem/1.4 system-ui, sans-serif; border: 1px solid var(--rule); border-radius: 999px; padding: 0 0.55rem; }',
    '.tags li::before { content: "#"; color: var(--muted); }',
    ...colors,
    '@media print {',
    '  body { background: #fff; font-size: 11pt; }',
    '  main { max-width: none; padding: 0; }',
    '  .annotation { break-inside: avoid; }',
    '  h1, h2, h3, h4, h5, h6 { break-after: avoid; }',
    '  .annotation blockquote { print-color-adjust: exact; -webkit-print-color-adjust: exact; }',
    '  .meta a { text-decoration: none; }',
    '}',
  ].join('\n');
}
