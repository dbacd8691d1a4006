// The scorecard editor: each measure's weight and the category thresholds, per tier if wanted,
// with the backtest re-run on every change so an admin sees whether new weights would have
// seen past churn coming before saving them. The workspace's plays are edited below.
import { Link } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import {
  measureKeys,
  tiers,
  useBacktest,
  useRemoveTierScorecard,
  useSaveScorecard,
  useScorecard,
  useTiersWithOwnScorecard,
  type Backtest,
  type Scorecard,
  type Thresholds,
  type Tier,
  type Weights,
} from '../../api/health.ts';
import { useCan } from '../../api/session.ts';
import {
  Button,
  Card,
  ErrorNote,
  Field,
  Loading,
  Select,
  TextField,
} from '../../components/ui.tsx';
import { RocChart } from '../../components/charts/RocChart.tsx';
import { formatDecimal, formatPercent } from '../../components/format.ts';
import { PlaysCard } from './PlaysCard.tsx';
import { useSettled } from './parts.tsx';

export function ScorecardPage() {
  const { t } = useTranslation('health');
  const [tier, setTier] = useState<Tier | null>(null);
  const scorecard = useScorecard(tier);
  const own = useTiersWithOwnScorecard();
  const remove = useRemoveTierScorecard();
  const tierName = (choice: Tier) => t(`common:tier.${choice}`);
  return (
    <div className="flex flex-col gap-4">
      <Link
        to="/health"
        className="inline-flex min-h-11 items-center self-start text-sm text-muted hover:text-ink"
      >
        ← {t('dashboard.title')}
      </Link>
      <h1 className="text-2xl font-bold">{t('scorecard.title')}</h1>
      <p className="max-w-3xl text-muted">{t('scorecard.intro')}</p>
      <div className="flex max-w-md flex-col gap-2">
        <Field label={t('scorecard.tier')}>
          {(id) => (
            <Select
              id={id}
              value={tier ?? ''}
              onChange={(e) => {
                setTier((e.target.value || null) as Tier | null);
                remove.reset();
              }}
            >
              <option value="">{t('scorecard.default')}</option>
              {tiers.map((choice) => (
                <option key={choice} value={choice}>
                  {own.data?.has(choice)
                    ? t('scorecard.tierOwn', { tier: tierName(choice) })
                    : tierName(choice)}
                </option>
              ))}
            </Select>
          )}
        </Field>
        {tier && own.data && (
          <p className="text-sm text-muted">
            {t(own.data.has(tier) ? 'scorecard.hasOwn' : 'scorecard.usesDefault', {
              tier: tierName(tier),
            })}
          </p>
        )}
        {remove.isSuccess && (
          <p role="status" className="text-sm text-healthy">
            {t('scorecard.removed', { tier: tierName(remove.variables) })}
          </p>
        )}
        {tier && own.data?.has(tier) && (
          <UseDefault key={tier} tier={tier} remove={remove} tierName={tierName(tier)} />
        )}
      </div>
      {scorecard.isPending ? (
        <Loading />
      ) : scorecard.error ? (
        <ErrorNote error={scorecard.error} />
      ) : (
        // Keyed by tier and by what is saved for it, so switching tiers (or putting one back on
        // the default) starts from the saved values.
        <Editor
          key={`${tier ?? 'default'}:${scorecard.data.tier ?? 'default'}`}
          saved={scorecard.data}
          tier={tier}
        />
      )}
      <PlaysCard />
    </div>
  );
}

/** Puts a tier with its own scorecard back on the default, asked twice. */
function UseDefault({
  tier,
  tierName,
  remove,
}: {
  tier: Tier;
  tierName: string;
  remove: ReturnType<typeof useRemoveTierScorecard>;
}) {
  const { t } = useTranslation('health');
  const [asked, setAsked] = useState(false);
  if (!useCan('manage_scorecards')) return null;
  if (!asked) {
    return (
      <Button variant="secondary" className="self-start" onClick={() => setAsked(true)}>
        {t('scorecard.remove')}
      </Button>
    );
  }
  return (
    <section
      aria-labelledby="use-default"
      className="flex flex-col gap-2 rounded-xl border border-critical p-3"
    >
      <h2 id="use-default" className="font-semibold">
        {t('scorecard.remove')}
      </h2>
      <p className="text-sm">{t('scorecard.removeWhat', { tier: tierName })}</p>
      <ErrorNote error={remove.error} />
      <div className="flex flex-wrap gap-2">
        <Button variant="danger" disabled={remove.isPending} onClick={() => remove.mutate(tier)}>
          {t('scorecard.removeConfirm', { tier: tierName })}
        </Button>
        <Button variant="ghost" onClick={() => setAsked(false)}>
          {t('scorecard.keepOwn')}
        </Button>
      </div>
    </section>
  );
}

function Editor({ saved, tier }: { saved: Scorecard; tier: Tier | null }) {
  const { t } = useTranslation('health');
  // Anyone may try weights against the backtest; saving them is for who runs the scorecard.
  const canSave = useCan('manage_scorecards');
  const [weights, setWeights] = useState<Weights>(saved.weights);
  const [thresholds, setThresholds] = useState<Thresholds>(saved.thresholds);
  const [horizonDays, setHorizonDays] = useState(60);
  const save = useSaveScorecard();
  const sum = measureKeys.reduce((total, key) => total + weights[key], 0);
  const fieldError = (path: string) =>
    save.error instanceof ApiError ? save.error.fieldError(path) : undefined;
  const number = (value: string) => (value === '' ? 0 : Math.round(Number(value)));

  return (
    <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
      <Card title={t('scorecard.weights')}>
        <form
          className="flex flex-col gap-4"
          onSubmit={(event) => {
            event.preventDefault();
            save.mutate({ tier, weights, thresholds });
          }}
        >
          {!saved.saved && <p className="text-sm text-muted">{t('scorecard.builtIn')}</p>}
          <div className="grid grid-cols-2 gap-3 sm:grid-cols-3">
            {measureKeys.map((key) => (
              <TextField
                key={key}
                label={t(`measure.${key}`)}
                type="number"
                inputMode="numeric"
                min={0}
                max={100}
                required
                value={weights[key]}
                error={fieldError(`weights.${key}`)}
                onChange={(e) => setWeights((w) => ({ ...w, [key]: number(e.target.value) }))}
              />
            ))}
          </div>
          <p
            role="status"
            className={`text-sm font-medium ${sum === 100 ? 'text-healthy' : 'text-critical'}`}
          >
            {t('scorecard.sum', { sum })}
          </p>
          {fieldError('weights') && (
            <p role="alert" className="text-sm text-critical">
              {fieldError('weights')}
            </p>
          )}
          <h3 className="font-semibold">{t('scorecard.thresholds')}</h3>
          <div className="grid grid-cols-1 items-end gap-3 sm:grid-cols-2">
            <TextField
              label={t('scorecard.healthyMin')}
              type="number"
              inputMode="numeric"
              min={1}
              max={100}
              required
              value={thresholds.healthyMin}
              error={fieldError('thresholds.healthyMin')}
              onChange={(e) =>
                setThresholds((th) => ({ ...th, healthyMin: number(e.target.value) }))
              }
            />
            <TextField
              label={t('scorecard.atRiskMin')}
              type="number"
              inputMode="numeric"
              min={0}
              max={99}
              required
              value={thresholds.atRiskMin}
              error={fieldError('thresholds.atRiskMin')}
              onChange={(e) =>
                setThresholds((th) => ({ ...th, atRiskMin: number(e.target.value) }))
              }
            />
          </div>
          <div className="flex flex-wrap items-center gap-3">
            {canSave && (
              <Button type="submit" disabled={save.isPending}>
                {save.isPending ? t('scorecard.saving') : t('scorecard.save')}
              </Button>
            )}
            {save.isSuccess && (
              <p role="status" className="text-sm text-healthy">
                {t('scorecard.saved')}
              </p>
            )}
          </div>
          {save.error && !(save.error instanceof ApiError && save.error.problem.errors) && (
            <ErrorNote error={save.error} />
          )}
        </form>
      </Card>
      <BacktestCard
        weights={weights}
        thresholds={thresholds}
        horizonDays={horizonDays}
        setHorizonDays={setHorizonDays}
        valid={sum === 100 && thresholds.atRiskMin < thresholds.healthyMin}
      />
    </div>
  );
}

function BacktestCard({
  weights,
  thresholds,
  horizonDays,
  setHorizonDays,
  valid,
}: {
  weights: Weights;
  thresholds: Thresholds;
  horizonDays: number;
  setHorizonDays: (days: number) => void;
  valid: boolean;
}) {
  const { t } = useTranslation('health');
  // Weights that do not sum to 100 cannot be tried: the last valid result stays, greyed.
  const typed = useMemo(
    () => (valid ? { weights, thresholds, horizonDays } : null),
    [valid, weights, thresholds, horizonDays],
  );
  const trial = useSettled(typed);
  const backtest = useBacktest(trial);
  return (
    <Card title={t('backtest.title')}>
      <div className="flex flex-col gap-3">
        <p className="text-sm text-muted">{t('backtest.intro', { days: horizonDays })}</p>
        <div className="max-w-48">
          <Field label={t('backtest.horizon')}>
            {(id) => (
              <Select
                id={id}
                value={horizonDays}
                onChange={(e) => setHorizonDays(Number(e.target.value))}
              >
                {[30, 60, 90, 180].map((days) => (
                  <option key={days} value={days}>
                    {days}
                  </option>
                ))}
              </Select>
            )}
          </Field>
        </div>
        {backtest.isPending ? (
          <Loading />
        ) : backtest.error ? (
          <ErrorNote error={backtest.error} />
        ) : (
          <BacktestResult result={backtest.data} trying={backtest.isPlaceholderData} />
        )}
      </div>
    </Card>
  );
}

function BacktestResult({ result, trying }: { result: Backtest; trying: boolean }) {
  const { t } = useTranslation('health');
  if (result.auc === null) return <p className="text-muted">{t('backtest.none')}</p>;
  return (
    // While the weights being tried are backtested, the last result stays at full contrast (dimmed,
    // its muted words fell below a readable contrast) and a line says it is being redone.
    <div className="flex flex-col gap-3" aria-busy={trying}>
      {trying && <p className="text-sm text-muted">{t('backtest.trying')}</p>}
      <dl className="grid grid-cols-2 gap-2 sm:grid-cols-4">
        <div className="rounded-lg bg-raised p-3">
          <dt className="text-sm text-muted">{t('backtest.auc')}</dt>
          <dd className="text-2xl font-semibold tabular-nums" data-testid="backtest-auc">
            {formatDecimal(result.auc, 2)}
          </dd>
          <dd className="text-xs text-muted">{t('backtest.aucHint')}</dd>
        </div>
        <div className="rounded-lg bg-raised p-3">
          <dt className="text-sm text-muted">{t('backtest.accounts')}</dt>
          <dd className="text-2xl font-semibold tabular-nums">{result.accounts}</dd>
        </div>
        <div className="rounded-lg bg-raised p-3">
          <dt className="text-sm text-muted">{t('backtest.churned')}</dt>
          <dd className="text-2xl font-semibold tabular-nums">{result.churned}</dd>
        </div>
        <div className="rounded-lg bg-raised p-3">
          <dt className="text-sm text-muted">{t('backtest.churnRate')}</dt>
          <dd className="text-2xl font-semibold tabular-nums">{formatPercent(result.churnRate)}</dd>
        </div>
      </dl>
      <div className="flex flex-wrap items-start gap-4">
        <table className="min-w-64 flex-1 text-sm">
          <thead>
            <tr className="text-left text-muted">
              <th className="p-1 font-medium">{t('backtest.category')}</th>
              <th className="p-1 text-right font-medium">{t('backtest.accounts')}</th>
              <th className="p-1 text-right font-medium">{t('backtest.churnRate')}</th>
              <th className="p-1 text-right font-medium">{t('backtest.lift')}</th>
            </tr>
          </thead>
          <tbody>
            {result.byCategory.map((row) => (
              <tr key={row.category} className="border-t border-line">
                <td className="p-1">{t(`common:health.${row.category}`)}</td>
                <td className="p-1 text-right tabular-nums">{row.accounts}</td>
                <td className="p-1 text-right tabular-nums">{formatPercent(row.churnRate)}</td>
                <td className="p-1 text-right tabular-nums">
                  {row.lift === null ? '—' : `×${formatDecimal(row.lift, 1)}`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <RocChart
          title={t('backtest.roc')}
          points={result.roc}
          summary={t('backtest.rocSummary', { auc: formatDecimal(result.auc, 2) })}
          falsePositiveLabel={t('backtest.falsePositive')}
          truePositiveLabel={t('backtest.truePositive')}
        />
      </div>
    </div>
  );
}
