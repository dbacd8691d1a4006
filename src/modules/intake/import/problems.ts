// Why a row of an import is rejected, as data: the field it is about and a message key with its
// parameters (src/i18n/<lang>/imports.ts). Stored so in `imports.rejections` and rendered in
// the reader's language when the report is read: "tier: must be one of …; owner: no one …".
// Likewise why a whole import failed (`imports.failure`), and the bulk upsert's field errors.
import type { StoredMessage } from '../../../db/schema.ts';
import {
  message,
  knownMessage,
  renderMessage,
  type Locale,
  type Message,
  type MessageKey,
  type MessageParam,
} from '../../../i18n/index.ts';
import type { AppError, FieldError } from '../../../lib/errors.ts';

/** One thing wrong with a row; `field` is the import field (or `cf.<key>`) it is about. */
export type RowProblem = Message & { field?: string };

/** A rejected row: its line in the file and everything wrong with it, in order. */
export type Rejection = { line: number; problems: RowProblem[] };

/** A problem with one of the import's own messages (`imports.row.<name>`). */
export function rowMessage(name: RowMessageName, params?: Record<string, MessageParam>): Message {
  return message(`imports.row.${name}` satisfies MessageKey, params);
}

export type After<Key, Prefix extends string> = Key extends `${Prefix}${infer Rest}` ? Rest : never;
type RowMessageName = After<MessageKey, 'imports.row.'>;

/** The problem as one field's: "owner: no one with the e-mail …". */
export function about(field: string, problem: Message): RowProblem {
  return { field, ...problem };
}

/** The row's problems as one line for the reader: "field: why; field: why". */
export function rejectionReason(problems: readonly RowProblem[], locale: Locale): string {
  return problems
    .map((problem) => {
      const text = renderMessage(problem, locale);
      return problem.field ? `${problem.field}: ${text}` : text;
    })
    .join('; ');
}

/** A field's problem for an API answer: English as it always read, and a key for any reader. */
export function fieldError(path: string, text: Message): FieldError {
  return { path, message: renderMessage(text, 'en'), text };
}

/** The field errors as `locale`'s reader reads them (an answer that is not a problem). */
export function renderedErrors(errors: readonly FieldError[], locale: Locale) {
  return errors.map(({ path, message, text }) => ({
    path,
    message: text ? renderMessage(text, locale) : message,
  }));
}

/**
 * Why a whole import failed: the problem's detail and, for a mapping that does not fit, each
 * field's problem. Stored in `imports.failure`, rendered for the reader.
 */
export type ImportFailure = { detail: Message; errors?: { path: string; problem: Message }[] };

export function failureOf(error: AppError): ImportFailure {
  const errors = error.errors?.map(({ path, text }) => ({
    path,
    problem: text ?? message('imports.failure.field'),
  }));
  return errors && errors.length > 0 ? { detail: error.detail, errors } : { detail: error.detail };
}

/** "The column mapping does not fit this import. mapping.Size: unknown field …" */
export function failureText(
  failure: { detail: StoredMessage; errors?: { path: string; problem: StoredMessage }[] },
  locale: Locale,
): string {
  const detail = renderMessage(known(failure.detail), locale);
  const fields = (failure.errors ?? [])
    .map(({ path, problem }) => `${path}: ${renderMessage(known(problem), locale)}`)
    .join('; ');
  return fields ? `${detail} ${fields}` : detail;
}

const known = (stored: StoredMessage) => knownMessage(stored, message('imports.failure.before'));

/**
 * A problem as read back from `imports.rejections`: its key checked against the catalog. A key
 * a later release removed asks the reader to check the file again, which says why anew.
 */
export function storedProblem(stored: StoredMessage & { field?: string }): RowProblem {
  const problem = knownMessage(stored, rowMessage('checkAgain'));
  return stored.field === undefined ? problem : about(stored.field, problem);
}
