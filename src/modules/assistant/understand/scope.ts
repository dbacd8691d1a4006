// Whose clients a question is about — "my clients", "the team", "everyone", a CSM by name —
// and which tier ("enterprise", "mid-market", "SMB", "малый бизнес").
import type { Tier } from '../../../db/schema.ts';
import type { Concept } from './lexicon.ts';

export type Scope = 'mine' | 'team' | 'all';

export function scopeOf(concepts: ReadonlyMap<Concept, number>): Scope | null {
  if (concepts.has('mine') && !concepts.has('team')) return 'mine';
  if (concepts.has('team')) return 'team';
  if (concepts.has('everyone')) return 'all';
  return null;
}

const tierWords: [RegExp, Tier][] = [
  [/^(enterprise|enterprises|энтерпрайз\p{L}*|корпоратив\p{L}*)$/u, 'enterprise'],
  [/^(midmarket|мидмаркет\p{L}*|средн\p{L}*)$/u, 'mid_market'],
  [/^(smb|smbs|smbs|смб|малого|малый|малые|малых|small)$/u, 'smb'],
];

/** The tier a question names, and the words it took ("mid market" is two). */
export function findTier(words: readonly string[]): { tier: Tier; words: number[] } | null {
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? '';
    const next = words[i + 1] ?? '';
    if (word === 'mid' && /^market/.test(next)) return { tier: 'mid_market', words: [i, i + 1] };
    for (const [pattern, tier] of tierWords) {
      if (!pattern.test(word)) continue;
      // "small", "малый", "средний" name a tier only before "business" / "бизнес".
      const adjective = /^(small|мал|средн)/.test(word);
      if (adjective && !/^(business|бизнес)/.test(next)) continue;
      return { tier, words: adjective ? [i, i + 1] : [i] };
    }
  }
  return null;
}
