// Work: projects per account with stages and tasks, comments with @mentions, versioned
// templates, and the workspace's holidays for business-day offsets.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table workspace_holidays (
      workspace_id uuid not null references workspaces on delete cascade,
      day date not null,
      name text not null,
      primary key (workspace_id, day)
    );

    create table templates (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces on delete cascade,
      name text not null,
      description text,
      kind text not null check (kind in ('onboarding', 'escalation', 'health_check', 'qbr_prep', 'renewal', 'other')),
      current_version integer not null default 1,
      created_by uuid references users,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      archived_at timestamptz
    );
    create index templates_workspace_idx on templates (workspace_id, name);

    -- Every edit makes a new version; a project remembers the version it came from.
    create table template_versions (
      template_id uuid not null references templates on delete cascade,
      version integer not null,
      workspace_id uuid not null references workspaces on delete cascade,
      definition jsonb not null,
      created_by uuid references users,
      created_at timestamptz not null default now(),
      primary key (template_id, version)
    );

    create table projects (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces on delete cascade,
      account_id uuid not null references accounts on delete cascade,
      name text not null,
      kind text not null check (kind in ('onboarding', 'escalation', 'health_check', 'qbr_prep', 'renewal', 'other')),
      status text not null default 'active' check (status in ('active', 'on_hold', 'completed', 'cancelled')),
      template_id uuid references templates on delete set null,
      template_version integer,
      start_date date not null,
      created_by uuid references users,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      completed_at timestamptz,
      deleted_at timestamptz
    );
    create index projects_account_idx on projects (workspace_id, account_id) where deleted_at is null;
    -- Onboarding statistics read the projects made from one template.
    create index projects_template_idx on projects (workspace_id, template_id) where deleted_at is null;

    create table project_stages (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces on delete cascade,
      project_id uuid not null references projects on delete cascade,
      key text not null,
      name text not null,
      description text,
      position integer not null,
      expected_days integer,
      success_criteria text[] not null default '{}',
      started_at timestamptz,
      completed_at timestamptz,
      unique (project_id, key)
    );

    create table tasks (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces on delete cascade,
      account_id uuid not null references accounts on delete cascade,
      project_id uuid references projects on delete cascade,
      stage_id uuid references project_stages on delete set null,
      parent_id uuid references tasks on delete cascade,
      template_task_key text,
      title text not null,
      description text,
      status text not null default 'todo'
        check (status in ('todo', 'in_progress', 'blocked', 'waiting_on_customer', 'done')),
      priority text not null default 'P2' check (priority in ('P0', 'P1', 'P2', 'P3')),
      tags text[] not null default '{}',
      assignee_id uuid references users,
      due_at timestamptz,
      checklist jsonb not null default '[]',
      custom_fields jsonb not null default '{}',
      is_first_value boolean not null default false,
      position integer not null default 0,
      created_by uuid references users,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      started_at timestamptz,
      completed_at timestamptz,
      -- Who last touched the task and when; SLA timers measure from here.
      last_activity_at timestamptz not null default now(),
      last_activity_by uuid references users,
      deleted_at timestamptz
    );
    create index tasks_project_idx on tasks (workspace_id, project_id, position) where deleted_at is null;
    create index tasks_account_idx on tasks (workspace_id, account_id) where deleted_at is null;
    -- "My work": a person's open tasks by due date.
    create index tasks_assignee_open_idx on tasks (workspace_id, assignee_id, due_at)
      where deleted_at is null and status <> 'done';
    create index tasks_parent_idx on tasks (parent_id) where parent_id is not null;

    create table task_dependencies (
      workspace_id uuid not null references workspaces on delete cascade,
      task_id uuid not null references tasks on delete cascade,
      depends_on_id uuid not null references tasks on delete cascade,
      primary key (task_id, depends_on_id),
      check (task_id <> depends_on_id)
    );
    create index task_dependencies_depends_on_idx on task_dependencies (depends_on_id);

    create table task_comments (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces on delete cascade,
      task_id uuid not null references tasks on delete cascade,
      author_id uuid references users,
      body text not null,
      created_at timestamptz not null default now()
    );
    create index task_comments_task_idx on task_comments (task_id, created_at);

    -- Who a comment names; acknowledged when that person opens or answers it.
    create table mentions (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces on delete cascade,
      comment_id uuid not null references task_comments on delete cascade,
      task_id uuid not null references tasks on delete cascade,
      user_id uuid not null references users on delete cascade,
      created_at timestamptz not null default now(),
      acknowledged_at timestamptz,
      unique (comment_id, user_id)
    );
    create index mentions_user_idx on mentions (workspace_id, user_id) where acknowledged_at is null;
  `.execute(db);
}
