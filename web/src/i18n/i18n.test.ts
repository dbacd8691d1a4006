import { describe, expect, it } from 'vitest';
import { english } from './en.bundle.ts';
import { russian } from './ru.bundle.ts';

/** Every leaf of a bundle as `path → text`. */
function leaves(bundle: object, prefix = ''): Map<string, unknown> {
  const found = new Map<string, unknown>();
  for (const [key, value] of Object.entries(bundle)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value && typeof value === 'object')
      for (const [p, v] of leaves(value, path)) found.set(p, v);
    else found.set(path, value);
  }
  return found;
}

const namespaces = Object.keys(english) as (keyof typeof english)[];

it('has the same namespaces in English and Russian', () => {
  expect(Object.keys(russian).sort()).toEqual([...namespaces].sort());
});

describe.each(namespaces.map((name) => [name, english[name], russian[name]] as const))(
  'the %s translations',
  (_name, inEnglish, inRussian) => {
    it('have exactly the same keys in English and Russian', () => {
      expect([...leaves(inRussian).keys()].sort()).toEqual([...leaves(inEnglish).keys()].sort());
    });

    it('leave no text empty and keep every {{name}} interpolation', () => {
      const russianTexts = leaves(inRussian);
      for (const [path, text] of leaves(inEnglish)) {
        const translated = russianTexts.get(path);
        expect(typeof translated === 'string' && translated.trim().length > 0, path).toBe(true);
        const interpolations = (value: unknown) =>
          String(value)
            .match(/\{\{\w+\}\}/g)
            ?.sort() ?? [];
        expect(interpolations(translated), path).toEqual(interpolations(text));
      }
    });
  },
);

describe('plurals', () => {
  // Russian needs one (1, 21), few (2–4, 22) and many (5–20) forms; a missing form would fall
  // back to English. English carries the same keys so both bundles stay identical in shape.
  it.each(namespaces.map((name) => [name, russian[name]] as const))(
    "gives every counted %s text all of Russian's plural forms",
    (_name, inRussian) => {
      const keys = [...leaves(inRussian).keys()];
      const counted = keys.filter((key) => /_(one|few|many|other)$/.test(key));
      for (const key of counted) {
        const stem = key.replace(/_(one|few|many|other)$/, '');
        for (const form of ['one', 'few', 'many', 'other'])
          expect(keys, key).toContain(`${stem}_${form}`);
      }
    },
  );
});
