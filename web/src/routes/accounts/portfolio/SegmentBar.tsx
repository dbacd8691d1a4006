// Saved segments on the portfolio: choose one, save the filters shown as a new one (shared
// with the team or not), and delete one of your own.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useDeleteSegment, useSaveSegment, useSegments } from '../../../api/accounts.ts';
import { useCan, useMe } from '../../../api/session.ts';
import { Button, ErrorNote, Input, Select } from '../../../components/ui.tsx';
import type { PortfolioSearch } from '../portfolioSearch.ts';

/** Saves the current filters as a named segment, and deletes the chosen one. */
export function SegmentBar({
  filters,
  search,
  choose,
}: {
  filters: Record<string, string>;
  search: PortfolioSearch;
  choose: (segmentId: string) => void;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const segments = useSegments();
  const save = useSaveSegment();
  const remove = useDeleteSegment();
  const [name, setName] = useState('');
  const [shared, setShared] = useState(false);
  const canShare = useCan('manage_accounts');
  const chosen = segments.data?.items.find((segment) => segment.id === search.segment);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const saved = Object.fromEntries(Object.entries(filters).filter(([key]) => key !== 'segment'));
    save.mutate(
      { name, filters: saved, shared },
      {
        onSuccess: (segment) => {
          setName('');
          choose(segment.id);
        },
      },
    );
  };

  return (
    <div className="flex flex-col gap-2 lg:flex-row lg:items-start">
      <div className="flex gap-2 lg:w-80">
        <Select
          aria-label={t('portfolio.segments')}
          value={search.segment ?? ''}
          onChange={(e) => choose(e.target.value)}
        >
          <option value="">{t('portfolio.noSegment')}</option>
          {segments.data?.items.map((segment) => (
            <option key={segment.id} value={segment.id}>
              {segment.name}
            </option>
          ))}
        </Select>
        {chosen && chosen.ownerId === me.data?.id && (
          <Button
            variant="danger"
            aria-label={t('portfolio.deleteSegment')}
            title={t('portfolio.deleteSegment')}
            onClick={() => remove.mutate(chosen.id, { onSuccess: () => choose('') })}
          >
            ✕
          </Button>
        )}
      </div>
      <form className="flex flex-wrap items-center gap-2" onSubmit={submit}>
        <Input
          aria-label={t('portfolio.segmentName')}
          placeholder={t('portfolio.segmentName')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          required
          maxLength={100}
          className="max-w-xs flex-1"
        />
        {/* Sharing a segment with the team is for who may change accounts; a viewer keeps theirs. */}
        {canShare && (
          <label className="flex min-h-11 items-center gap-2 text-sm">
            <input
              type="checkbox"
              className="h-5 w-5"
              checked={shared}
              onChange={(e) => setShared(e.target.checked)}
            />
            {t('portfolio.shareSegment')}
          </label>
        )}
        <Button type="submit" variant="secondary" disabled={save.isPending}>
          {t('portfolio.saveSegment')}
        </Button>
      </form>
      <ErrorNote error={save.error ?? remove.error} />
    </div>
  );
}
