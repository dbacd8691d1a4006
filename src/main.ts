// The `steward` command line: start, migrate, demo, import, export, user, template.
import { Command, Option } from 'commander';
import { readConfig, type Role } from './config.ts';
import { createLogger } from './lib/logger.ts';
import { roleSchema } from './lib/vocabulary.ts';

/** SIGTERM to exit: what a process manager waits before SIGKILL is usually 10 s or more. */
const shutdownLimitMs = 8_000;

const program = new Command('steward').description('Steward — customer success platform');

program
  .command('start')
  .description('Start Steward (embedded PostgreSQL unless DATABASE_URL is set)')
  .addOption(
    new Option('--role <role>', 'what this process does').choices(['all', 'web', 'worker']),
  )
  .action(async (options: { role?: Role }) => {
    const config = readConfig(process.env, options.role ? { role: options.role } : {});
    const logger = createLogger(config.logLevel);
    const { startSteward } = await import('./start.ts');
    const running = await startSteward(config, logger);
    let stopping = false;
    const shutdown = (signal: string) => {
      if (stopping) return;
      stopping = true;
      logger.info({ signal }, 'shutting down');
      // A job or a connection that will not end must not keep a stopping process alive.
      setTimeout(() => {
        logger.error({ limitMs: shutdownLimitMs }, 'shutdown took too long; exiting');
        process.exit(1);
      }, shutdownLimitMs).unref();
      running.stop().then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error({ err: error }, 'shutdown failed');
          process.exit(1);
        },
      );
    };
    process.on('SIGINT', () => shutdown('SIGINT'));
    process.on('SIGTERM', () => shutdown('SIGTERM'));
  });

program
  .command('migrate')
  .description('Run database migrations and exit')
  .action(async () => {
    const { withDatabase } = await import('./cli/withDatabase.ts');
    await withDatabase(async ({ applied }) => {
      process.stdout.write(
        applied.length ? `Applied: ${applied.join(', ')}\n` : 'Already up to date.\n',
      );
    });
  });

program
  .command('demo')
  .description('Create (or reset) the demo workspace')
  .action(async () => {
    const { withDatabase } = await import('./cli/withDatabase.ts');
    const { seedDemoWorkspace, demoLogins } = await import('./demo/index.ts');
    await withDatabase(async ({ deps }) => {
      await seedDemoWorkspace(deps);
      process.stdout.write(
        `Demo workspace ready. Sign in as ${(await demoLogins(deps.db)).join(', ')} — password steward-demo\n`,
      );
    });
  });

const user = program.command('user').description('Manage people');
user
  .command('create')
  .description(
    'Add a person to a workspace (the password is read from STEWARD_PASSWORD or asked for)',
  )
  .requiredOption('--email <email>')
  .requiredOption('--name <name>')
  .addOption(new Option('--role <role>').choices(roleSchema.options).makeOptionMandatory())
  .option('--manager <email>', "their manager's e-mail")
  .option('--timezone <zone>', 'IANA time zone', 'UTC')
  .option(
    '--workspace <slug>',
    'workspace (default: the only one, or a new one named after --workspace)',
  )
  .action(async (options) => {
    const { withDatabase } = await import('./cli/withDatabase.ts');
    const { createUserCommand } = await import('./cli/user.ts');
    await withDatabase((context) => createUserCommand(context, options));
  });

user
  .command('set-password')
  .description(
    "Set a person's password and end their sessions (read from STEWARD_PASSWORD or asked for)",
  )
  .requiredOption('--email <email>')
  .action(async (options: { email: string }) => {
    const { withDatabase } = await import('./cli/withDatabase.ts');
    const { setPasswordCommand } = await import('./cli/user.ts');
    await withDatabase((context) => setPasswordCommand(context, options));
  });

const template = program.command('template').description('The template library');
template
  .command('list')
  .description('List the templates')
  .option('--workspace <slug>', 'workspace (default: the only one)')
  .action(async (options: { workspace?: string }) => {
    const { withDatabase } = await import('./cli/withDatabase.ts');
    const { listTemplatesCommand } = await import('./cli/templates.ts');
    await withDatabase((context) => listTemplatesCommand(context, options));
  });
template
  .command('instantiate <template>')
  .description('Create a project from a template (by name or id) for one or more accounts')
  .requiredOption('--account <idOrExternalId...>', 'the account(s), by id or external id')
  .requiredOption('--start <YYYY-MM-DD>', 'the project start date')
  .option('--assign <role=email...>', 'who fills a role, e.g. solutions_engineer=sam@example.com')
  .option('--workspace <slug>', 'workspace (default: the only one)')
  .action(async (name: string, options) => {
    const { withDatabase } = await import('./cli/withDatabase.ts');
    const { instantiateCommand } = await import('./cli/templates.ts');
    await withDatabase((context) => instantiateCommand(context, name, options));
  });

program
  .command('digest')
  .description("Send a person's notification digest")
  .requiredOption('--user <email>', 'whose digest')
  .option('--now', 'send it now instead of at their digest hour')
  .action(async (options: { user: string; now?: boolean }) => {
    const { withDatabase } = await import('./cli/withDatabase.ts');
    const { digestCommand } = await import('./cli/digest.ts');
    await withDatabase((context) => digestCommand(context, options));
  });

const health = program.command('health').description('Health scores and their backtest');
health
  .command('recompute')
  .description("Score every account now (the daily job's work), running any plays it triggers")
  .option('--workspace <slug>', 'workspace (default: the only one)')
  .action(async (options: { workspace?: string }) => {
    const { withDatabase } = await import('./cli/withDatabase.ts');
    const { recomputeCommand } = await import('./cli/health.ts');
    await withDatabase((context) => recomputeCommand(context, options));
  });
health
  .command('backtest')
  .description('How well the scorecard predicted churn: ROC AUC, churn rate and lift per category')
  .option('--from <YYYY-MM-DD>', 'start of the outcome period (default: a year ago)')
  .option('--to <YYYY-MM-DD>', 'end of the outcome period (default: today)')
  .option('--horizon <days>', 'read the score this many days before each outcome', '60')
  .option('--workspace <slug>', 'workspace (default: the only one)')
  .action(async (options: { from?: string; to?: string; horizon: string; workspace?: string }) => {
    const { withDatabase } = await import('./cli/withDatabase.ts');
    const { backtestCommand } = await import('./cli/health.ts');
    await withDatabase((context) => backtestCommand(context, options));
  });

const importCommand = program
  .command('import')
  .description('Import accounts, contacts or historical usage from a CSV file');
const importDescriptions = {
  accounts: 'Import accounts from CSV (upsert by external id)',
  contacts: 'Import contacts from CSV (upsert by external id)',
  usage: 'Backfill usage rollups from CSV: account, day, feature, events (upsert by all three)',
} as const;
for (const entity of ['accounts', 'contacts', 'usage'] as const) {
  importCommand
    .command(`${entity} <file>`)
    .description(importDescriptions[entity])
    .option('--map <column=field...>', 'map a CSV column to a field, e.g. --map "Company=name"')
    .addOption(
      new Option('--preset <crm>', "map a CRM's standard export's columns").choices([
        'salesforce',
        'hubspot',
      ]),
    )
    .option('--dry-run', 'check every row and report, change nothing')
    .option('--skip-invalid', 'import the valid rows even when some are rejected')
    .option('--workspace <slug>', 'workspace (default: the only one)')
    .action(async (file: string, options) => {
      const { withDatabase } = await import('./cli/withDatabase.ts');
      const { importCommand: run } = await import('./cli/import.ts');
      await withDatabase((context) => run(context, entity, file, options));
    });
}

program
  .command('export')
  .description("Export the workspace's data: one JSON document and a CSV file per entity")
  .option('--out <dir>', 'the directory to write (default: <workspace>-<date> here)')
  .option('--workspace <slug>', 'workspace (default: the only one)')
  .action(async (options: { out?: string; workspace?: string }) => {
    const { withDatabase } = await import('./cli/withDatabase.ts');
    const { exportCommand } = await import('./cli/export.ts');
    await withDatabase(async (context) => {
      await exportCommand(context, options);
    });
  });

program
  .command('backup <file>')
  .description(
    'Back up the database to a file: pg_dump with DATABASE_URL, else an online copy of the embedded server',
  )
  .action(async (file: string) => {
    const { backupCommand } = await import('./cli/backup.ts');
    await backupCommand(file);
  });

program
  .command('restore <file>')
  .description(
    'Restore a backup: pg_restore into DATABASE_URL, else into a new STEWARD_DATA_DIR (Steward stopped)',
  )
  .action(async (file: string) => {
    const { restoreCommand } = await import('./cli/backup.ts');
    await restoreCommand(file);
  });

program.parseAsync().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
