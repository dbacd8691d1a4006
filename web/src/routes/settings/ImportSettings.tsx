// CSV import: pick a file, map its columns (or say which CRM exported it: Salesforce's and
// HubSpot's exports map themselves), check it (dry run: every rejected row by line and
// reason, nothing written), then import — with progress polled from the server.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  useImport,
  useImportFields,
  useImportPresets,
  useStartImport,
  type Import,
  type ImportPreset,
} from '../../api/admin.ts';
import { ApiError } from '../../api/client.ts';
import { formatNumber } from '../../components/format.ts';
import { Button, Card, ErrorNote, Field, Select } from '../../components/ui.tsx';

const entities = ['accounts', 'contacts', 'usage'] as const;
type Entity = (typeof entities)[number];

/** The header row of a CSV file (quoted names allowed), read in the browser to map columns. */
export function csvHeader(text: string): string[] {
  const line = text.replace(/^\uFEFF/, '').split(/\r?\n/)[0] ?? '';
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (char === '"' && quoted && line[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (char === '"') quoted = !quoted;
    else if (char === ',' && !quoted) {
      cells.push(cell.trim());
      cell = '';
    } else cell += char;
  }
  cells.push(cell.trim());
  return cells.filter(Boolean);
}

const comparable = (name: string) => name.toLowerCase().replace(/[\s_-]/g, '');

type MappableField = { name: string; label: string };

type PresetName = ImportPreset['name'];
const presetNames: readonly PresetName[] = ['salesforce', 'hubspot'];

/** A CRM preset's fields for the columns this file has (as the server applies it for the CLI):
 * names compared as a person would, a field two columns could feed taken by the first. */
function presetMapping(header: string[], table: Record<string, string>): Record<string, string> {
  const byColumn = new Map(Object.entries(table).map(([column, f]) => [comparable(column), f]));
  const taken = new Set<string>();
  const mapping: Record<string, string> = {};
  for (const column of header) {
    const field = byColumn.get(comparable(column));
    if (field === undefined) continue;
    mapping[column] = field && taken.has(field) ? '' : field;
    if (field) taken.add(field);
  }
  return mapping;
}

/** Keeps each column's chosen field, and suggests one for each column still unmapped whose
 * name matches a field's name or label. */
function suggestMapping(
  mapping: Record<string, string>,
  fields: readonly MappableField[],
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(mapping).map(([column, chosen]) => [
      column,
      chosen ||
        (fields.find(
          (f) =>
            comparable(f.name) === comparable(column) || comparable(f.label) === comparable(column),
        )?.name ??
          ''),
    ]),
  );
}

/** Where the import stands: progress, counts and every rejected row the server reported. */
function ImportStatus({ run, onImport }: { run: Import; onImport: (() => void) | undefined }) {
  const { t } = useTranslation();
  const { progress, counts, rejections } = run;
  const percent = Math.round((100 * progress.processedBytes) / Math.max(1, progress.totalBytes));
  const finished = run.status === 'done' || run.status === 'failed';
  return (
    <section
      aria-label={t('settings.importStatusTitle')}
      aria-live="polite"
      className="mt-4 flex flex-col gap-2 rounded-lg border border-line p-3"
    >
      <p className="font-semibold">
        {run.dryRun ? t('settings.checkImport') : t('settings.runImport')} ·{' '}
        {t(`settings.importStatus.${run.status}`)}
      </p>
      <div
        role="progressbar"
        aria-label={t('settings.progressBar')}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={finished ? 100 : percent}
        className="h-3 w-full overflow-hidden rounded-full bg-raised"
      >
        <div
          className={`h-full rounded-full ${run.status === 'failed' ? 'bg-critical' : 'bg-accent'}`}
          style={{ width: `${finished ? 100 : percent}%` }}
        />
      </div>
      <p className="text-sm text-muted">
        {t('settings.progress', {
          count: progress.processedRows,
          rows: formatNumber(progress.processedRows),
        })}{' '}
        · {t('settings.counts', counts)}
      </p>
      {run.status === 'done' && !run.dryRun && (
        <p className="text-healthy">{t('settings.importDone')}</p>
      )}
      {run.status === 'done' && run.dryRun && (
        <div className="flex flex-wrap items-center gap-2">
          <p>{t('settings.dryRunDone')}</p>
          {onImport && <Button onClick={onImport}>{t('settings.runImport')}</Button>}
        </div>
      )}
      {run.status === 'failed' && (
        <p role="alert" className="text-critical">
          {t('settings.importFailed', { reason: run.failure ?? '' })}
        </p>
      )}
      {rejections.length > 0 && (
        <>
          <h3 className="font-semibold">{t('settings.rejections')}</h3>
          {counts.rejected > rejections.length && (
            <p className="text-sm text-muted">
              {t('settings.rejectionsShown', { shown: rejections.length, total: counts.rejected })}
            </p>
          )}
          <ol className="max-h-80 overflow-auto text-sm">
            {rejections.map((rejection) => (
              <li key={rejection.line} className="border-b border-line py-1 last:border-0">
                <span className="font-medium">{t('settings.line', { line: rejection.line })}</span>:{' '}
                {rejection.reason}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

export function ImportSettings() {
  const { t } = useTranslation();
  const [entity, setEntity] = useState<Entity>('accounts');
  const fields = useImportFields(entity);
  const presets = useImportPresets();
  const [preset, setPreset] = useState<PresetName | ''>('');
  const start = useStartImport();
  const [file, setFile] = useState<File>();
  const [columns, setColumns] = useState<string[]>([]);
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [importId, setImportId] = useState<string>();
  const run = useImport(importId);
  const fieldError = (path: string) =>
    start.error instanceof ApiError ? start.error.fieldError(path) : undefined;
  const mappingError =
    start.error instanceof ApiError
      ? start.error.problem.errors?.find((e) => e.path === 'mapping')?.message
      : undefined;

  // The entity's fields may arrive after the file was read (or change with the entity):
  // suggest then, for the columns not mapped yet.
  const entityFields = fields.data?.fields;
  useEffect(() => {
    if (entityFields) setMapping((current) => suggestMapping(current, entityFields));
  }, [entityFields]);

  /** The columns' first mapping: the chosen CRM's preset, then names that match fields. */
  const initialMapping = (
    header: string[],
    chosenPreset: PresetName | '',
    chosenEntity: Entity,
    entityFields: readonly MappableField[],
  ) => {
    const table =
      chosenPreset && chosenEntity !== 'usage'
        ? presets.data?.items.find((p) => p.name === chosenPreset)?.[chosenEntity]
        : undefined;
    return suggestMapping(
      {
        ...Object.fromEntries(header.map((column) => [column, ''])),
        ...(table ? presetMapping(header, table) : {}),
      },
      entityFields,
    );
  };

  const choose = async (chosen: File | undefined) => {
    setFile(chosen);
    setImportId(undefined);
    start.reset();
    const header = chosen ? csvHeader(await chosen.slice(0, 64 * 1024).text()) : [];
    setColumns(header);
    setMapping(initialMapping(header, preset, entity, fields.data?.fields ?? []));
  };

  const begin = (dryRun: boolean) => {
    if (!file) return;
    start.mutate(
      { entity, file, mapping, dryRun, skipInvalid },
      { onSuccess: (created) => setImportId(created.id) },
    );
  };

  const status = run.data;
  const busy =
    start.isPending || (status !== undefined && !['done', 'failed'].includes(status.status));
  const checked = status?.dryRun === true && status.status === 'done';

  return (
    <Card title={t('settings.import')}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          begin(!checked);
        }}
        className="flex flex-col gap-4"
      >
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
          <Field label={t('settings.importEntity')}>
            {(id) => (
              <Select
                id={id}
                value={entity}
                onChange={(e) => {
                  const chosen = e.target.value as Entity;
                  setEntity(chosen);
                  setImportId(undefined);
                  setMapping(initialMapping(columns, preset, chosen, []));
                }}
              >
                {entities.map((choice) => (
                  <option key={choice} value={choice}>
                    {t(`settings.importEntities.${choice}`)}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field label={t('settings.importPreset')} hint={t('settings.importPresetHint')}>
            {(id) => (
              <Select
                id={id}
                value={preset}
                onChange={(e) => {
                  const chosen = e.target.value as PresetName | '';
                  setPreset(chosen);
                  setImportId(undefined);
                  setMapping(initialMapping(columns, chosen, entity, fields.data?.fields ?? []));
                }}
              >
                <option value="">{t('settings.importPresets.none')}</option>
                {presetNames.map((name) => (
                  <option key={name} value={name}>
                    {t(`settings.importPresets.${name}`)}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field label={t('settings.importFile')}>
            {(id) => (
              // The browser's own file button speaks the browser's language; this one, ours.
              <div className="flex min-h-11 min-w-0 items-center gap-3">
                <input
                  id={id}
                  type="file"
                  accept=".csv,text/csv"
                  className="peer sr-only"
                  onChange={(e) => void choose(e.target.files?.[0])}
                />
                <label
                  htmlFor={id}
                  className="inline-flex min-h-11 shrink-0 cursor-pointer items-center rounded-lg border border-line bg-raised px-4 font-medium text-ink peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-focus"
                >
                  {t('settings.chooseFile')}
                </label>
                <span className="truncate text-sm text-muted">
                  {file?.name ?? t('settings.noFile')}
                </span>
              </div>
            )}
          </Field>
        </div>
        {columns.length > 0 ? (
          <fieldset className="grid min-w-0 grid-cols-1 gap-2 sm:grid-cols-2">
            <legend className="mb-1 font-medium">{t('settings.mapping')}</legend>
            {mappingError && (
              <p role="alert" className="text-sm text-critical sm:col-span-2">
                {mappingError}
              </p>
            )}
            {columns.map((column) => (
              <Field key={column} label={column} error={fieldError(`mapping.${column}`)}>
                {(id) => (
                  <Select
                    id={id}
                    value={mapping[column] ?? ''}
                    onChange={(e) => {
                      setMapping({ ...mapping, [column]: e.target.value });
                      setImportId(undefined);
                    }}
                  >
                    <option value="">{t('settings.ignoreColumn')}</option>
                    {fields.data?.fields.map((f) => (
                      <option key={f.name} value={f.name}>
                        {f.label}
                        {f.required ? ' *' : ''}
                      </option>
                    ))}
                  </Select>
                )}
              </Field>
            ))}
          </fieldset>
        ) : (
          <p className="text-sm text-muted">{t('settings.pickFileFirst')}</p>
        )}
        <label className="flex min-h-11 items-center gap-2">
          <input
            type="checkbox"
            className="h-5 w-5"
            checked={skipInvalid}
            onChange={(e) => setSkipInvalid(e.target.checked)}
          />
          {t('settings.skipInvalid')}
        </label>
        <ErrorNote error={start.error} />
        <div className="flex flex-wrap gap-2">
          <Button
            type={checked ? 'button' : 'submit'}
            variant={checked ? 'secondary' : 'primary'}
            disabled={!file || busy}
            onClick={checked ? () => begin(true) : undefined}
          >
            {t('settings.checkImport')}
          </Button>
          <Button
            type={checked ? 'submit' : 'button'}
            variant={checked ? 'primary' : 'secondary'}
            disabled={!file || busy}
            onClick={checked ? undefined : () => begin(false)}
          >
            {t('settings.runImport')}
          </Button>
        </div>
      </form>
      {status && (
        <ImportStatus run={status} onImport={checked && !busy ? () => begin(false) : undefined} />
      )}
    </Card>
  );
}
