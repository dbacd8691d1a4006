// Notify tests: run the real graphile-worker once at the fake clock's time, and stand in for
// an SMTP server and Slack on 127.0.0.1.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import type pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { vi } from 'vitest';
import type { Deps } from '../../src/context.ts';
import type { Clock } from '../../src/lib/clock.ts';
import { stewardTasks } from '../../src/jobs/tasks.ts';
import type { StoredMessage } from '../../src/db/schema.ts';
import { storedMessage } from '../../src/modules/notify/render.ts';
import { renderMessage } from '../../src/i18n/index.ts';
import { runTasksOnce } from '../support/jobs.ts';

/**
 * Runs every due job until none is left, as a worker would at the fake clock's "now":
 * graphile-worker compares run_at with Node's time (useNodeTime), which the test sets to the
 * clock — only `Date` is faked, never timers, so nothing sleeps or hangs.
 */
export async function runJobs(deps: Deps, pool: pg.Pool, clock: Clock): Promise<void> {
  vi.setSystemTime(clock.now());
  await runTasksOnce(pool, stewardTasks(deps), { useNodeTime: true });
}

/** A stored notification sentence as an English reader in UTC sees it. */
export function inEnglish(message: StoredMessage): string {
  return renderMessage(storedMessage(message), 'en');
}

export async function jobRunAt(deps: Deps, key: string): Promise<Date | null> {
  const { sql } = await import('kysely');
  const row = await sql<{ run_at: Date }>`
    select run_at from graphile_worker._private_jobs where key = ${key}`.execute(deps.db);
  return row.rows[0]?.run_at ?? null;
}

export type MailCatcher = {
  url: string;
  mails: ParsedMail[];
  /** Addresses the server answers "451 try again later" for, until taken out of the set. */
  busy: Set<string>;
  close(): Promise<void>;
};

export async function startSmtpServer(): Promise<MailCatcher> {
  const mails: ParsedMail[] = [];
  const busy = new Set<string>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (!busy.has(address.address.toLowerCase())) return callback();
      callback(Object.assign(new Error('Mailbox busy, try again later'), { responseCode: 451 }));
    },
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (mail) => {
          mails.push(mail);
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    busy,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type SlackStandIn = {
  url: string;
  received: unknown[];
  /** The status the next requests get (200 by default). */
  answer: { status: number };
  close(): Promise<void>;
};

export async function startSlackStandIn(): Promise<SlackStandIn> {
  const received: unknown[] = [];
  const answer = { status: 200 };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      res.writeHead(answer.status, { 'content-type': 'text/plain' });
      res.end(answer.status === 200 ? 'ok' : 'no_service');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/services/T000/B000/XXXX`,
    received,
    answer,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
