// Opens Steward's database: the server at DATABASE_URL, or the embedded one in the data
// directory (locked, so a second Steward on the same directory stops with a clear message).
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../config.ts';
import type { Logger } from '../lib/logger.ts';
import { connect, type Connection } from './connect.ts';
import { startEmbeddedPostgres } from './embedded.ts';
import { DataDirInUse, lockDataDir, type DataDirLock } from './lock.ts';

export type OpenDatabase = Connection & {
  embedded: boolean;
  connectionString: string;
  /** Closes the pool and, when embedded, stops the server and frees the data directory. */
  shutdown(): Promise<void>;
};

/** Where a running Steward leaves its embedded server's address for one-shot commands. */
const addressFile = (dataDir: string) => path.join(dataDir, 'postgres-url');

function external(connectionString: string, embedded: boolean): OpenDatabase {
  const connection = connect(connectionString);
  return { ...connection, embedded, connectionString, shutdown: connection.close };
}

/**
 * `joinRunning`: for one-shot commands (`steward user create` while Steward runs), use the
 * embedded server of the Steward that holds the data directory instead of failing.
 */
export async function openDatabase(
  config: Config,
  logger: Logger,
  options: { joinRunning?: boolean } = {},
): Promise<OpenDatabase> {
  if (config.databaseUrl) return external(config.databaseUrl, false);
  let lock: DataDirLock;
  try {
    lock = lockDataDir(config.dataDir);
  } catch (error) {
    if (!(error instanceof DataDirInUse && options.joinRunning)) throw error;
    return external((await readFile(addressFile(config.dataDir), 'utf8')).trim(), true);
  }
  try {
    const server = await startEmbeddedPostgres({
      dataDir: config.dataDir,
      database: 'steward',
      logger,
    });
    await writeFile(addressFile(config.dataDir), `${server.connectionString}\n`, { mode: 0o600 });
    const connection = connect(server.connectionString);
    return {
      ...connection,
      embedded: true,
      connectionString: server.connectionString,
      shutdown: async () => {
        await connection.close();
        await rm(addressFile(config.dataDir), { force: true });
        await server.stop();
        lock.release();
      },
    };
  } catch (error) {
    lock.release();
    throw error;
  }
}
