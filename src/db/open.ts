// Opens Steward's database: the server at DATABASE_URL, or the embedded one in the data
// directory (locked, so a second Steward on the same directory stops with a clear message).
import type { Config } from '../config.ts';
import type { Logger } from '../lib/logger.ts';
import { connect, type Connection } from './connect.ts';
import { startEmbeddedPostgres } from './embedded.ts';
import { lockDataDir } from './lock.ts';

export type OpenDatabase = Connection & {
  embedded: boolean;
  connectionString: string;
  /** Closes the pool and, when embedded, stops the server and frees the data directory. */
  shutdown(): Promise<void>;
};

export async function openDatabase(config: Config, logger: Logger): Promise<OpenDatabase> {
  if (config.databaseUrl) {
    const connection = connect(config.databaseUrl);
    return { ...connection, embedded: false, connectionString: config.databaseUrl, shutdown: connection.close };
  }
  const lock = lockDataDir(config.dataDir);
  try {
    const server = await startEmbeddedPostgres({ dataDir: config.dataDir, database: 'steward', logger });
    const connection = connect(server.connectionString);
    return {
      ...connection,
      embedded: true,
      connectionString: server.connectionString,
      shutdown: async () => {
        await connection.close();
        await server.stop();
        lock.release();
      },
    };
  } catch (error) {
    lock.release();
    throw error;
  }
}
