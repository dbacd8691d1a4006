// Contacts of an account, each with a role: champion, executive sponsor, admin or user.
import type { Db } from '../../db/connect.ts';
import type { ContactRow } from '../../db/schema.ts';
import { AppError } from '../../lib/errors.ts';
import type { WorkspaceId } from '../../lib/ids.ts';
import { recordAudit, recordEdit, type ChangeAuthor } from '../auth/index.ts';
import type { ContactFields, CreateContact } from './schema.ts';
import * as store from './store.ts';

export function describeContact(row: ContactRow) {
  return {
    id: row.id,
    accountId: row.account_id,
    externalId: row.external_id,
    name: row.name,
    email: row.email,
    title: row.title,
    phone: row.phone,
    role: row.role,
  };
}

export async function contactsOf(db: Db, workspaceId: WorkspaceId, accountId: string) {
  // Champions and sponsors first: the people a CSM calls.
  return (await store.contactRows(db, workspaceId, accountId)).map(describeContact);
}

export async function addContact(
  db: Db,
  by: ChangeAuthor,
  accountId: string,
  input: CreateContact,
) {
  return db.transaction().execute(async (trx) => {
    const row = await store.insertContact(trx, {
      workspace_id: by.workspaceId,
      account_id: accountId,
      external_id: input.externalId ?? null,
      name: input.name,
      email: input.email ?? null,
      title: input.title ?? null,
      phone: input.phone ?? null,
      role: input.role ?? 'user',
    });
    await recordAudit(trx, by, {
      action: 'contact.added',
      entityType: 'contact',
      entityId: row.id,
      changes: describeContact(row),
    });
    return describeContact(row);
  });
}

/** The contact, if it belongs to an account the caller may see (checked by `canSee`). */
export async function findContact(db: Db, workspaceId: WorkspaceId, id: string) {
  const row = await store.findContactRow(db, workspaceId, id);
  if (!row) throw new AppError('contact.not_found', { key: 'accounts.problem.noContact' });
  return row;
}

export async function updateContact(
  db: Db,
  by: ChangeAuthor,
  before: ContactRow,
  patch: Partial<ContactFields>,
) {
  return db.transaction().execute(async (trx) => {
    const row = await store.updateContactRow(trx, by.workspaceId, before.id, {
      external_id: patch.externalId,
      name: patch.name,
      email: patch.email,
      title: patch.title,
      phone: patch.phone,
      role: patch.role,
    });
    await recordEdit(
      trx,
      by,
      { action: 'contact.updated', entityType: 'contact', entityId: row.id },
      { before: describeContact(before), after: describeContact(row) },
    );
    return describeContact(row);
  });
}

export async function removeContact(db: Db, by: ChangeAuthor, contact: ContactRow) {
  await db.transaction().execute(async (trx) => {
    await store.deleteContactRow(trx, by.workspaceId, contact.id);
    await recordAudit(trx, by, {
      action: 'contact.removed',
      entityType: 'contact',
      entityId: contact.id,
      changes: describeContact(contact),
    });
  });
}
