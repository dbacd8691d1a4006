// Hostile input for the fuzz test: values an attacker or a broken client sends (NUL, numbers
// past a column's range, wrong types, overlong and odd unicode strings, cursors and ids that
// pass a pattern but not the database's cast, impossible dates), and a request builder that
// walks an OpenAPI operation: a valid-looking request with one part of it made hostile.
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';

type Schema = {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  minimum?: number;
  minLength?: number;
  minItems?: number;
  pattern?: string;
  default?: unknown;
  example?: unknown;
  additionalProperties?: boolean | Schema;
};

export type OpenApiDocument = {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
};

type Parameter = { name: string; in: 'path' | 'query' | 'header' | 'cookie'; schema?: Schema };

export type Operation = {
  operationId?: string;
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
};

const cursorOf = (position: unknown) => Buffer.from(JSON.stringify(position)).toString('base64url');

const sorts = [undefined, 'name', 'health', 'arr', 'renewal', 'renewalDate', 'createdAt', 'due'];

/** Cursors shaped like ours whose values pass the pattern checks but not PostgreSQL's casts. */
const hostileCursors = fc.oneof(
  fc.constantFrom(
    'not-base64-!!',
    '',
    '%00',
    cursorOf({ value: '2026-02-30T00:00:00Z', id: randomUUID() }),
    cursorOf({ value: '2026-13-45T99:99:99Z', id: randomUUID() }),
    cursorOf({ value: '99999999999999999999999', id: '1' }),
    cursorOf({ value: 1, id: '99999999999999999999999' }),
    cursorOf({ value: '9999-99-99', id: randomUUID() }),
    cursorOf({ value: 'a\u0000b', id: randomUUID() }),
    cursorOf({ value: null, id: randomUUID(), sort: '\u0000' }),
    cursorOf({ value: 1e308, id: randomUUID() }),
    cursorOf([]),
    cursorOf('x'),
  ),
  fc
    .record({
      value: fc.oneof(
        fc.constantFrom('2026-02-30', '0000-00-00T00:00:00Z', '-1', '1e999', 'NaN', 'x'),
        fc.integer(),
        fc.double(),
        fc.string(),
        fc.constant(null),
      ),
      id: fc.oneof(fc.uuid(), fc.constantFrom('0', '99999999999999999999', '-1')),
      sort: fc.constantFrom(...sorts),
    })
    .map(cursorOf),
);

const hostileStrings = fc.oneof(
  fc.constantFrom(
    '\u0000',
    'a\u0000b',
    'x'.repeat(70_000),
    '\ud800',
    '\udfff\ud800',
    '😀'.repeat(300),
    '\u202egnp.exe',
    "'; drop table accounts; --",
    '../../etc/passwd',
    '%00',
    '',
    ' ',
    'null',
    '{{name}}',
    '<script>alert(1)</script>',
  ),
  fc.string({ unit: 'binary', maxLength: 40 }),
  // NUL is what PostgreSQL refuses in text and jsonb alike: most often tried.
  { arbitrary: fc.string({ maxLength: 20 }).map((s) => `${s}\u0000${s}`), weight: 3 },
);

const hostileNumbers = fc.oneof(
  fc.constantFrom(2147483648, -2147483649, 2 ** 53 + 2, 2 ** 63, 1e308, -1e308, -1, 0, 0.5, -0),
  fc.integer({ min: -(2 ** 53), max: 2 ** 53 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

const hostileDates = fc.constantFrom(
  '2026-02-30',
  '2026-13-01',
  '0000-00-00',
  '0001-01-01',
  '9999-12-31T23:59:59Z',
  '+275760-09-13T00:00:00Z',
  '-271821-04-20T00:00:00Z',
  '2026-11-02T25:61:61Z',
  '1970-01-01T00:00:00Z',
  'yesterday',
  '2026-W45',
);

const hostileIds = fc.constantFrom(
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '00000000-0000-0000-0000-00000000000g',
  '99999999999999999999',
  '-1',
  '0',
  'a\u0000b',
  '%00',
  'x'.repeat(300),
);

const wrongTypes = fc.constantFrom<unknown>({}, [], [[]], true, null, 'text', 12, { $gt: '' });

/** Any hostile JSON value: what a body field or a whole body may be replaced with. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: hostileStrings, weight: 3 },
  { arbitrary: hostileNumbers, weight: 2 },
  hostileDates,
  hostileIds,
  hostileCursors,
  wrongTypes,
  fc.array(hostileStrings, { maxLength: 3 }),
  fc.dictionary(hostileStrings, hostileStrings, { maxKeys: 3 }),
);

/** A hostile query or path value: always a string on the wire. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: hostileStrings, weight: 2 },
  hostileNumbers.map(String),
  hostileDates,
  hostileIds,
  hostileCursors,
);

function resolve(doc: OpenApiDocument, schema: Schema | undefined): Schema {
  let current = schema ?? {};
  for (let depth = 0; current.$ref && depth < 20; depth++) {
    const name = current.$ref.split('/').at(-1) ?? '';
    current = doc.components?.schemas?.[name] ?? {};
  }
  return current;
}

/** A value the schema accepts, as far as a short walk can tell: the base a mutation starts from. */
export function validValue(doc: OpenApiDocument, raw: Schema | undefined, depth = 0): unknown {
  const schema = resolve(doc, raw);
  if (depth > 6) return null;
  if (schema.example !== undefined) return schema.example;
  if (schema.default !== undefined) return schema.default;
  if (schema.enum?.length) return schema.enum[0];
  const choice = schema.anyOf ?? schema.oneOf;
  if (choice?.length) {
    const first = choice.find((s) => resolve(doc, s).type !== 'null') ?? choice[0];
    return validValue(doc, first, depth + 1);
  }
  if (schema.allOf?.length) {
    return Object.assign({}, ...schema.allOf.map((s) => validValue(doc, s, depth + 1)));
  }
  const type = Array.isArray(schema.type)
    ? (schema.type.find((t) => t !== 'null') ?? 'null')
    : schema.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, property] of Object.entries(schema.properties ?? {})) {
        out[key] = validValue(doc, property, depth + 1);
      }
      return out;
    }
    case 'array':
      return Array.from({ length: Math.max(1, schema.minItems ?? 0) }, () =>
        validValue(doc, schema.items, depth + 1),
      );
    case 'integer':
    case 'number':
      return Math.max(1, schema.minimum ?? 1);
    case 'boolean':
      return true;
    case 'null':
      return null;
    case 'string':
      switch (schema.format) {
        case 'uuid':
          return randomUUID();
        case 'date':
          return '2026-11-02';
        case 'date-time':
          return '2026-11-02T09:00:00Z';
        case 'email':
          return `fuzz-${randomUUID().slice(0, 8)}@example.com`;
        case 'uri':
        case 'url':
          return 'https://hooks.slack.com/services/T0/B0/x';
        default:
          return 'x'.repeat(Math.max(1, schema.minLength ?? 1));
      }
    default:
      return 'x';
  }
}

/** Every path to a value inside `value` (the whole value included, as the empty path). */
function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const here = [prefix];
  if (Array.isArray(value)) {
    return here.concat(value.flatMap((item, i) => pathsOf(item, [...prefix, i])));
  }
  if (value && typeof value === 'object') {
    return here.concat(
      Object.entries(value).flatMap(([key, item]) => pathsOf(item, [...prefix, key])),
    );
  }
  return here;
}

function replaceAt(value: unknown, path: (string | number)[], next: unknown): unknown {
  if (path.length === 0) return next;
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    const copy = [...value];
    copy[head as number] = replaceAt(copy[head as number], rest, next);
    return copy;
  }
  const record = { ...(value as Record<string, unknown>) };
  record[head as string] = replaceAt(record[head as string], rest, next);
  return record;
}

export type HostileRequest = {
  method: string;
  path: string;
  /** The hostile part, for the failure report. */
  target: string;
  body?: string;
  contentType?: string;
};

export type RealIds = (pathTemplate: string, param: string) => string | undefined;

/**
 * Requests for one operation: valid-looking, with one part hostile — a path parameter, a query
 * parameter, a body field, or the whole body. `realId` fills path ids with rows that exist,
 * so that a hostile body reaches the code behind the 404.
 */
export function hostileRequests(
  doc: OpenApiDocument,
  method: string,
  template: string,
  operation: Operation,
  realId: RealIds,
): fc.Arbitrary<HostileRequest> {
  const params = operation.parameters ?? [];
  const pathParams = params.filter((p) => p.in === 'path');
  const queryParams = params.filter((p) => p.in === 'query');
  const jsonSchema = operation.requestBody?.content?.['application/json']?.schema;
  const baseBody = jsonSchema ? validValue(doc, jsonSchema) : undefined;
  const bodyPaths = baseBody === undefined ? [] : pathsOf(baseBody);

  const targets: string[] = [
    ...pathParams.map((p) => `path:${p.name}`),
    ...queryParams.map((p) => `query:${p.name}`),
    ...(jsonSchema ? ['body'] : []),
  ];
  if (targets.length === 0) targets.push('query:unexpected');

  return fc
    .record({
      target: fc.constantFrom(...targets),
      text: hostileText,
      value: hostileValue,
      bodyPath: bodyPaths.length
        ? fc.constantFrom(...bodyPaths)
        : fc.constant<(string | number)[]>([]),
      realIds: fc.boolean(),
      queryValid: fc.boolean(),
    })
    .map(({ target, text, value, bodyPath, realIds, queryValid }) => {
      let path = template;
      for (const p of pathParams) {
        const hostile = target === `path:${p.name}`;
        const real = realIds ? realId(template, p.name) : undefined;
        const fill = hostile
          ? text
          : (real ?? String(validValue(doc, p.schema) ?? randomUUID()).replace(/^x$/, 'fuzz'));
        path = path.replace(`{${p.name}}`, encodeURIComponent(fill.toWellFormed()));
      }
      const query = new URLSearchParams();
      for (const p of queryParams) {
        if (target === `query:${p.name}`) query.set(p.name, text);
        else if (queryValid && p.schema) {
          const example = validValue(doc, p.schema);
          if (example !== null && typeof example !== 'object') query.set(p.name, String(example));
        }
      }
      if (target === 'query:unexpected') query.set('unexpected', text);
      const search = query.size > 0 ? `?${query.toString()}` : '';
      const request: HostileRequest = { method, path: `${path}${search}`, target };
      if (jsonSchema) {
        const body =
          target === 'body' ? replaceAt(baseBody, bodyPath, value) : validValue(doc, jsonSchema);
        request.body = JSON.stringify(body);
        request.contentType = 'application/json';
        if (target === 'body') request.target = `body:${bodyPath.join('.') || '(whole)'}`;
      }
      return request;
    });
}

/** A stack trace or an internal error's words in a body a client reads. */
export function leaksInternals(body: string): boolean {
  return (
    /\n\s+at .+:\d+:\d+/.test(body) ||
    /\bat (async )?\S+ \(\S+:\d+:\d+\)/.test(body) ||
    /node_modules|src\/modules|error: (relation|column|invalid input syntax)/i.test(body)
  );
}
