export interface CsvColumn<T> {
  header: string;
  value: (row: T) => string | number | null | undefined;
}

/** Spreadsheet programs run cells that start with these as formulas; a leading quote keeps them text. */
const FORMULA_START = /^[=+\-@\t\r]/;
/** Quoted: the RFC 4180 specials, and the separators spreadsheets guess from the data (semicolon, tab). */
const NEEDS_QUOTES = /[",;\t\r\n]/;
/**
 * An E.164 phone number (+14155550123) is no formula anyone can abuse, only digits: it is written as it is (quoted,
 * so it reads as text), not with a quote mark in front that would corrupt the number.
 */
const PHONE_NUMBER = /^\+[1-9]\d{6,14}$/;

function cell(raw: string | number | null | undefined): string {
  if (raw === null || raw === undefined) return '';
  let text = String(raw);
  if (typeof raw === 'string' && PHONE_NUMBER.test(text)) return `"${text}"`;
  if (typeof raw === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 CSV with CRLF line ends and a header row. */
export function toCsv<T>(rows: readonly T[], columns: readonly CsvColumn<T>[]): string {
  const lines = [columns.map((c) => cell(c.header)).join(',')];
  for (const row of rows) lines.push(columns.map((c) => cell(c.value(row))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
