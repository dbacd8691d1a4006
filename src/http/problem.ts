// Every error answers as application/problem+json (RFC 9457). The machine-readable parts —
// `type`, `code`, `status`, each field's `path` — are the same for everyone; the parts a person
// reads — `title`, `detail`, each field's `message` — are rendered in the reader's language
// (reader.ts) when the problem is answered.
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { z } from '@hono/zod-openapi';
import type { ZodError } from 'zod';
import { renderMessage, type Message, type MessageKey } from '../i18n/index.ts';
import {
  AppError,
  codeDetail,
  httpStatus,
  type ErrorCode,
  type FieldError,
} from '../lib/errors.ts';
import { databaseTrouble } from '../db/retry.ts';
import { fieldMessage, issueErrors } from '../lib/issues.ts';
import type { AppEnv } from './env.ts';
import { englishReader, readerOf } from './reader.ts';

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string(),
    instance: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .openapi('Problem', {
    description:
      'RFC 9457. `type`, `code`, `status` and each `errors[].path` are the same for everyone; `title`, `detail` and each `errors[].message` are written in the reader’s language (the signed-in person’s locale, else Accept-Language: en or ru).',
  });

export type Problem = z.infer<typeof problemSchema>;

const titles = {
  400: 'errors.title.badRequest',
  401: 'errors.title.unauthenticated',
  403: 'errors.title.forbidden',
  404: 'errors.title.notFound',
  409: 'errors.title.conflict',
  413: 'errors.title.tooLarge',
  422: 'errors.title.invalid',
  429: 'errors.title.throttled',
  503: 'errors.title.unavailable',
} as const satisfies Record<ReturnType<typeof httpStatus>, MessageKey>;

export function toProblem(error: AppError, instance?: string, reader = englishReader): Problem {
  const render = (message: Message) => renderMessage(message, reader.locale, reader.timeZone);
  return {
    type: `urn:steward:problem:${error.code}`,
    title: render({ key: titles[httpStatus(error.code)] }),
    status: httpStatus(error.code),
    detail: render(error.detail),
    code: error.code,
    ...(instance ? { instance } : {}),
    ...(error.errors
      ? {
          errors: error.errors.map((field) => ({
            path: field.path,
            message: fieldMessage(field, reader.locale, reader.timeZone),
          })),
        }
      : {}),
  };
}

export function problemResponse(c: Context<AppEnv>, error: AppError): Response {
  const problem = toProblem(error, c.req.path, readerOf(c));
  const status = httpStatus(error.code);
  // Through the context, so headers set earlier (the request id) stay on the answer.
  return c.body(JSON.stringify(problem), status, {
    'content-type': 'application/problem+json',
    ...error.headers,
  });
}

/** Each issue as a field error, rendered for the reader when answered (`input`: what was validated). */
export function fieldErrors(error: ZodError, prefix?: string, input?: unknown): FieldError[] {
  return issueErrors(error, { ...(prefix ? { prefix } : {}), input });
}

// What Hono's validator says of a body it cannot read (its only sentences that reach here), as
// keys; any other exception says its code's own detail.
const malformedForm = 'Malformed FormData request.';

function exceptionDetail(error: HTTPException, code: ErrorCode): Message {
  if (error.message === 'Malformed JSON in request body')
    return { key: 'errors.http.malformedJson' };
  if (error.message.startsWith(malformedForm)) {
    return {
      key: 'errors.http.malformedForm',
      params: { reason: error.message.slice(malformedForm.length).trim() },
    };
  }
  return codeDetail(code);
}

/**
 * The app's one error handler: known errors become problems; the database's passing trouble (a
 * deadlock it broke, a connection it refused) a 503 to try again after a second; anything else
 * is a bug (500).
 */
export function answerError(error: Error, c: Context<AppEnv>): Response {
  if (error instanceof AppError) return problemResponse(c, error);
  if (error instanceof HTTPException && error.status < 500) {
    const code: ErrorCode = error.status === 413 ? 'request.too_large' : 'request.malformed';
    return problemResponse(c, new AppError(code, exceptionDetail(error, code)));
  }
  const trouble = databaseTrouble(error);
  if (trouble) {
    c.var.log.warn({ err: error }, 'the database turned a request away');
    const code = `database.${trouble}` as const;
    return problemResponse(
      c,
      new AppError(code, codeDetail(code), { cause: error, headers: { 'retry-after': '1' } }),
    );
  }
  c.var.log.error({ err: error }, 'unexpected error');
  const { locale, timeZone } = readerOf(c);
  return c.body(
    JSON.stringify({
      type: 'urn:steward:problem:internal',
      title: renderMessage({ key: 'errors.title.internal' }, locale, timeZone),
      status: 500,
      detail: renderMessage(
        { key: 'errors.http.internal', params: { requestId: c.var.requestId } },
        locale,
        timeZone,
      ),
      code: 'internal',
    }),
    500,
    { 'content-type': 'application/problem+json' },
  );
}
