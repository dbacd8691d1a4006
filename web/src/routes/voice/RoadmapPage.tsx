// The roadmap (seeds/003): what is planned, ranked by the customers asking — accounts, their
// ARR and the ARR at risk — or laid out by quarter; adding an item linked to the themes it
// answers, changing one (its title, description, status, quarter), and shipping one, which
// gives each requesting account's CSM a task to tell them.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  roadmapStatuses,
  useRoadmap,
  useSaveRoadmapItem,
  useShipRoadmapItem,
  useThemes,
  useUpdateRoadmapItem,
  type RoadmapItem,
  type RoadmapStatus,
} from '../../api/voice.ts';
import { ApiError } from '../../api/client.ts';
import { useCan } from '../../api/session.ts';
import { formatDate, formatMoney } from '../../components/format.ts';
import {
  Badge,
  Button,
  Card,
  ErrorNote,
  Loading,
  SelectField,
  TextAreaField,
  TextField,
} from '../../components/ui.tsx';

/**
 * A roadmap item's fields: empty to add one, or an item's own to change it. A refused change
 * keeps what was typed and names the field the server found wrong.
 */
function ItemForm({ item, onDone }: { item?: RoadmapItem; onDone: () => void }) {
  const { t } = useTranslation('voice');
  const create = useSaveRoadmapItem();
  const update = useUpdateRoadmapItem();
  const save = item ? update : create;
  const themes = useThemes('365d');
  const [title, setTitle] = useState(item?.title ?? '');
  const [description, setDescription] = useState(item?.description ?? '');
  const [status, setStatus] = useState<RoadmapStatus>(item?.status ?? 'planned');
  const [quarter, setQuarter] = useState(item?.targetQuarter ?? '');
  const [link, setLink] = useState(item?.link ?? '');
  const [themeIds, setThemeIds] = useState<string[]>(item?.themes.map((x) => x.id) ?? []);
  const fieldError = (path: string) =>
    save.error instanceof ApiError ? save.error.fieldError(path) : undefined;
  const fields = ['title', 'description', 'status', 'targetQuarter', 'link'];
  // Shipping is its own action, and a shipped item keeps that status.
  const shipped = status === 'shipped';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const common = { title, themeIds, ...(shipped ? {} : { status }) };
    if (item) {
      update.mutate(
        {
          id: item.id,
          changes: {
            ...common,
            description: description || null,
            targetQuarter: quarter || null,
            link: link || null,
          },
        },
        { onSuccess: onDone },
      );
    } else {
      create.mutate(
        {
          ...common,
          ...(description ? { description } : {}),
          ...(quarter ? { targetQuarter: quarter } : {}),
          ...(link ? { link } : {}),
        },
        { onSuccess: onDone },
      );
    }
  };
  return (
    <form onSubmit={submit} className="flex flex-col gap-3">
      <TextField
        label={t('roadmap.itemTitle')}
        required
        maxLength={200}
        value={title}
        error={fieldError('title')}
        onChange={(e) => setTitle(e.target.value)}
      />
      <TextAreaField
        label={t('roadmap.description')}
        rows={3}
        maxLength={5000}
        value={description}
        error={fieldError('description')}
        onChange={(e) => setDescription(e.target.value)}
      />
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
        {!shipped && (
          <SelectField
            label={t('roadmap.statusLabel')}
            value={status}
            error={fieldError('status')}
            onChange={(e) => setStatus(e.target.value as RoadmapStatus)}
            options={roadmapStatuses
              .filter((x) => x !== 'shipped')
              .map((x) => ({ value: x, label: t(`roadmap.status.${x}`) }))}
          />
        )}
        <TextField
          label={t('roadmap.quarter')}
          placeholder="2027-Q1"
          value={quarter}
          error={fieldError('targetQuarter')}
          onChange={(e) => setQuarter(e.target.value)}
        />
        <TextField
          label={t('roadmap.link')}
          type="url"
          value={link}
          error={fieldError('link')}
          onChange={(e) => setLink(e.target.value)}
        />
      </div>
      <fieldset className="flex flex-col gap-1">
        <legend className="text-sm font-medium">{t('roadmap.themes')}</legend>
        <div className="flex max-h-56 flex-col gap-1 overflow-y-auto">
          {(themes.data?.items ?? []).map((theme) => (
            <label key={theme.id} className="flex min-h-11 items-center gap-2">
              <input
                type="checkbox"
                className="h-5 w-5"
                checked={themeIds.includes(theme.id)}
                onChange={() =>
                  setThemeIds((now) =>
                    now.includes(theme.id) ? now.filter((x) => x !== theme.id) : [...now, theme.id],
                  )
                }
              />
              <span>
                {theme.label}{' '}
                <span className="text-sm text-muted">
                  ({t('feedback.accounts', { count: theme.accountCount })})
                </span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      {save.error && !fields.some(fieldError) && <ErrorNote error={save.error} />}
      <div className="flex gap-2">
        <Button type="submit" disabled={save.isPending}>
          {item ? t('roadmap.saveChanges') : t('roadmap.save')}
        </Button>
        <Button type="button" variant="ghost" onClick={onDone}>
          {t('roadmap.cancel')}
        </Button>
      </div>
    </form>
  );
}

function Item({ item, canManage }: { item: RoadmapItem; canManage: boolean }) {
  const { t } = useTranslation('voice');
  const ship = useShipRoadmapItem();
  const [confirming, setConfirming] = useState(false);
  const [editing, setEditing] = useState(false);
  if (editing) {
    return (
      <li className="rounded-xl border border-line bg-surface p-3">
        <h3 className="mb-2 font-semibold">{t('roadmap.edit', { title: item.title })}</h3>
        <ItemForm item={item} onDone={() => setEditing(false)} />
      </li>
    );
  }
  return (
    <li className="flex flex-col gap-2 rounded-xl border border-line bg-surface p-3">
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-semibold">{item.title}</span>
        <Badge
          tone={
            item.status === 'shipped'
              ? 'healthy'
              : item.status === 'declined'
                ? 'neutral'
                : 'accent'
          }
        >
          {t(`roadmap.status.${item.status}`)}
        </Badge>
        <span className="text-sm text-muted">{item.targetQuarter ?? t('roadmap.noQuarter')}</span>
        {item.shippedAt && (
          <span className="text-sm text-muted">
            {t('roadmap.shippedOn', { date: formatDate(item.shippedAt) })}
          </span>
        )}
        {canManage && (
          <Button
            variant="ghost"
            className="ml-auto px-3 text-sm"
            aria-label={t('roadmap.edit', { title: item.title })}
            onClick={() => setEditing(true)}
          >
            {t('roadmap.editShort')}
          </Button>
        )}
      </div>
      {item.description && <p className="text-sm break-words">{item.description}</p>}
      <p className="flex flex-wrap gap-x-3 text-sm">
        <span className="font-semibold">
          {t('roadmap.demand', { count: item.demand.accountCount })}
        </span>
        <span>{t('roadmap.arr', { arr: formatMoney(item.demand.arr) })}</span>
        {item.demand.atRiskArr.amount > 0 && (
          <span className="text-risk">
            {t('roadmap.atRisk', { arr: formatMoney(item.demand.atRiskArr) })}
          </span>
        )}
      </p>
      {item.themes.length > 0 && (
        <p className="text-sm text-muted">{item.themes.map((theme) => theme.label).join(' · ')}</p>
      )}
      {item.accounts.length > 0 && (
        <p className="text-sm text-muted">
          {item.accounts
            .slice(0, 6)
            .map((a) => a.name)
            .join(', ')}
          {item.accounts.length > 6 ? ` +${item.accounts.length - 6}` : ''}
        </p>
      )}
      {item.link && (
        <a
          href={item.link}
          className="self-start text-sm text-accent underline"
          rel="noreferrer"
          target="_blank"
        >
          {t('roadmap.link')}
        </a>
      )}
      {canManage && item.status !== 'shipped' && (
        <div className="flex flex-col gap-2">
          {confirming ? (
            <div className="flex flex-col gap-2 rounded-lg bg-raised p-3">
              <p>{t('roadmap.shipConfirm', { title: item.title })}</p>
              <div className="flex gap-2">
                <Button disabled={ship.isPending} onClick={() => ship.mutate(item.id)}>
                  {t('roadmap.ship')}
                </Button>
                <Button variant="ghost" onClick={() => setConfirming(false)}>
                  {t('roadmap.cancel')}
                </Button>
              </div>
            </div>
          ) : (
            <Button variant="secondary" className="self-start" onClick={() => setConfirming(true)}>
              {t('roadmap.ship')}
            </Button>
          )}
        </div>
      )}
      {ship.data && (
        <p role="status" className="text-sm text-healthy">
          {t('roadmap.shipped', { count: ship.data.toldAccounts.length })}
        </p>
      )}
      {ship.error && <ErrorNote error={ship.error} />}
    </li>
  );
}

export function RoadmapPage() {
  const { t } = useTranslation('voice');
  const [sort, setSort] = useState<'demand' | 'quarter'>('demand');
  const [adding, setAdding] = useState(false);
  const canManage = useCan('manage_product_roadmap');
  const roadmap = useRoadmap(sort);
  const items = roadmap.data?.items ?? [];
  const quarters = [...new Set(items.map((i) => i.targetQuarter ?? ''))];
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-bold">{t('roadmap.title')}</h1>
        {canManage && !adding && (
          <Button onClick={() => setAdding(true)}>+ {t('roadmap.add')}</Button>
        )}
      </div>
      <p className="text-muted">{t('roadmap.intro')}</p>
      {adding && (
        <Card title={t('roadmap.add')}>
          <ItemForm onDone={() => setAdding(false)} />
        </Card>
      )}
      <div role="group" aria-label={t('roadmap.sort')} className="flex gap-1">
        {(['demand', 'quarter'] as const).map((s) => (
          <Button
            key={s}
            variant={sort === s ? 'primary' : 'secondary'}
            aria-pressed={sort === s}
            className="px-3 text-sm"
            onClick={() => setSort(s)}
          >
            {t(s === 'demand' ? 'roadmap.byDemand' : 'roadmap.byQuarter')}
          </Button>
        ))}
      </div>
      {roadmap.isPending ? (
        <Loading />
      ) : roadmap.error ? (
        <ErrorNote error={roadmap.error} />
      ) : items.length === 0 ? (
        <p className="text-muted">{t('roadmap.none')}</p>
      ) : sort === 'demand' ? (
        <ol className="flex flex-col gap-2">
          {items.map((item) => (
            <Item key={item.id} item={item} canManage={canManage} />
          ))}
        </ol>
      ) : (
        quarters.map((quarter) => (
          <section
            key={quarter}
            aria-label={quarter || t('roadmap.noQuarter')}
            className="flex flex-col gap-2"
          >
            <h2 className="text-lg font-semibold">{quarter || t('roadmap.noQuarter')}</h2>
            <ol className="flex flex-col gap-2">
              {items
                .filter((item) => (item.targetQuarter ?? '') === quarter)
                .map((item) => (
                  <Item key={item.id} item={item} canManage={canManage} />
                ))}
            </ol>
          </section>
        ))
      )}
    </div>
  );
}
