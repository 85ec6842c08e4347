/**
 * CSV as RFC 4180 has it, for spreadsheets: UTF-8 with a byte order mark (so Excel reads accents),
 * CRLF between records, a field quoted when it holds a quote, comma, CR or LF (quotes doubled).
 * Every field is also guarded against formula injection: one that starts with = + - @, a tab or a
 * carriage return would be run as a formula by a spreadsheet, so it gets a leading apostrophe,
 * which spreadsheets show as text (OWASP's advice).
 */

/** The characters a spreadsheet treats as the start of a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A field as a spreadsheet will show it, never as a formula. */
export function guardFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** One field, guarded and quoted when needed. */
export function csvField(value: string): string {
  const guarded = guardFormula(value);
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

/** A whole CSV file: BOM, header, records, each record ended by CRLF. */
export function csvFile(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return `\ufeff${[header, ...rows].map((row) => `${row.map(csvField).join(',')}\r\n`).join('')}`;
}
