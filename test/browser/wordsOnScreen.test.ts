// The language browser test's reading rules, on lines it has met or must catch.
import { describe, expect, it } from 'vitest';
import { englishOnlyWords, foreignIn, withoutData } from './wordsOnScreen.ts';

const englishOnly = await englishOnlyWords();
const inRussian = (line: string) => foreignIn(line, 'ru', englishOnly);
const inEnglish = (line: string) => foreignIn(line, 'en', englishOnly);

describe('reading a screen for words in the wrong language', () => {
  it('catches an English sentence, word, date or number on a Russian screen', () => {
    expect(inRussian('Usage fell 30% month over month (253 → 178 events)')).toBe('English words');
    expect(inRussian('Здоровье: Healthy')).toBe('the English word “Healthy”');
    expect(inRussian('Срок Dec 3, 2026')).toBe('a date written in English');
    expect(inRussian('CSAT 3.5 / 5')).toBe('a decimal point');
    expect(inRussian('Breach at 2026-11-21T03:58:36.252Z')).not.toBeNull();
  });

  it('lets acronyms and words Russian keeps pass on a Russian screen', () => {
    for (const line of ['P0 · SLA · CSAT · NPS', 'Тариф Enterprise', 'CSAT 2,8 из 5', '13:31'])
      expect(inRussian(line)).toBeNull();
  });

  it('catches Russian words and numbers on an English screen', () => {
    expect(inEnglish('Health: Под риском')).toBe('Russian');
    expect(inEnglish('ARR 188\u00a0500 $')).toBe('a number grouped the Russian way');
    expect(inEnglish('CSAT 2,8 of 5')).toBe('a decimal comma');
    expect(inEnglish('ARR $188,500 · Dec 3, 2026, 1:31 PM')).toBeNull();
  });

  it('takes out what people typed as whole words, longest first, inside Steward’s sentence', () => {
    expect(
      withoutData(
        ['Сценарий «Renewal in 90 days» для Cinderpath Clinics', 'Data exportsПремиум', '#renewal'],
        ['Renewal', 'Renewal in 90 days', 'Cinderpath Clinics', 'Data exports', 'renewal'],
      ),
    ).toEqual(['Сценарий «‹›» для ‹›', '‹›Премиум', '#‹›']);
    // A typed word is not taken out of a longer word.
    expect(withoutData(['Renewals'], ['Renewal'])).toEqual(['Renewals']);
  });
});
