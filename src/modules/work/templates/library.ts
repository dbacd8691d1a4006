// The template library: templates, each edit a new version, projects remember theirs.
import { sql } from 'kysely';
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

type TemplateRow = {
  id: string;
  name: string;
  description: string | null;
  kind: WorkKind;
  current_version: number;
  definition: unknown;
  created_at: Date;
  updated_at: Date;
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

function selectTemplates(db: Db, workspaceId: WorkspaceId) {
  return db
    .selectFrom('templates')
    .innerJoin('template_versions as v', (join) =>
      join
        .onRef('v.template_id', '=', 'templates.id')
        .onRef('v.version', '=', 'templates.current_version'),
    )
    .select([
      'templates.id',
      'templates.name',
      'templates.description',
      'templates.kind',
      'templates.current_version',
      'v.definition',
      'templates.created_at',
      'templates.updated_at',
    ])
    .where('templates.workspace_id', '=', workspaceId)
    .where('templates.archived_at', 'is', null);
}

export async function listTemplates(db: Db, workspaceId: WorkspaceId): Promise<Template[]> {
  return (await selectTemplates(db, workspaceId).orderBy('templates.name').execute()).map(
    describeTemplate,
  );
}

export async function getTemplate(db: Db, workspaceId: WorkspaceId, id: string): Promise<Template> {
  const row = await selectTemplates(db, workspaceId)
    .where('templates.id', '=', id)
    .executeTakeFirst();
  if (!row) throw new AppError('template.not_found', 'No such template.');
  return describeTemplate(row);
}

/** One version of a template, as a project made from it saw it. */
export async function templateVersion(
  db: Db,
  workspaceId: WorkspaceId,
  id: string,
  version: number,
) {
  const row = await db
    .selectFrom('template_versions')
    .select('definition')
    .where('workspace_id', '=', workspaceId)
    .where('template_id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  if (!row) throw new AppError('template.not_found', `No version ${version} of that template.`);
  return templateDefinitionSchema.parse(row.definition);
}

export async function createTemplate(
  db: Db,
  by: ChangeAuthor,
  input: TemplateInput,
): Promise<Template> {
  const definition = checkTemplateDefinition(templateDefinitionSchema.parse(input.definition));
  return db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('templates')
      .values({
        workspace_id: by.workspaceId,
        name: input.name,
        description: input.description,
        kind: input.kind,
        created_by: by.userId,
        updated_at: sql`now()`,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('template_versions')
      .values({
        template_id: id,
        version: 1,
        workspace_id: by.workspaceId,
        definition: JSON.stringify(definition),
        created_by: by.userId,
      })
      .execute();
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
    const current = await trx
      .selectFrom('templates')
      .select('current_version')
      .where('workspace_id', '=', by.workspaceId)
      .where('id', '=', id)
      .where('archived_at', 'is', null)
      .forUpdate()
      .executeTakeFirst();
    if (!current) throw new AppError('template.not_found', 'No such template.');
    const version = current.current_version + 1;
    await trx
      .insertInto('template_versions')
      .values({
        template_id: id,
        version,
        workspace_id: by.workspaceId,
        definition: JSON.stringify(definition),
        created_by: by.userId,
      })
      .execute();
    await trx
      .updateTable('templates')
      .set({
        name: input.name,
        description: input.description,
        kind: input.kind,
        current_version: version,
        updated_at: sql`now()`,
      })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, by, {
      action: 'template.revised',
      entityType: 'template',
      entityId: id,
      changes: { version },
    });
    return getTemplate(trx, by.workspaceId, id);
  });
}
