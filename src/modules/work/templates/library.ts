// The template library: templates, each edit a new version, projects remember theirs.
import type { Db } from '../../../db/connect.ts';
import { AppError } from '../../../lib/errors.ts';
import type { WorkspaceId } from '../../../lib/ids.ts';
import { recordAudit, type ChangeAuthor } from '../../auth/index.ts';
import {
  checkTemplateDefinition,
  rolesOf,
  templateDefinitionSchema,
  type TemplateDefinition,
  type TemplateDefinitionInput,
} from './definition.ts';
import type { WorkKind } from '../../../db/schema.ts';
import * as store from './store.ts';
import type { TemplateRow } from './store.ts';

export type TemplateInput = {
  name: string;
  description: string | null;
  kind: WorkKind;
  /** As written: fields with defaults (the anchor, …) may be left out. */
  definition: TemplateDefinitionInput;
};

export type Template = {
  id: string;
  name: string;
  description: string | null;
  kind: WorkKind;
  version: number;
  definition: TemplateDefinition;
  roles: string[];
  taskCount: number;
  createdAt: string;
  updatedAt: string;
};

function describeTemplate(row: TemplateRow): Template {
  // Stored definitions were checked on save; parsing again fills defaults added since.
  const definition = templateDefinitionSchema.parse(row.definition);
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    kind: row.kind,
    version: row.current_version,
    definition,
    roles: rolesOf(definition),
    taskCount: definition.tasks.length,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export async function listTemplates(db: Db, workspaceId: WorkspaceId): Promise<Template[]> {
  return (await store.templateRows(db, workspaceId)).map(describeTemplate);
}

export async function getTemplate(db: Db, workspaceId: WorkspaceId, id: string): Promise<Template> {
  const row = await store.findTemplateRow(db, workspaceId, id);
  if (!row) throw new AppError('template.not_found', { key: 'work.problem.noTemplate' });
  return describeTemplate(row);
}

/** One version of a template, as a project made from it saw it. */
export async function templateVersion(
  db: Db,
  workspaceId: WorkspaceId,
  id: string,
  version: number,
) {
  const row = await store.templateVersionRow(db, workspaceId, id, version);
  if (!row)
    throw new AppError('template.not_found', {
      key: 'work.problem.noTemplateVersion',
      params: { version: String(version) },
    });
  return templateDefinitionSchema.parse(row.definition);
}

export async function createTemplate(
  db: Db,
  by: ChangeAuthor,
  input: TemplateInput,
): Promise<Template> {
  const definition = checkTemplateDefinition(templateDefinitionSchema.parse(input.definition));
  return db.transaction().execute(async (trx) => {
    const id = await store.insertTemplate(trx, {
      workspaceId: by.workspaceId,
      name: input.name,
      description: input.description,
      kind: input.kind,
      createdBy: by.userId,
    });
    await store.insertTemplateVersion(trx, {
      templateId: id,
      version: 1,
      workspaceId: by.workspaceId,
      definition: JSON.stringify(definition),
      createdBy: by.userId,
    });
    await recordAudit(trx, by, {
      action: 'template.created',
      entityType: 'template',
      entityId: id,
      changes: { name: input.name },
    });
    return getTemplate(trx, by.workspaceId, id);
  });
}

/** An edit is a new version; projects made from earlier versions keep theirs until upgraded. */
export async function reviseTemplate(
  db: Db,
  by: ChangeAuthor,
  id: string,
  input: TemplateInput,
): Promise<Template> {
  const definition = checkTemplateDefinition(templateDefinitionSchema.parse(input.definition));
  return db.transaction().execute(async (trx) => {
    const current = await store.lockCurrentVersion(trx, by.workspaceId, id);
    if (!current) throw new AppError('template.not_found', { key: 'work.problem.noTemplate' });
    const version = current.current_version + 1;
    await store.insertTemplateVersion(trx, {
      templateId: id,
      version,
      workspaceId: by.workspaceId,
      definition: JSON.stringify(definition),
      createdBy: by.userId,
    });
    await store.reviseTemplateRow(trx, by.workspaceId, id, {
      name: input.name,
      description: input.description,
      kind: input.kind,
      version,
    });
    await recordAudit(trx, by, {
      action: 'template.revised',
      entityType: 'template',
      entityId: id,
      changes: { version },
    });
    return getTemplate(trx, by.workspaceId, id);
  });
}
