import { describe, expect, it } from 'vitest';
import { guardFormula, unguardFormula } from './csvFormula.ts';

describe('a cell guarded against spreadsheet formulas', () => {
  it.each([
    ['=Acme', "'=Acme"],
    ['+1', "'+1"],
    ['-Head of IT', "'-Head of IT"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
    ["'=x", "''=x"],
    ["''-x", "'''-x"],
  ])('%j is written %j and reads back as it was', (text, written) => {
    expect(guardFormula(text)).toBe(written);
    expect(unguardFormula(written)).toBe(text);
  });

  it.each(["'quoted", "'", "''", 'a=b', "it's", '', "' =x"])(
    'leaves %j as it is, both ways: its quote is its own',
    (text) => {
      expect(guardFormula(text)).toBe(text);
      expect(unguardFormula(text)).toBe(text);
    },
  );

  it('takes one quote off a cell a spreadsheet guarded, whoever wrote it', () => {
    expect(unguardFormula('\'=HYPERLINK("x")')).toBe('=HYPERLINK("x")');
    expect(unguardFormula("'''=x")).toBe("''=x");
  });
});
