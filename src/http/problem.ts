// Every error answers as application/problem+json (RFC 9457).
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { z } from '@hono/zod-openapi';
import type { ZodError } from 'zod';
import { AppError, httpStatus, title, type FieldError } from '../lib/errors.ts';
import type { AppEnv } from './env.ts';

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
  .openapi('Problem');

export type Problem = z.infer<typeof problemSchema>;

export function toProblem(error: AppError, instance?: string): Problem {
  return {
    type: `urn:steward:problem:${error.code}`,
    title: title(error.code),
    status: httpStatus(error.code),
    detail: error.detail,
    code: error.code,
    ...(instance ? { instance } : {}),
    ...(error.errors ? { errors: error.errors } : {}),
  };
}

export function problemResponse(c: Context<AppEnv>, error: AppError): Response {
  const problem = toProblem(error, c.req.path);
  const status = httpStatus(error.code);
  // Through the context, so headers set earlier (the request id) stay on the answer.
  return c.body(JSON.stringify(problem), status, {
    'content-type': 'application/problem+json',
    ...error.headers,
  });
}

export function fieldErrors(error: ZodError, prefix?: string): FieldError[] {
  return error.issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter(Boolean).join('.') || '(body)',
    message: issue.message,
  }));
}

/** The app's one error handler: known errors become problems, anything else is a bug (500). */
export function answerError(error: Error, c: Context<AppEnv>): Response {
  if (error instanceof AppError) return problemResponse(c, error);
  if (error instanceof HTTPException && error.status < 500) {
    const code = error.status === 413 ? 'request.too_large' : 'request.malformed';
    return problemResponse(
      c,
      new AppError(code, error.message || 'The request could not be read.'),
    );
  }
  c.var.log.error({ err: error }, 'unexpected error');
  return c.body(
    JSON.stringify({
      type: 'urn:steward:problem:internal',
      title: 'Internal error',
      status: 500,
      detail: `Something went wrong on our side. Quote request id ${c.var.requestId} when reporting it.`,
      code: 'internal',
    }),
    500,
    { 'content-type': 'application/problem+json' },
  );
}
