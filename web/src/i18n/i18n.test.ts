import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { ru } from './ru.ts';
import { workEn } from './work.en.ts';
import { workRu } from './work.ru.ts';

/** Every leaf of a bundle as `path → text`. */
function leaves(bundle: object, prefix = ''): Map<string, unknown> {
  const found = new Map<string, unknown>();
  for (const [key, value] of Object.entries(bundle)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value && typeof value === 'object') for (const [p, v] of leaves(value, path)) found.set(p, v);
    else found.set(path, value);
  }
  return found;
}

describe.each([
  ['common', en, ru],
  ['work', workEn, workRu],
])('the %s translations', (_name, english, russian) => {
  it('have exactly the same keys in English and Russian', () => {
    expect([...leaves(russian).keys()].sort()).toEqual([...leaves(english).keys()].sort());
  });

  it('leave no text empty and keep every {{placeholder}}', () => {
    const russianTexts = leaves(russian);
    for (const [path, text] of leaves(english)) {
      const translated = russianTexts.get(path);
      expect(typeof translated === 'string' && translated.trim().length > 0, path).toBe(true);
      const placeholders = (value: unknown) => String(value).match(/\{\{\w+\}\}/g)?.sort() ?? [];
      expect(placeholders(translated), path).toEqual(placeholders(text));
    }
  });
});
