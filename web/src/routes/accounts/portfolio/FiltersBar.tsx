// The portfolio's search box and filters: a select per filter and the saved segments, which
// fold away behind one button on a phone so the list starts on screen.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Input, Select } from '../../../components/ui.tsx';
import { choices, type PortfolioSearch } from '../portfolioSearch.ts';
import { SegmentBar } from './SegmentBar.tsx';

type FilterSelectProps = {
  name: keyof typeof choices;
  label: string;
  value: string | undefined;
  onChange: (value: string) => void;
};

const filterNames = Object.keys(choices) as (keyof typeof choices)[];
const anyLabel = {
  health: 'portfolio.anyHealth',
  tier: 'portfolio.anyTier',
  stage: 'portfolio.anyStage',
  priority: 'portfolio.anyPriority',
} as const satisfies Record<keyof typeof choices, string>;

/** One filter as a select whose first option ("Any …") clears it. */
function FilterSelect({ name, label, value, onChange }: FilterSelectProps) {
  const { t } = useTranslation();
  return (
    <Select aria-label={label} value={value ?? ''} onChange={(e) => onChange(e.target.value)}>
      <option value="">{label}</option>
      {choices[name].map((choice) => (
        <option key={choice} value={choice}>
          {name === 'priority' ? choice : t(`${name}.${choice}`)}
        </option>
      ))}
    </Select>
  );
}

export function FiltersBar({
  search,
  filters,
  set,
  wide,
}: {
  search: PortfolioSearch;
  /** The filters the list is asked for, which a saved segment keeps. */
  filters: Record<string, string>;
  set: (key: keyof PortfolioSearch, value: string) => void;
  /** A screen wide enough to show the filters unfolded. */
  wide: boolean;
}) {
  const { t } = useTranslation();
  const [filtersOpen, setFiltersOpen] = useState(false);
  const panelId = useId();
  const active = (['health', 'tier', 'stage', 'priority', 'segment'] as const).filter(
    (key) => search[key],
  ).length;
  return (
    <>
      <div className="flex gap-2">
        <Input
          key={search.q ?? ''}
          type="search"
          aria-label={t('portfolio.search')}
          placeholder={t('portfolio.search')}
          defaultValue={search.q ?? ''}
          onKeyDown={(e) => e.key === 'Enter' && set('q', e.currentTarget.value)}
          onBlur={(e) =>
            e.currentTarget.value !== (search.q ?? '') && set('q', e.currentTarget.value)
          }
          className="flex-1"
        />
        {/* On a phone the filters fold away behind one button, so the list starts on screen. */}
        <Button
          variant={active > 0 ? 'primary' : 'secondary'}
          className="sm:hidden"
          aria-expanded={filtersOpen}
          aria-controls={panelId}
          onClick={() => setFiltersOpen(!filtersOpen)}
        >
          {t('portfolio.filters')}
          {active > 0 && ` (${active})`}
        </Button>
      </div>
      <div id={panelId} className={`${filtersOpen ? 'flex' : 'hidden'} flex-col gap-2 sm:flex`}>
        {/* Folded on a phone: drawn (and the segments asked for) once opened. */}
        {(filtersOpen || wide) && (
          <>
            <div
              role="group"
              aria-label={t('portfolio.filters')}
              className="grid grid-cols-2 gap-2 sm:grid-cols-4"
            >
              {filterNames.map((name) => (
                <FilterSelect
                  key={name}
                  name={name}
                  label={t(anyLabel[name])}
                  value={search[name]}
                  onChange={(v) => set(name, v)}
                />
              ))}
            </div>
            <SegmentBar filters={filters} search={search} choose={(id) => set('segment', id)} />
          </>
        )}
      </div>
    </>
  );
}
