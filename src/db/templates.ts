// A hot query compiled once per shape rather than on every request. Kysely builds and compiles
// a query's whole tree each time it runs; for the portfolio's page (twenty columns, two joins)
// that was most of the CPU Steward spent on it outside PostgreSQL. A store built the query
// from inputs whose values are markers (`Slots.put`): the markers' JSON, values
// left out, is the shape, and the values fill the compiled statement's parameters in the
// order the markers took in it.
import { CompiledQuery, type Compilable } from 'kysely';
import { prepared } from './connect.ts';

/** Every marker starts with NUL, which no value that reaches PostgreSQL holds. */
const mark = '\u0000slot:';

/** The values of one query, in the order they were put, each standing in as a marker. */
export class Slots {
  readonly values: unknown[] = [];

  /** Values put in place, not as markers: the query is compiled as it is (no cache). */
  static inPlace(): Slots {
    const slots = new Slots();
    slots.inPlace = true;
    return slots;
  }

  inPlace = false;

  /**
   * A marker for `value`, in the value's place. The query is only ever built (and never
   * run) with markers, so a string stands in for any value; the builder must pass it on
   * untouched — a marker changed on its way (a pattern made of it) is refused.
   */
  put<T extends string | number | Date>(value: T): T {
    if (this.inPlace) return value;
    this.values.push(value);
    return `${mark}${this.values.length - 1}` as T;
  }
}

/** Where each parameter comes from: a value's position, or a constant of the query itself. */
type Parameter = { slot: number } | { constant: unknown };

type Template = { sql: string; parameters: Parameter[] };

/**
 * One query's compiled shapes, at most `size` of them (beyond those a shape is compiled on
 * every run, as without the cache). `name` runs the statement named (connect.ts `prepared`).
 */
export function templates<Row>(name: string, size = 256) {
  const byShape = new Map<string, Template>();

  const compile = (slots: Slots, build: () => Compilable<Row>): Template => {
    const compiled = prepared(name, build());
    const used = new Set<number>();
    const parameters = compiled.parameters.map((parameter): Parameter => {
      if (typeof parameter === 'string' && parameter.includes(mark)) {
        const slot = Number(parameter.slice(mark.length));
        if (!parameter.startsWith(mark) || !Number.isInteger(slot) || slot >= slots.values.length)
          throw new Error(`${name}: a marker was changed on its way into the query`);
        used.add(slot);
        return { slot };
      }
      return { constant: parameter };
    });
    if (used.size !== slots.values.length)
      throw new Error(`${name}: a marker did not reach the query as a parameter`);
    return { sql: compiled.sql, parameters };
  };

  /**
   * The statement for the shape `shape` (the markers' JSON) with `slots`' values, built
   * with `build` the first time the shape is seen.
   */
  return (shape: unknown, slots: Slots, build: () => Compilable<Row>): CompiledQuery<Row> => {
    if (slots.inPlace) return prepared(name, build());
    const key = JSON.stringify(shape);
    let template = byShape.get(key);
    if (!template) {
      template = compile(slots, build);
      if (byShape.size < size) byShape.set(key, template);
    }
    const values = template.parameters.map((p) =>
      'slot' in p ? slots.values[p.slot] : p.constant,
    );
    return CompiledQuery.raw(template.sql, values);
  };
}
