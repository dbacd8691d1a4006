import { describe, expect, it } from 'vitest';
import { assistantEn } from './assistant.en.ts';
import { assistantRu } from './assistant.ru.ts';
import { en } from './en.ts';
import { healthEn } from './health.en.ts';
import { healthRu } from './health.ru.ts';
import { intakeEn } from './intake.en.ts';
import { intakeRu } from './intake.ru.ts';
import { ru } from './ru.ts';
import { notifyEn } from './notify.en.ts';
import { notifyRu } from './notify.ru.ts';
import { voiceEn } from './voice.en.ts';
import { voiceRu } from './voice.ru.ts';
import { workEn } from './work.en.ts';
import { workRu } from './work.ru.ts';
import { revenueEn } from './revenue.en.ts';
import { revenueRu } from './revenue.ru.ts';
import { webhooksEn } from './webhooks.en.ts';
import { webhooksRu } from './webhooks.ru.ts';

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

describe.each([
  ['common', en, ru],
  ['work', workEn, workRu],
  ['intake', intakeEn, intakeRu],
  ['notify', notifyEn, notifyRu],
  ['health', healthEn, healthRu],
  ['assistant', assistantEn, assistantRu],
  ['voice', voiceEn, voiceRu],
  ['revenue', revenueEn, revenueRu],
  ['webhooks', webhooksEn, webhooksRu],
])('the %s translations', (_name, english, russian) => {
  it('have exactly the same keys in English and Russian', () => {
    expect([...leaves(russian).keys()].sort()).toEqual([...leaves(english).keys()].sort());
  });

  it('leave no text empty and keep every {{placeholder}}', () => {
    const russianTexts = leaves(russian);
    for (const [path, text] of leaves(english)) {
      const translated = russianTexts.get(path);
      expect(typeof translated === 'string' && translated.trim().length > 0, path).toBe(true);
      const placeholders = (value: unknown) =>
        String(value)
          .match(/\{\{\w+\}\}/g)
          ?.sort() ?? [];
      expect(placeholders(translated), path).toEqual(placeholders(text));
    }
  });
});

describe('plurals', () => {
  // Russian needs one (1, 21), few (2–4, 22) and many (5–20) forms; a missing form would fall
  // back to English. English carries the same keys so both bundles stay identical in shape.
  it.each([
    ['common', ru],
    ['work', workRu],
    ['intake', intakeRu],
    ['notify', notifyRu],
    ['voice', voiceRu],
    ['revenue', revenueRu],
    ['webhooks', webhooksRu],
  ])("gives every counted %s text all of Russian's plural forms", (_name, russian) => {
    const keys = [...leaves(russian).keys()];
    const counted = keys.filter((key) => /_(one|few|many|other)$/.test(key));
    for (const key of counted) {
      const stem = key.replace(/_(one|few|many|other)$/, '');
      for (const form of ['one', 'few', 'many', 'other'])
        expect(keys, key).toContain(`${stem}_${form}`);
    }
  });
});
