import { describe, expect, it } from 'vitest';
import { english } from '../../i18n/en.bundle.ts';
import {
  fieldLabelKey,
  fieldLabelKeys,
  spelledOut,
  valueLabelPrefix,
  valueLabelPrefixes,
} from './auditFields.ts';

/** The English text at `namespace:path`, if the catalog has one. */
function englishText(key: string): unknown {
  const [namespace = '', path = ''] = key.split(':');
  return path
    .split('.')
    .reduce<unknown>(
      (node, part) => (node && typeof node === 'object' ? Reflect.get(node, part) : undefined),
      Reflect.get(english, namespace),
    );
}

describe('the audit log’s field labels', () => {
  it('are labels the catalogs hold (the Russian catalog holds the same keys)', () => {
    for (const key of fieldLabelKeys) expect(typeof englishText(key), key).toBe('string');
  });

  it('name codes from lists of words the catalogs hold', () => {
    for (const prefix of valueLabelPrefixes)
      expect(typeof englishText(prefix), prefix).toBe('object');
    expect(englishText(`${valueLabelPrefix('account', 'tier') ?? ''}.mid_market`)).toBe(
      'Mid-market',
    );
    // A task's status is not a feedback item's.
    expect(englishText(`${valueLabelPrefix('task', 'status') ?? ''}.waiting_on_customer`)).toBe(
      'Waiting on customer',
    );
    expect(valueLabelPrefix('account', 'name')).toBeUndefined();
  });

  it('call a field as the form for its kind of record does', () => {
    expect(englishText(fieldLabelKey('account', 'renewalDate') ?? '')).toBe('Renewal');
    expect(englishText(fieldLabelKey('contact', 'title') ?? '')).toBe('Job title');
    expect(englishText(fieldLabelKey('task', 'title') ?? '')).toBe('Title');
  });

  it('spell out a field no form names', () => {
    expect(fieldLabelKey('account', 'healthScoreOverride')).toBeUndefined();
    expect(spelledOut('healthScoreOverride')).toBe('Health score override');
    expect(spelledOut('label_terms')).toBe('Label terms');
  });
});
