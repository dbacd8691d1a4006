// Environment → typed configuration, read once at start-up. See README.md, "Configuration".
import path from 'node:path';
import { z } from 'zod';

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
};

export function readConfig(
  env: NodeJS.ProcessEnv = process.env,
  overrides: Partial<Config> = {},
): Config {
  const parsed = envSchema.safeParse(env);
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
    ...overrides,
  };
}

export { roleSchema };
