// Search parameters as a route reads them from its address, each checked on its own: a value of
// the wrong kind or outside its list (an old sort column, a tier that was renamed, a mistyped
// id) is left out, as if the link had not had it, and the rest are kept. Written by hand rather
// than with a schema library: zod's code (19 KB) and the building of its schemas (some 16 ms of
// a loaded desktop's main thread, four times that on a phone) were on the way to every first
// screen, for a dozen small checks.

/** What one parameter may be: its value, or undefined to leave it out. */
export type Check<T> = (value: unknown) => T | undefined;

/** One of the listed values (the router reads `?within=30` as the number 30). */
export function oneOf<const T extends string | number>(choices: readonly T[]): Check<T> {
  return (value) => (choices.includes(value as T) ? (value as T) : undefined);
}

/**
 * A string: trimmed and not empty if `trim`, at most `maxLength` characters and matching `pattern`
 * if they are given.
 */
export function text(
  options: { trim?: boolean; maxLength?: number; pattern?: RegExp } = {},
): Check<string> {
  return (value) => {
    if (typeof value !== 'string') return undefined;
    const given = options.trim ? value.trim() : value;
    if (options.trim && given.length === 0) return undefined;
    if (options.maxLength !== undefined && given.length > options.maxLength) return undefined;
    if (options.pattern && !options.pattern.test(given)) return undefined;
    return given;
  };
}

/** An id as Steward writes them (a UUID, versions 1–8, RFC 4122 variant). */
export const uuid = text({
  pattern: /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i,
});

/** The first check that takes the value. */
export function either<A, B>(first: Check<A>, second: Check<B>): Check<A | B> {
  return (value) => first(value) ?? second(value);
}

/**
 * A route's `validateSearch`: each named parameter checked. One left out is still named, as
 * undefined: the router lays a route's checked search over the address's own parameters, so a
 * name missing here would keep the unchecked value from the address.
 */
export function searchOf<Checks extends Record<string, Check<unknown>>>(checks: Checks) {
  return (search: Record<string, unknown>) =>
    Object.fromEntries(
      Object.entries(checks).map(([name, check]) => [name, check(search[name])]),
    ) as { [Name in keyof Checks]?: NonNullable<ReturnType<Checks[Name]>> };
}
