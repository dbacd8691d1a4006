// A CSV cell a spreadsheet would run as a formula (OWASP "CSV Injection"): one that starts with
// `=`, `+`, `-` or `@`, or a tab or carriage return that can hide one. Steward writes such a
// cell behind a single quote, as spreadsheets do for text typed so (export/csv.ts), and its
// importer takes that quote off again (intake/import/csv.ts), so an export imports back as it was.
//
// A text that starts with quotes before such a character ("'=x", as a person may have typed it)
// is guarded too: written "''=x", it reads back "'=x". Any other leading quote is the text's own.

const guarded = /^'*[=+\-@\t\r]/;

/** The text as it is written into a CSV cell: one `'` in front when a spreadsheet would run it. */
export function guardFormula(text: string): string {
  return guarded.test(text) ? `'${text}` : text;
}

/** A cell as it was before `guardFormula`: its one leading `'` off when it guarded a formula. */
export function unguardFormula(cell: string): string {
  return cell.startsWith("'") && guarded.test(cell.slice(1)) ? cell.slice(1) : cell;
}
