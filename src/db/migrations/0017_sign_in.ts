// Sign-in that cannot be used to lock people out, and ways back in. Failed sign-ins were rows
// counted per e-mail and per address, then compared with a limit: the count and the new row
// were two statements (parallel guesses got past the limit) and the limit was a hard lock for
// fifteen minutes. Now one row per e-mail and per client address holds its recent failures
// and until when the next attempt must wait; an attempt claims its turn in one statement
// (auth/throttle.ts). Password resets by e-mail link, and the indexes the daily clean-up uses.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table login_failures;

    -- key: 'email:<lower-case address>' or 'address:<client IP>'.
    create table sign_in_throttles (
      key text primary key,
      failures integer not null check (failures >= 0),
      last_failed_at timestamptz not null,
      -- The next attempt waits until then; null: no wait.
      blocked_until timestamptz
    );
    -- The daily clean-up drops rows whose failures are old.
    create index sign_in_throttles_last_failed_idx on sign_in_throttles (last_failed_at);

    -- A reset link: its token is the row's id signed with the install's key (lib/secrets.ts),
    -- so nothing here lets anyone reset a password.
    create table password_resets (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces on delete cascade,
      user_id uuid not null references users on delete cascade,
      created_at timestamptz not null,
      expires_at timestamptz not null,
      used_at timestamptz
    );
    -- A person's latest reset (one e-mail every few minutes at most).
    create index password_resets_user_idx on password_resets (user_id, created_at desc);
    create index password_resets_expires_idx on password_resets (expires_at);

    -- The daily clean-up of ended sessions.
    create index sessions_expires_idx on sessions (expires_at);
    create index sessions_created_idx on sessions (created_at);
  `.execute(db);
}
