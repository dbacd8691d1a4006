// A workspace's data, out: one JSON document with every entity, or a CSV file per entity.
// Both stream page by page, so a large workspace is never held in memory at once.
//
// Accounts, contacts and contracts are written as Steward's own imports read them (the CSV
// import's field names, ARR and MRR in major units, the contract backfill's columns), so the
// files import again as they are: into another workspace, or another Steward. Everything else
// is written column for column, in the API's camelCase.
import type { Db } from '../../db/connect.ts';
import type { Clock } from '../../lib/clock.ts';
import { isoDay } from '../../lib/calendar.ts';
import type { WorkspaceId } from '../../lib/ids.ts';
import { majorUnitsText } from '../../lib/moneyText.ts';
import { csvLine, type CsvColumnType } from './csv.ts';
import { camel, exportEntities, exportSources, type ExportEntity } from './entities.ts';
import { readPage, workspaceOf, type ExportRow } from './store.ts';

const pageSize = 2000;

/** A stored value as the export writes it: instants in ISO 8601 UTC. */
function plain(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : value;
}

/** The entity's rows, page by page, in the API's spelling without the workspace column. */
export async function* exportPages(
  db: Db,
  workspaceId: WorkspaceId,
  entity: ExportEntity,
): AsyncGenerator<ExportRow[]> {
  const source = exportSources[entity];
  const skip = new Set(['workspace_id', ...(source.omit ?? [])]);
  let after: unknown[] | null = null;
  for (;;) {
    const rows = await readPage(db, workspaceId, source, after, pageSize);
    if (rows.length === 0) return;
    yield rows.map((row) =>
      Object.fromEntries(
        Object.entries(row)
          .filter(([column]) => !skip.has(column))
          .map(([column, value]) => [camel(column), plain(value)]),
      ),
    );
    const last = rows[rows.length - 1] ?? {};
    after = source.keys.map((key) => last[key]);
    if (rows.length < pageSize) return;
  }
}

async function allRows(db: Db, workspaceId: WorkspaceId, entity: ExportEntity) {
  const rows: ExportRow[] = [];
  for await (const page of exportPages(db, workspaceId, entity)) rows.push(...page);
  return rows;
}

/** The whole workspace as one JSON document, in chunks. */
export async function* exportDocument(
  db: Db,
  clock: Clock,
  workspaceId: WorkspaceId,
): AsyncGenerator<string> {
  const workspace = await workspaceOf(db, workspaceId);
  yield `{"format":"steward-export","version":1,"exportedAt":${JSON.stringify(clock.now().toISOString())},`;
  yield `"workspace":${JSON.stringify(workspace)},"entities":{`;
  const counts: Partial<Record<ExportEntity, number>> = {};
  for (const [index, entity] of exportEntities.entries()) {
    yield `${index > 0 ? ',' : ''}${JSON.stringify(entity)}:[`;
    let count = 0;
    for await (const page of exportPages(db, workspaceId, entity)) {
      yield `${count > 0 ? ',' : ''}${page.map((row) => JSON.stringify(row)).join(',')}`;
      count += page.length;
    }
    counts[entity] = count;
    yield ']';
  }
  yield `},"counts":${JSON.stringify(counts)}}`;
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');
const money = (amount: unknown, currency: unknown) =>
  typeof amount === 'number' && typeof currency === 'string'
    ? majorUnitsText({ amount, currency })
    : '';
const day = (value: unknown) => (typeof value === 'string' && value ? isoDay(new Date(value)) : '');

/** A custom field's value as the CSV import reads it back (accounts' parseCustomFieldText). */
function customFieldText(type: unknown, value: unknown): string {
  if (value === null || value === undefined) return '';
  if (type === 'currency' && typeof value === 'object') {
    const { amount, currency } = value as { amount: number; currency: string };
    return `${currency} ${majorUnitsText({ amount, currency })}`;
  }
  if (Array.isArray(value)) return value.join(';');
  return String(value);
}

/** Accounts as the CSV import reads them: an account without an external id is keyed by its id. */
async function* accountsCsv(db: Db, workspaceId: WorkspaceId): AsyncGenerator<string> {
  const definitions = (await allRows(db, workspaceId, 'customFields')).filter(
    (d) => d.entity === 'account',
  );
  const emails = new Map(
    (await allRows(db, workspaceId, 'people')).map((p) => [p.id, text(p.email)]),
  );
  const header = [
    'externalId',
    'name',
    'domain',
    'tier',
    'plan',
    'arr',
    'currency',
    'seats',
    'stage',
    'renewalDate',
    'priority',
    'ownerEmail',
    'id',
    ...definitions.map((d) => `cf.${text(d.key)}`),
  ];
  // ARR (major units, written as text) and custom fields of the number type are number
  // columns: a negative amount stays a number, not a quoted word (csv.ts).
  const numbers = new Set([
    'arr',
    ...definitions.filter((d) => d.type === 'number').map((d) => `cf.${text(d.key)}`),
  ]);
  const types = header.map((name): CsvColumnType => (numbers.has(name) ? 'number' : 'text'));
  yield csvLine(header);
  for await (const page of exportPages(db, workspaceId, 'accounts')) {
    yield page
      .map((a) => {
        const custom = (a.customFields ?? {}) as Record<string, unknown>;
        return csvLine(
          [
            a.externalId ?? a.id,
            a.name,
            a.domain,
            a.tier,
            a.plan,
            money(a.arrAmount, a.currency),
            a.currency,
            a.seats,
            a.stage,
            a.renewalDate,
            a.priority,
            emails.get(a.ownerId) ?? '',
            a.id,
            ...definitions.map((d) => customFieldText(d.type, custom[text(d.key)])),
          ],
          types,
        );
      })
      .join('');
  }
}

/** Each live account's key in the files: its external id, else its Steward id. */
async function accountKeys(db: Db, workspaceId: WorkspaceId) {
  const keys = new Map<unknown, unknown>();
  for await (const page of exportPages(db, workspaceId, 'accounts')) {
    for (const a of page) keys.set(a.id, a.externalId ?? a.id);
  }
  return keys;
}

async function* contactsCsv(db: Db, workspaceId: WorkspaceId): AsyncGenerator<string> {
  const accounts = await accountKeys(db, workspaceId);
  yield csvLine([
    'externalId',
    'accountExternalId',
    'name',
    'email',
    'title',
    'phone',
    'role',
    'id',
  ]);
  for await (const page of exportPages(db, workspaceId, 'contacts')) {
    yield page
      .filter((c) => accounts.has(c.accountId))
      .map((c) =>
        csvLine([
          c.externalId ?? c.id,
          accounts.get(c.accountId),
          c.name,
          c.email,
          c.title,
          c.phone,
          c.role,
          c.id,
        ]),
      )
      .join('');
  }
}

/** Contracts in the contract backfill's columns (`POST /contracts/import`). */
async function* contractsCsv(db: Db, workspaceId: WorkspaceId): AsyncGenerator<string> {
  const accounts = await accountKeys(db, workspaceId);
  const header = [
    'contract_id',
    'account_external_id',
    'plan',
    'mrr',
    'currency',
    'seats',
    'start_date',
    'end_date',
    'status',
    'source',
  ];
  // The MRR (major units, written as text) is a number column: a credit's minus sign stays.
  const types = header.map((name): CsvColumnType => (name === 'mrr' ? 'number' : 'text'));
  yield csvLine(header);
  for await (const page of exportPages(db, workspaceId, 'contracts')) {
    yield page
      .filter((k) => accounts.has(k.accountId))
      .map((k) =>
        csvLine(
          [
            k.externalId,
            accounts.get(k.accountId),
            k.plan,
            money(k.mrrAmount, k.currency),
            k.currency,
            k.seats,
            day(k.startedAt),
            day(k.currentPeriodEnd ?? k.endedAt),
            k.status,
            k.source,
          ],
          types,
        ),
      )
      .join('');
  }
}

/** Any other entity column for column; the header is the first row's columns. */
async function* rawCsv(db: Db, workspaceId: WorkspaceId, entity: ExportEntity) {
  let columns: string[] | undefined;
  for await (const page of exportPages(db, workspaceId, entity)) {
    const first = columns === undefined;
    const header = (columns ??= Object.keys(page[0] ?? {}));
    yield (
      (first ? csvLine(header) : '') +
      page.map((row) => csvLine(header.map((c) => row[c]))).join('')
    );
  }
}

/** One entity as a CSV file, in chunks. */
export async function* exportCsv(
  db: Db,
  workspaceId: WorkspaceId,
  entity: ExportEntity,
): AsyncGenerator<string> {
  if (entity === 'accounts') yield* accountsCsv(db, workspaceId);
  else if (entity === 'contacts') yield* contactsCsv(db, workspaceId);
  else if (entity === 'contracts') yield* contractsCsv(db, workspaceId);
  else yield* rawCsv(db, workspaceId, entity);
}

/**
 * Runs `work` in one read-only snapshot of the database (REPEATABLE READ), so every entity of
 * an export is read as of the same moment: no contact whose account appeared mid-export.
 */
export function inSnapshot<T>(db: Db, work: (snapshot: Db) => Promise<T>): Promise<T> {
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute(work);
}

/**
 * The chunks `produce` reads from one snapshot, as a stream its reader pulls at its own pace:
 * the snapshot's transaction stays open until the last chunk is taken (or the reader stops).
 */
export function snapshotStream(
  db: Db,
  produce: (snapshot: Db) => AsyncGenerator<string>,
): ReadableStream<string> {
  let stopped = false;
  let wake: (() => void) | undefined;
  const resume = () => {
    wake?.();
    wake = undefined;
  };
  return new ReadableStream<string>(
    {
      start(controller) {
        inSnapshot(db, async (snapshot) => {
          for await (const chunk of produce(snapshot)) {
            if (stopped) return;
            controller.enqueue(chunk);
            while (!stopped && (controller.desiredSize ?? 1) <= 0) {
              await new Promise<void>((resolve) => (wake = resolve));
            }
          }
        }).then(
          () => {
            if (!stopped) controller.close();
          },
          (error: unknown) => controller.error(error),
        );
      },
      pull: resume,
      cancel() {
        stopped = true;
        resume();
      },
    },
    new CountQueuingStrategy({ highWaterMark: 8 }),
  );
}

/** The export's file names: `acme-2026-12-03.json`, `acme-2026-12-03-accounts.csv`. */
export async function exportFileName(
  db: Db,
  clock: Clock,
  workspaceId: WorkspaceId,
  entity?: ExportEntity,
) {
  const { slug } = await workspaceOf(db, workspaceId);
  const stem = `${slug}-${isoDay(clock.now())}`;
  return entity ? `${stem}-${entity}.csv` : `${stem}.json`;
}
