// CSV import: pick a file, map its columns, check it (dry run), then import — with progress
// and every rejected row by line and reason.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useImport, useImportFields, useStartImport } from '../../api/admin.ts';
import { Button, Card, ErrorNote, Field, Select } from '../../components/ui.tsx';

/** The header row of a CSV file (quoted names allowed), read in the browser to map columns. */
async function readHeader(file: File): Promise<string[]> {
  const text = await file.slice(0, 64 * 1024).text();
  const line = text.split(/\r?\n/)[0] ?? '';
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

const normalize = (name: string) => name.toLowerCase().replace(/[\s_-]/g, '');

export function ImportSettings() {
  const { t } = useTranslation();
  const [entity, setEntity] = useState<'accounts' | 'contacts'>('accounts');
  const fields = useImportFields(entity);
  const start = useStartImport();
  const [file, setFile] = useState<File>();
  const [columns, setColumns] = useState<string[]>([]);
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [dryRun, setDryRun] = useState(true);
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [importId, setImportId] = useState<string>();
  const run = useImport(importId);

  const choose = async (chosen: File | undefined) => {
    setFile(chosen);
    setImportId(undefined);
    if (!chosen) return;
    const header = await readHeader(chosen);
    setColumns(header);
    const known = fields.data?.fields ?? [];
    setMapping(Object.fromEntries(header.map((c) => [c, known.find((f) => normalize(f.name) === normalize(c) || normalize(f.label) === normalize(c))?.name ?? ''])));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    start.mutate({ entity, file, mapping, dryRun, skipInvalid }, { onSuccess: (created) => setImportId(created.id) });
  };

  const status = run.data;
  const percent = status ? Math.round((100 * status.progress.processedBytes) / Math.max(1, status.progress.totalBytes)) : 0;

  return (
    <Card title={t('settings.import')}>
      <form onSubmit={submit} className="flex flex-col gap-4">
        <div className="grid gap-3 sm:grid-cols-2">
          <Field label={t('settings.importEntity')}>
            {(id) => (
              <Select id={id} value={entity} onChange={(e) => setEntity(e.target.value as typeof entity)}>
                <option value="accounts">{t('settings.importEntities.accounts')}</option>
                <option value="contacts">{t('settings.importEntities.contacts')}</option>
              </Select>
            )}
          </Field>
          <Field label={t('settings.importFile')}>
            {(id) => <input id={id} type="file" accept=".csv,text/csv" required className="min-h-11" onChange={(e) => void choose(e.target.files?.[0])} />}
          </Field>
        </div>
        {columns.length > 0 && (
          <fieldset className="grid gap-2 sm:grid-cols-2">
            <legend className="mb-1 font-medium">{t('settings.mapping')}</legend>
            {columns.map((column) => (
              <Field key={column} label={column}>
                {(id) => (
                  <Select id={id} value={mapping[column] ?? ''} onChange={(e) => setMapping({ ...mapping, [column]: e.target.value })}>
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
        )}
        <label className="flex min-h-11 items-center gap-2">
          <input type="checkbox" className="h-5 w-5" checked={dryRun} onChange={(e) => setDryRun(e.target.checked)} />
          {t('settings.dryRun')}
        </label>
        <label className="flex min-h-11 items-center gap-2">
          <input type="checkbox" className="h-5 w-5" checked={skipInvalid} onChange={(e) => setSkipInvalid(e.target.checked)} />
          {t('settings.skipInvalid')}
        </label>
        <ErrorNote error={start.error} />
        <Button type="submit" disabled={!file || start.isPending} className="self-start">
          {t('settings.startImport')}
        </Button>
      </form>
      {status && (
        <div className="mt-4 flex flex-col gap-2" aria-live="polite">
          <progress className="w-full" max={100} value={percent} aria-label={t('settings.progress', { rows: status.progress.processedRows })} />
          <p>{t('settings.progress', { rows: status.progress.processedRows })}</p>
          <p>{t('settings.counts', status.counts)}</p>
          {status.status === 'done' && <p className="text-healthy">{t('settings.importDone')}</p>}
          {status.status === 'failed' && <p className="text-critical">{t('settings.importFailed', { reason: status.failure })}</p>}
          {status.rejections.length > 0 && (
            <>
              <h3 className="font-semibold">{t('settings.rejections')}</h3>
              <ul className="max-h-80 overflow-auto text-sm">
                {status.rejections.map((r) => (
                  <li key={r.line}>
                    <span className="font-medium">{t('settings.line', { line: r.line })}</span>: {r.reason}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </Card>
  );
}
