// JSON-lines logging (pino). Request handlers log through a child carrying the request id.
import { pino, type Logger } from 'pino';

export type { Logger };

export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'steward' } });
}
