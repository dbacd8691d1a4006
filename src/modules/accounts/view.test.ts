import { describe, expect, it } from 'vitest';
import { utcInstant } from './view.ts';

describe("an account's created and updated times in the API", () => {
  it.each([
    '2026-12-03 15:08:57.248172',
    '2026-12-03 15:08:57.2489',
    '2026-12-03 15:08:57.2',
    '2026-12-03 15:08:57.000999',
    '2026-12-03 15:08:57',
    '1999-01-01 00:00:00.999999',
  ])('%j reads as Date#toISOString writes it', (text) => {
    expect(utcInstant(text)).toBe(new Date(`${text.replace(' ', 'T')}Z`).toISOString());
  });

  it('keeps the milliseconds PostgreSQL stored, cut rather than rounded', () => {
    expect(utcInstant('2026-12-03 23:59:59.9999')).toBe('2026-12-03T23:59:59.999Z');
  });
});
