// A schema's issues as field errors, rendered for the reader when answered, wherever the schema
// is parsed (a route's validation, a webhook's payload, a CSV row, a saved segment's filters).
// A schema may name a message key as its custom message (with a custom issue's `params`, or a
// bound's number as `count`: "at most {{count}} characters"): it is rendered in the reader's
// language. Otherwise the issue is kept, and an English reader reads
// its message as zod or the schema wrote it, any other reader zod's own sentence for the issue
// in their language — a schema's custom English words have no translation, so they give way to
// zod's (which names the same rule: the pattern, the bound).
import * as zod from 'zod';
import type { ZodError } from 'zod';
import {
  hasMessage,
  renderMessage,
  type Locale,
  type MessageKey,
  type MessageParam,
} from '../i18n/index.ts';
import { fieldProblem, type FieldError } from './errors.ts';

// Zod's own sentences for an issue, per language (zod 4's locales), used per call: the global
// zod configuration stays English for every other parse (jobs, the CLI, stored rows).
const zodSentences: Record<Locale, ReturnType<typeof zod.locales.en>['localeError']> = {
  en: zod.locales.en().localeError,
  ru: zod.locales.ru().localeError,
};

type Issue = ZodError['issues'][number];

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** What a key's sentence may say of the issue: a custom issue's params, or a bound. */
function issueParams(issue: Issue): Record<string, unknown> | undefined {
  if (issue.code === 'custom') return issue.params;
  if (issue.code === 'too_small') return { count: Number(issue.minimum) };
  if (issue.code === 'too_big') return { count: Number(issue.maximum) };
  return undefined;
}

function issueError(issue: Issue, path: string, input: unknown): FieldError {
  if (hasMessage(issue.message)) {
    const params = issueParams(issue);
    return fieldProblem(
      path,
      issue.message as MessageKey,
      Object.fromEntries(
        Object.entries(params ?? {}).filter(
          (entry): entry is [string, MessageParam] =>
            typeof entry[1] === 'string' || typeof entry[1] === 'number',
        ),
      ),
    );
  }
  // Zod leaves the input out of a finished issue; its sentence for a wrong type names it.
  return { path, message: issue.message, issue: { ...issue, input: valueAt(input, issue.path) } };
}

/**
 * Each issue as a field error. `prefix` goes before each issue's path (a query, a row); `input`
 * is what was validated; `empty` names a path-less issue.
 */
export function issueErrors(
  error: ZodError,
  options: { prefix?: string; input?: unknown; empty?: string } = {},
): FieldError[] {
  return error.issues.map((issue) =>
    issueError(
      issue,
      [options.prefix, ...issue.path.map(String)].filter(Boolean).join('.') ||
        (options.empty ?? '(body)'),
      options.input,
    ),
  );
}

/** A field's message as `locale`'s reader reads it. */
export function fieldMessage(error: FieldError, locale: Locale, timeZone = 'UTC'): string {
  if (error.text) return renderMessage(error.text, locale, timeZone);
  if (error.issue && locale !== 'en') {
    const said = zodSentences[locale](error.issue as Parameters<(typeof zodSentences)['en']>[0]);
    const sentence = typeof said === 'string' ? said : said?.message;
    return sentence ?? error.message;
  }
  return error.message;
}
