// A theme's automatic label: its strongest one or two features, in the reader's language —
// lexicon concepts have an English and a Russian name; a plain word is shown as customers wrote
// it ("Okta"). A label a person gave the theme is shown as they wrote it.
import type { LabelTerm } from '../../../db/schema.ts';
import { renderMessage, type Locale } from '../../../i18n/index.ts';
import { conceptOf } from './features.ts';

/** The features that name a theme, from the sum of its members' vectors and their words. */
export function labelTermsFor(
  centroid: Record<string, number>,
  surfaces: Record<string, string>,
): LabelTerm[] {
  const ranked = Object.entries(centroid)
    .filter(([term]) => term.startsWith('c:') || term.startsWith('w:'))
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const top = ranked[0]?.[1] ?? 0;
  return ranked
    .filter(([, weight]) => weight >= top * 0.5)
    .slice(0, 2)
    .map(([term]) =>
      term.startsWith('c:')
        ? { concept: term.slice(2) }
        : { word: surfaces[term] ?? term.slice(2) },
    );
}

const capitalised = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);

export function renderLabel(
  terms: readonly LabelTerm[],
  customLabel: string | null,
  locale: Locale,
): string {
  if (customLabel) return customLabel;
  const parts = terms.map((term) =>
    'concept' in term ? (conceptOf(term.concept)?.label[locale] ?? term.concept) : term.word,
  );
  if (parts.length === 0) return renderMessage({ key: 'voice.theme.unnamed' }, locale);
  return capitalised(parts.join(' · '));
}
