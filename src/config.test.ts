import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readConfig } from './config.ts';

describe('configuration from the environment', () => {
  it('treats an empty variable as unset: the embedded database, the defaults', () => {
    const config = readConfig({
      DATABASE_URL: '',
      PORT: '',
      SMTP_URL: ' ',
      STEWARD_DATA_DIR: '',
      STEWARD_ROLE: '',
    });
    expect(config.databaseUrl).toBeUndefined();
    expect(config.port).toBe(3000);
    expect(config.smtpUrl).toBeUndefined();
    expect(config.dataDir).toBe(path.resolve('./.steward'));
    expect(config.role).toBe('all');
  });

  it('still refuses a value that is set but wrong, naming the variable', () => {
    expect(() => readConfig({ DATABASE_URL: 'not a url' })).toThrow(/DATABASE_URL/);
  });
});
