// Why csv-parse could not read a file, said in the reader's language: its error's code picks one
// of our sentences (src/i18n/<lang>/intake.ts, `intake.csv`) with the line it stopped on. Its own
// English message ("Invalid Closing Quote: got "y" at line 2 instead of delimiter, …") is left
// to the log, where the error is the problem's cause.
import type { CsvError } from 'csv-parse';
import { message, type Message, type MessageKey } from '../i18n/index.ts';
import { AppError } from './errors.ts';

type CsvSentence = After<MessageKey, 'intake.csv.'>;
type After<Key, Prefix extends string> = Key extends `${Prefix}${infer Rest}` ? Rest : never;

// The errors a file can meet with the options Steward reads with (quotes, any cell count); the
// cell count and the record size are here for a reader that counts or bounds them.
const sentences: Partial<Record<string, CsvSentence>> = {
  CSV_QUOTE_NOT_CLOSED: 'quoteNotClosed',
  CSV_INVALID_CLOSING_QUOTE: 'closingQuote',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'closingQuote',
  INVALID_OPENING_QUOTE: 'openingQuote',
  CSV_RECORD_INCONSISTENT_FIELDS_LENGTH: 'cellCount',
  CSV_RECORD_INCONSISTENT_COLUMNS: 'cellCount',
  CSV_MAX_RECORD_SIZE: 'rowTooLarge',
};

/** The reader's sentence for a csv-parse error: what is wrong, and at which line when known. */
export function csvProblem(error: CsvError): Message {
  const line = typeof error.lines === 'number' && error.lines > 0 ? String(error.lines) : null;
  if (line === null) return message('intake.csv.invalid');
  return message(`intake.csv.${sentences[error.code] ?? 'invalidAt'}`, { line });
}

/** The file is refused: a 400 that says why in the reader's language. */
export function notCsv(error: CsvError): AppError {
  return new AppError('import.invalid_file', csvProblem(error), { cause: error });
}
