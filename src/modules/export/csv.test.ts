import { describe, expect, it } from 'vitest';
import { csvCell, csvLine } from './csv.ts';

describe('a CSV cell a spreadsheet opens', () => {
  it.each([
    ['=1+2', "'=1+2"],
    ['+1', "'+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', `"'\r=1"`],
    ['=HYPERLINK("x","y")', `"'=HYPERLINK(""x"",""y"")"`],
    // A quote of the text's own before a formula character gets one more, which the import
    // takes off again: "'=x" survives the round trip.
    ["'=x", "''=x"],
    ["''+1", "'''+1"],
  ])('starting a formula (%j) is written as text', (value, written) => {
    expect(csvCell(value)).toBe(written);
  });

  it('keeps real numbers as numbers: database numbers and decimal text in a number column', () => {
    expect(csvCell(-12)).toBe('-12');
    expect(csvCell(-0.5)).toBe('-0.5');
    expect(csvCell('-120.50', 'number')).toBe('-120.50');
    expect(csvLine(['-5', '-5'], ['text', 'number'])).toBe("'-5,-5\r\n");
  });

  it('treats anything else in a number column as text', () => {
    expect(csvCell('-1+cmd', 'number')).toBe("'-1+cmd");
    expect(csvCell('=1', 'number')).toBe("'=1");
  });

  it('leaves ordinary text as RFC 4180 writes it', () => {
    expect(csvCell('Acme, "the" Corp')).toBe('"Acme, ""the"" Corp"');
    expect(csvCell('a-b=c')).toBe('a-b=c');
    expect(csvCell("'quoted")).toBe("'quoted");
    expect(csvCell(null)).toBe('');
  });
});
