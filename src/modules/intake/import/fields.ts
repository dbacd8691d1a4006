// What a CSV column can be imported into, and which column goes where: the field catalog of
// accounts and contacts (custom fields as `cf.<key>`) and the mapping from the file's header.
import { message, renderMessage, type Locale, type MessageKey } from '../../../i18n/index.ts';
import { AppError, invalid, type FieldError } from '../../../lib/errors.ts';
import { prioritySchema, stageSchema, tierSchema } from '../../../lib/vocabulary.ts';
import { contactRoleSchema, type CustomFieldDefinition } from '../../accounts/index.ts';
import { fieldError as mappingError, type After } from './problems.ts';

// `usage` is historical product usage, per account, feature and day (../segment/backfill.ts).
export const importEntities = ['accounts', 'contacts', 'usage'] as const;
export type ImportEntity = (typeof importEntities)[number];

export type ImportField = {
  name: string;
  label: string;
  required: boolean;
  type:
    | 'text'
    | 'integer'
    | 'number'
    | 'money'
    | 'currency_code'
    | 'date'
    | 'email'
    | 'select'
    | 'multi_select'
    | 'boolean'
    | 'currency';
  options?: readonly string[];
};

/** A field of Steward's own: its label is a message (`imports.field.<label>`), for the reader. */
type BuiltinField = Omit<ImportField, 'label'> & { label: After<MessageKey, 'imports.field.'> };

const accountFields: BuiltinField[] = [
  { name: 'externalId', label: 'externalId', required: true, type: 'text' },
  { name: 'name', label: 'name', required: true, type: 'text' },
  { name: 'domain', label: 'domain', required: false, type: 'text' },
  { name: 'tier', label: 'tier', required: false, type: 'select', options: tierSchema.options },
  { name: 'plan', label: 'plan', required: false, type: 'text' },
  { name: 'arr', label: 'arr', required: false, type: 'money' },
  {
    name: 'currency',
    label: 'currency',
    required: false,
    type: 'currency_code',
  },
  { name: 'seats', label: 'seats', required: false, type: 'integer' },
  { name: 'stage', label: 'stage', required: false, type: 'select', options: stageSchema.options },
  { name: 'renewalDate', label: 'renewalDate', required: false, type: 'date' },
  {
    name: 'priority',
    label: 'priority',
    required: false,
    type: 'select',
    options: prioritySchema.options,
  },
  { name: 'owner', label: 'owner', required: false, type: 'email' },
];

const contactFields: BuiltinField[] = [
  { name: 'externalId', label: 'externalId', required: true, type: 'text' },
  { name: 'accountExternalId', label: 'accountExternalId', required: true, type: 'text' },
  { name: 'name', label: 'contactName', required: true, type: 'text' },
  // CRMs export a person's name in two columns: joined, they are the name.
  {
    name: 'firstName',
    label: 'firstName',
    required: false,
    type: 'text',
  },
  {
    name: 'lastName',
    label: 'lastName',
    required: false,
    type: 'text',
  },
  { name: 'email', label: 'email', required: false, type: 'email' },
  { name: 'title', label: 'title', required: false, type: 'text' },
  { name: 'phone', label: 'phone', required: false, type: 'text' },
  {
    name: 'role',
    label: 'role',
    required: false,
    type: 'select',
    options: contactRoleSchema.options,
  },
];

const usageFields: BuiltinField[] = [
  { name: 'accountExternalId', label: 'accountExternalId', required: true, type: 'text' },
  { name: 'day', label: 'day', required: true, type: 'date' },
  {
    name: 'feature',
    label: 'feature',
    required: true,
    type: 'text',
  },
  { name: 'events', label: 'events', required: true, type: 'integer' },
  {
    name: 'logins',
    label: 'logins',
    required: false,
    type: 'integer',
  },
  {
    name: 'activeUsers',
    label: 'activeUsers',
    required: false,
    type: 'text',
  },
];

export const customFieldPrefix = 'cf.';

/**
 * Every field a column can map to; an account's custom fields are `cf.<key>`. Steward's own
 * fields are labelled in `locale` (a custom field's label is the workspace's own words); a
 * mapping is matched by name, so the language matters only to the person choosing.
 */
export function importFields(
  entity: ImportEntity,
  definitions: CustomFieldDefinition[],
  locale: Locale = 'en',
): ImportField[] {
  const labelled = (fields: BuiltinField[]): ImportField[] =>
    fields.map((f) => ({
      ...f,
      label: renderMessage(message(`imports.field.${f.label}`), locale),
    }));
  if (entity === 'contacts') return labelled(contactFields);
  if (entity === 'usage') return labelled(usageFields);
  return [
    ...labelled(accountFields),
    ...definitions.map((d) => ({
      name: `${customFieldPrefix}${d.key}`,
      label: d.label,
      required: d.required,
      type: d.type,
      ...(d.options ? { options: d.options } : {}),
    })),
  ];
}

/** "External ID", "external_id" and "externalId" are the same name to a person. */
export function comparable(name: string): string {
  return name.toLowerCase().replace(/[\s_-]+/g, '');
}

/** Which field each column of the file feeds; columns mapped to nothing are ignored. */
export type ImportPlan = {
  entity: ImportEntity;
  /** Column index of each mapped field. */
  columnOf: ReadonlyMap<string, number>;
  /** The mapping as applied, by column name ('' = ignored); stored with a web import. */
  mapping: Record<string, string>;
  ignoredColumns: string[];
  headerLength: number;
};

/**
 * Maps the header to fields. An explicit mapping wins for the columns it names ('' ignores a
 * column); every other column maps itself when its name is a field's name (or, for custom
 * fields, its key or label), unless that field is taken already.
 */
export function planImport(
  entity: ImportEntity,
  fields: ImportField[],
  header: string[],
  explicit: Record<string, string> = {},
): ImportPlan {
  const seen = new Set<string>();
  for (const column of header) {
    if (seen.has(column)) {
      throw new AppError('import.invalid_file', {
        key: 'intake.problem.duplicateColumn',
        params: { column },
      });
    }
    seen.add(column);
  }
  const byName = new Map(fields.map((f) => [f.name, f]));
  const errors: FieldError[] = [];
  const fieldOf = new Map<string, string>();
  const columnFor = new Map<string, string>();

  for (const [column, field] of Object.entries(explicit)) {
    if (!seen.has(column)) {
      errors.push(mappingError(`mapping.${column}`, message('imports.mapping.noColumn')));
    } else if (field === '') {
      fieldOf.set(column, '');
    } else if (!byName.has(field)) {
      errors.push(
        mappingError(`mapping.${column}`, message('imports.mapping.unknownField', { field })),
      );
    } else if (columnFor.has(field)) {
      errors.push(
        mappingError(
          `mapping.${column}`,
          message('imports.mapping.mappedTwice', { field, column: columnFor.get(field) ?? '' }),
        ),
      );
    } else {
      fieldOf.set(column, field);
      columnFor.set(field, column);
    }
  }

  // Built-in names first, then custom field keys and labels: "Name" is the account's name.
  const automatic = new Map<string, string>();
  for (const field of fields) automatic.set(comparable(field.name), field.name);
  for (const field of fields) {
    if (!field.name.startsWith(customFieldPrefix)) continue;
    for (const alias of [field.name.slice(customFieldPrefix.length), field.label]) {
      if (!automatic.has(comparable(alias))) automatic.set(comparable(alias), field.name);
    }
  }
  for (const column of header) {
    if (fieldOf.has(column)) continue;
    const field = automatic.get(comparable(column));
    if (field && !columnFor.has(field)) {
      fieldOf.set(column, field);
      columnFor.set(field, column);
    } else {
      fieldOf.set(column, '');
    }
  }

  // A contact's name may come as first and last name columns instead.
  const nameInParts = columnFor.has('firstName') || columnFor.has('lastName');
  for (const field of fields) {
    // A required custom field may be left out: existing accounts keep their value, and a new
    // account without it is rejected row by row.
    if (field.name === 'name' && entity === 'contacts' && nameInParts) continue;
    if (field.required && !field.name.startsWith(customFieldPrefix) && !columnFor.has(field.name)) {
      errors.push(
        mappingError('mapping', message('imports.mapping.requiredField', { field: field.name })),
      );
    }
  }
  if (errors.length > 0) throw invalid(errors, { key: 'intake.problem.mappingMisfit' });

  const columnOf = new Map<string, number>();
  header.forEach((column, index) => {
    const field = fieldOf.get(column);
    if (field) columnOf.set(field, index);
  });
  return {
    entity,
    columnOf,
    mapping: Object.fromEntries(header.map((column) => [column, fieldOf.get(column) ?? ''])),
    ignoredColumns: header.filter((column) => !fieldOf.get(column)),
    headerLength: header.length,
  };
}

/** Parses `--map "Company=name"` options; the field is after the last `=`. */
export function mappingFromPairs(pairs: string[]): Record<string, string> {
  const mapping: Record<string, string> = {};
  const errors: FieldError[] = [];
  for (const pair of pairs) {
    const at = pair.lastIndexOf('=');
    if (at <= 0) errors.push(mappingError(`map.${pair}`, message('imports.mapping.pair')));
    else mapping[pair.slice(0, at)] = pair.slice(at + 1).trim();
  }
  if (errors.length > 0) throw invalid(errors, { key: 'intake.problem.mappingUnreadable' });
  return mapping;
}
