/*
 * CSV as RFC 4180 writes it (fields separated by commas, records ended by CRLF, a field quoted when
 * it holds a comma, a double quote, CR or LF, its quotes doubled), with a guard against formula
 * injection: a spreadsheet opening the file runs a cell that starts with `=`, `+`, `-` or `@` (and
 * some strip a leading TAB or CR first), so such text gets a leading apostrophe, which spreadsheets
 * show as text and accounting imports keep. Decimal numbers are written as they are: `-12.50` is an
 * amount, and an apostrophe would make it text.
 */

const NEEDS_QUOTES = /[",\r\n]/;
const FORMULA_START = /^[=+\-@\t\r]/;
const DECIMAL = /^-?\d+(\.\d+)?$/;

/** One field, quoted only when it must be. */
export function csvField(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Text (a name, a description, an id): guarded against formula injection; null is an empty field. */
export function csvText(value: string | null): string {
  if (value === null) return '';
  return csvField(FORMULA_START.test(value) ? `'${value}` : value);
}

/** A decimal number (`-12.50`, `0.25`), as written; anything else is taken as text. */
export function csvDecimal(value: string | null): string {
  if (value === null) return '';
  return DECIMAL.test(value) ? value : csvText(value);
}

/** One record, its fields already encoded. */
export const csvRecord = (fields: readonly string[]): string => `${fields.join(',')}\r\n`;
