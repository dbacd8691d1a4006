// The Kysely `Database` type must describe the migrated tables exactly: same tables, same
// columns, same nullability. Read with the TypeScript compiler, compared with the catalog.
import ts from 'typescript';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { useTestDatabase } from '../../test/support/db.ts';

const database = await useTestDatabase();

function declaredTables(): Record<string, Record<string, boolean>> {
  const file = fileURLToPath(new URL('./schema.ts', import.meta.url));
  const program = ts.createProgram([file], {
    strict: true,
    skipLibCheck: true,
    allowImportingTsExtensions: true,
    noEmit: true,
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file);
  if (!source) throw new Error('schema.ts not found');
  const alias = source.statements.find(
    (s): s is ts.TypeAliasDeclaration => ts.isTypeAliasDeclaration(s) && s.name.text === 'Database',
  );
  if (!alias) throw new Error('no Database type in schema.ts');
  const tables: Record<string, Record<string, boolean>> = {};
  for (const table of checker.getTypeAtLocation(alias).getProperties()) {
    const tableType = checker.getTypeOfSymbolAtLocation(table, alias);
    tables[table.name] = {};
    for (const column of tableType.getProperties()) {
      const columnType = checker.getTypeOfSymbolAtLocation(column, alias);
      // A ColumnType<Select, …> is read through its select type (`__select__`).
      const selected = columnType.getProperty('__select__');
      const readType = selected ? checker.getTypeOfSymbolAtLocation(selected, alias) : columnType;
      const nullable =
        readType.isUnion() && readType.types.some((t) => t.flags & ts.TypeFlags.Null);
      (tables[table.name] as Record<string, boolean>)[column.name] = nullable;
    }
  }
  return tables;
}

async function migratedTables(): Promise<Record<string, Record<string, boolean>>> {
  const rows = await database.db
    .selectFrom('information_schema.columns' as never)
    .select(['table_name', 'column_name', 'is_nullable'] as never[])
    .where('table_schema' as never, '=', 'public' as never)
    .where('table_name' as never, 'not like', 'kysely_%' as never)
    .execute();
  const tables: Record<string, Record<string, boolean>> = {};
  for (const row of rows as { table_name: string; column_name: string; is_nullable: string }[]) {
    tables[row.table_name] ??= {};
    (tables[row.table_name] as Record<string, boolean>)[row.column_name] =
      row.is_nullable === 'YES';
  }
  return tables;
}

/** Views: the catalog calls every view column nullable, whatever it holds. */
async function viewNames(): Promise<Set<string>> {
  const rows = await database.db
    .selectFrom('information_schema.views' as never)
    .select('table_name' as never)
    .where('table_schema' as never, '=', 'public' as never)
    .execute();
  return new Set((rows as { table_name: string }[]).map((r) => r.table_name));
}

it('describes the migrated tables, columns and nullability exactly', async () => {
  const declared = declaredTables();
  const migrated = await migratedTables();
  // A view's columns are compared by name: its nullability is the declaration's to state.
  for (const view of await viewNames()) {
    for (const column of Object.keys(migrated[view] ?? {})) {
      const stated = declared[view]?.[column];
      if (stated !== undefined) (migrated[view] as Record<string, boolean>)[column] = stated;
    }
  }
  expect(declared).toEqual(migrated);
});
