// Typed custom fields: the workspace defines them; every write is checked against them.
import type { Db } from '../../db/connect.ts';
import type { CustomFieldDefinitionRow } from '../../db/schema.ts';
import { message, type Message } from '../../i18n/index.ts';
import { AppError, fieldProblem, invalid, type FieldError } from '../../lib/errors.ts';
import type { WorkspaceId } from '../../lib/ids.ts';
import { minorUnitsFromText } from '../../lib/moneyText.ts';
import { recordAudit, type ChangeAuthor } from '../auth/index.ts';
import type { CreateCustomField } from './schema.ts';
import * as store from './store.ts';

export type CustomFieldDefinition = Pick<
  CustomFieldDefinitionRow,
  'key' | 'label' | 'type' | 'options' | 'required'
>;

export function describeCustomField(row: CustomFieldDefinitionRow) {
  return {
    id: row.id,
    entity: row.entity,
    key: row.key,
    label: row.label,
    type: row.type,
    options: row.options,
    required: row.required,
  };
}

export function customFieldDefinitions(
  db: Db,
  workspaceId: WorkspaceId,
  entity: 'account' | 'task',
) {
  return store.customFieldRows(db, workspaceId, entity);
}

export async function defineCustomField(db: Db, by: ChangeAuthor, input: CreateCustomField) {
  return db.transaction().execute(async (trx) => {
    const row = await store.insertCustomField(trx, {
      workspace_id: by.workspaceId,
      entity: input.entity,
      key: input.key,
      label: input.label,
      type: input.type,
      options: input.options ?? null,
      required: input.required,
    });
    if (!row) {
      throw new AppError(
        'custom_field.key_taken',
        { key: 'accounts.problem.customFieldTaken', params: { key: input.key } },
        {
          errors: [fieldProblem('key', 'errors.field.inUse')],
        },
      );
    }
    await recordAudit(trx, by, {
      action: 'custom_field.defined',
      entityType: 'custom_field',
      entityId: row.id,
      changes: { key: row.key, type: row.type, options: row.options },
    });
    return describeCustomField(row);
  });
}

const isoDay = /^\d{4}-\d{2}-\d{2}$/;

function isCalendarDay(value: string): boolean {
  if (!isoDay.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** Why a value does not fit its field, or undefined when it does. */
export function customFieldProblem(
  field: CustomFieldDefinition,
  value: unknown,
): Message | undefined {
  switch (field.type) {
    case 'text':
      return typeof value === 'string' && value.length <= 2000
        ? undefined
        : message('accounts.field.value.text');
    case 'number':
      return typeof value === 'number' && Number.isFinite(value)
        ? undefined
        : message('accounts.field.value.number');
    case 'currency': {
      const money = value as { amount?: unknown; currency?: unknown } | null;
      return typeof money === 'object' &&
        money !== null &&
        Number.isInteger(money.amount) &&
        typeof money.currency === 'string' &&
        /^[A-Z]{3}$/.test(money.currency) &&
        Object.keys(money).length === 2
        ? undefined
        : message('accounts.field.value.currency');
    }
    case 'date':
      return typeof value === 'string' && isCalendarDay(value)
        ? undefined
        : message('accounts.field.value.date');
    case 'boolean':
      return typeof value === 'boolean' ? undefined : message('accounts.field.value.boolean');
    case 'select':
      return typeof value === 'string' && field.options?.includes(value)
        ? undefined
        : message('accounts.field.value.select', { options: field.options?.join(', ') ?? '' });
    case 'multi_select':
      return Array.isArray(value) &&
        value.every((v) => typeof v === 'string' && field.options?.includes(v)) &&
        new Set(value).size === value.length
        ? undefined
        : message('accounts.field.value.multiSelect', {
            options: field.options?.join(', ') ?? '',
          });
  }
}

/**
 * Checks custom field values against their definitions. `null` clears a value. On create,
 * required fields must be given; on update, only what is sent is checked.
 */
export function checkCustomFields(
  definitions: CustomFieldDefinition[],
  values: Record<string, unknown>,
  options: { creating: boolean; path?: string },
): Record<string, unknown> {
  const prefix = options.path ?? 'customFields';
  const byKey = new Map(definitions.map((d) => [d.key, d]));
  const errors: FieldError[] = [];
  for (const [key, value] of Object.entries(values)) {
    const field = byKey.get(key);
    if (!field) {
      errors.push(fieldProblem(`${prefix}.${key}`, 'accounts.field.noCustomField'));
    } else if (value === null) {
      if (field.required) errors.push(fieldProblem(`${prefix}.${key}`, 'errors.field.required'));
    } else {
      const problem = customFieldProblem(field, value);
      if (problem) errors.push(fieldProblem(`${prefix}.${key}`, problem.key, problem.params));
    }
  }
  if (options.creating) {
    for (const field of definitions) {
      if (
        field.required &&
        values[field.key] == null &&
        !errors.some((e) => e.path === `${prefix}.${field.key}`)
      ) {
        errors.push(fieldProblem(`${prefix}.${field.key}`, 'errors.field.required'));
      }
    }
  }
  if (errors.length > 0) throw invalid(errors, { key: 'accounts.problem.customFieldValues' });
  return values;
}

/** Turns text (a CSV cell, a query parameter) into a value of the field's type. */
export function parseCustomFieldText(field: CustomFieldDefinition, text: string): unknown {
  const trimmed = text.trim();
  switch (field.type) {
    case 'number':
      return trimmed === '' ? Number.NaN : Number(trimmed);
    case 'currency': {
      const match = /^([A-Z]{3})?\s*(-?)([\d.,]+)\s*([A-Z]{3})?$/.exec(trimmed);
      if (!match?.[3]) return trimmed;
      const currency = match[1] ?? match[4] ?? 'USD';
      // Read exactly as the imports read an amount; one that is none (¥1.5, "12,50") is left
      // as text, and refused.
      const read = minorUnitsFromText(match[3], currency);
      if (!('amount' in read)) return trimmed;
      return { amount: match[2] ? -read.amount : read.amount, currency };
    }
    case 'boolean':
      if (/^(true|yes|1)$/i.test(trimmed)) return true;
      if (/^(false|no|0)$/i.test(trimmed)) return false;
      return trimmed;
    case 'multi_select':
      return trimmed
        .split(/[;|]/)
        .map((v) => v.trim())
        .filter(Boolean);
    case 'text':
    case 'date':
    case 'select':
      return trimmed;
  }
}
