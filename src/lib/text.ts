// What PostgreSQL cannot store in text or jsonb: the NUL character (U+0000). A request that
// carries one anywhere is refused at the edge, naming the field, instead of failing as a 500 in
// the middle of a write (or a whole Segment batch).
import { fieldProblem, type FieldError } from './errors.ts';

/** The path (`a.b.0`) of every string or key inside `value` that holds a NUL character. */
export function nulPaths(value: unknown, prefix: string[] = []): string[] {
  if (typeof value === 'string') return value.includes('\u0000') ? [prefix.join('.')] : [];
  if (Array.isArray(value))
    return value.flatMap((item, i) => nulPaths(item, [...prefix, String(i)]));
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    return Object.entries(value).flatMap(([key, item]) =>
      key.includes('\u0000') ? [[...prefix, key].join('.')] : nulPaths(item, [...prefix, key]),
    );
  }
  return [];
}

/** `nulPaths` as field errors, each path under `at` (e.g. `query`, `batch.3`). */
export function nulErrors(value: unknown, at?: string): FieldError[] {
  return nulPaths(value).map((path) =>
    fieldProblem([at, path].filter(Boolean).join('.') || '(body)', 'errors.field.nul'),
  );
}
