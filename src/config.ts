// Environment → typed configuration, read once at start-up. See README.md, "Configuration".
import path from 'node:path';
import { z } from 'zod';
import { parseAllowHosts } from './lib/outboundUrl.ts';

const roleSchema = z.enum(['all', 'web', 'worker']);
export type Role = z.infer<typeof roleSchema>;

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  STEWARD_DATA_DIR: z.string().default('./.steward'),
  DATABASE_URL: z.url().optional(),
  STEWARD_ROLE: roleSchema.default('all'),
  STEWARD_PUBLIC_URL: z.url().optional(),
  STEWARD_DEMO: z.enum(['auto', 'on', 'off']).default('auto'),
  STEWARD_BODY_LIMIT: z.coerce
    .number()
    .int()
    .positive()
    .default(1024 * 1024),
  STEWARD_WORKER_CONCURRENCY: z.coerce.number().int().positive().default(4),
  STEWARD_USAGE_RETENTION_MONTHS: z.coerce.number().int().min(1).max(120).default(13),
  /** Stripe signing secrets (whsec_…), comma-separated: two during a rotation. */
  STRIPE_WEBHOOK_SECRET: z.string().optional(),
  /** Outgoing mail, e.g. smtp://user:pass@mail.example.com:587; unset: no e-mail is sent. */
  SMTP_URL: z.string().optional(),
  STEWARD_MAIL_FROM: z.string().default('Steward <steward@localhost>'),
  /** Verifies Slack's signed slash-command requests (api.slack.com/authentication/verifying-requests-from-slack). */
  SLACK_SIGNING_SECRET: z.string().optional(),
  /** The workspace (slug) the Slack command answers from; default: the only workspace. */
  SLACK_WORKSPACE: z.string().optional(),
  /** Tests and local development only: allow http:// Slack webhook URLs. */
  STEWARD_ALLOW_INSECURE_WEBHOOKS: z.enum(['true', 'false']).default('false'),
  /** Hosts outbound webhooks may reach although private or loopback (docs/webhooks.md). */
  STEWARD_OUTBOUND_ALLOW_HOSTS: z.string().optional(),
  /** Hosts besides hooks.slack.com a Slack webhook URL may name (comma-separated). */
  STEWARD_SLACK_WEBHOOK_HOSTS: z.string().optional(),
  /** Seals stored secrets (AES-256-GCM): 32 bytes, base64 or hex; unset, one is generated
   * into the data directory (docs/operations.md, "Secrets"). */
  STEWARD_SECRET_KEY: z.string().optional(),
  /** Proxies (addresses or CIDR ranges, comma-separated) whose X-Forwarded-For is believed. */
  STEWARD_TRUSTED_PROXIES: z.string().optional(),
  /** Ask Steward: an OpenAI-compatible endpoint (…/v1) consulted only for questions the
   * offline understanding cannot place; unset (the default), nothing leaves the server. */
  STEWARD_ASSISTANT_MODEL_URL: z.url().optional(),
  STEWARD_ASSISTANT_MODEL: z.string().default('gpt-4o-mini'),
  STEWARD_ASSISTANT_MODEL_KEY: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  role: Role;
  /** Where people reach Steward; decides the Secure cookie flag and the allowed Origin. */
  publicUrl: string | undefined;
  /** `auto`: seed the demo workspace on first start with the embedded database. */
  demo: 'auto' | 'on' | 'off';
  bodyLimit: number;
  workerConcurrency: number;
  logLevel: string;
  /** Months of raw product-usage events kept (the current one included); rollups stay. */
  usageRetentionMonths: number;
  /** Install-wide Stripe signing secrets; events they verify go to the first workspace. */
  stripeWebhookSecrets: string[];
  smtpUrl: string | undefined;
  mailFrom: string;
  slackSigningSecret: string | undefined;
  slackWorkspace: string | undefined;
  allowInsecureWebhooks: boolean;
  /** Private or loopback hosts an operator lets outbound requests reach (lib/outboundUrl.ts). */
  outboundAllowHosts: string[];
  /** Hosts besides hooks.slack.com that Slack webhook URLs may name. */
  slackWebhookHosts: string[];
  /** STEWARD_SECRET_KEY as given; lib/secrets.ts reads it (or the data directory's key). */
  secretKey: string | undefined;
  /** Load balancers and proxies in front of Steward, whose X-Forwarded-For names the client. */
  trustedProxies: string[];
  /** Ask Steward's optional model for questions its lexicon cannot place; off when undefined. */
  assistantModel: { url: string; model: string; key: string | undefined } | undefined;
};

const listOf = (value: string | undefined) =>
  (value ?? '')
    .split(/[\s,]+/)
    .map((item) => item.trim())
    .filter(Boolean);

export function readConfig(
  env: NodeJS.ProcessEnv = process.env,
  overrides: Partial<Config> = {},
): Config {
  // `DATABASE_URL=` in a .env file or a compose file means "not set", not "set to nothing".
  const given = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value.trim() !== ''),
  );
  const parsed = envSchema.safeParse(given);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`Steward's configuration is not valid:\n  ${problems.join('\n  ')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.STEWARD_DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    role: e.STEWARD_ROLE,
    publicUrl: e.STEWARD_PUBLIC_URL,
    demo: e.STEWARD_DEMO,
    bodyLimit: e.STEWARD_BODY_LIMIT,
    workerConcurrency: e.STEWARD_WORKER_CONCURRENCY,
    logLevel: e.LOG_LEVEL,
    usageRetentionMonths: e.STEWARD_USAGE_RETENTION_MONTHS,
    stripeWebhookSecrets: (e.STRIPE_WEBHOOK_SECRET ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    smtpUrl: e.SMTP_URL,
    mailFrom: e.STEWARD_MAIL_FROM,
    slackSigningSecret: e.SLACK_SIGNING_SECRET,
    slackWorkspace: e.SLACK_WORKSPACE,
    allowInsecureWebhooks: e.STEWARD_ALLOW_INSECURE_WEBHOOKS === 'true',
    outboundAllowHosts: parseAllowHosts(e.STEWARD_OUTBOUND_ALLOW_HOSTS),
    slackWebhookHosts: listOf(e.STEWARD_SLACK_WEBHOOK_HOSTS),
    secretKey: e.STEWARD_SECRET_KEY,
    trustedProxies: listOf(e.STEWARD_TRUSTED_PROXIES),
    assistantModel: e.STEWARD_ASSISTANT_MODEL_URL
      ? {
          url: e.STEWARD_ASSISTANT_MODEL_URL,
          model: e.STEWARD_ASSISTANT_MODEL,
          key: e.STEWARD_ASSISTANT_MODEL_KEY,
        }
      : undefined,
    ...overrides,
  };
}

export { roleSchema };
