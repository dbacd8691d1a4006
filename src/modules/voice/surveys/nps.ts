// NPS arithmetic (Bain): promoters answer 9–10, passives 7–8, detractors 0–6; NPS is the share
// of promoters minus the share of detractors, in whole points from −100 to 100. CSAT is the
// average of 1–5 answers.

export type NpsCategory = 'promoter' | 'passive' | 'detractor';

export function npsCategory(score: number): NpsCategory {
  return score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor';
}

export type NpsSplit = {
  responses: number;
  promoters: number;
  passives: number;
  detractors: number;
  nps: number | null;
};

export function npsOf(scores: readonly number[]): NpsSplit {
  const split = { responses: scores.length, promoters: 0, passives: 0, detractors: 0 };
  for (const score of scores) split[`${npsCategory(score)}s`]++;
  return {
    ...split,
    nps:
      scores.length === 0
        ? null
        : Math.round((100 * (split.promoters - split.detractors)) / scores.length),
  };
}

/** From counts already aggregated (SQL): the same rounding as npsOf. */
export function npsFromCounts(c: {
  promoters: number;
  passives: number;
  detractors: number;
}): NpsSplit {
  const responses = c.promoters + c.passives + c.detractors;
  return {
    responses,
    ...c,
    nps: responses === 0 ? null : Math.round((100 * (c.promoters - c.detractors)) / responses),
  };
}
