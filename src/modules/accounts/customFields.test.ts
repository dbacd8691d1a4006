import { describe, expect, it } from 'vitest';
import { parseCustomFieldText, type CustomFieldDefinition } from './customFields.ts';

const potential: CustomFieldDefinition = {
  key: 'potential',
  label: 'Expansion potential',
  type: 'currency',
  options: null,
  required: false,
};

describe('a currency custom field typed as text (a CSV cell, a filter)', () => {
  it.each([
    ['120000.50', { amount: 12_000_050, currency: 'USD' }],
    ['USD 1,200', { amount: 120_000, currency: 'USD' }],
    ['1200000 JPY', { amount: 1_200_000, currency: 'JPY' }],
    ['KWD 1.234', { amount: 1234, currency: 'KWD' }],
    ['-250 EUR', { amount: -25_000, currency: 'EUR' }],
  ])('reads %j in the currency’s own minor units', (text, money) => {
    expect(parseCustomFieldText(potential, text)).toEqual(money);
  });

  it.each(['1.5 JPY', '12,50', '0.333', 'lots'])(
    'leaves %j as text, to be refused: it is no amount of its currency',
    (text) => {
      expect(parseCustomFieldText(potential, text)).toBe(text);
    },
  );
});
