/**
 * What `npm start`, `npm run serve` and the bench hand the Next.js servers they start
 * (scripts/start.ts serverEnv): they prepare the database themselves first, as the owner, so a
 * server gets the application role's URL and never the owner's.
 */
import { describe, expect, it } from 'vitest';
import { serverEnv } from '@/scripts/start';

describe('the environment of a started server', () => {
  const launcher = {
    NODE_ENV: 'production' as const,
    DATABASE_URL: 'postgres://kqnk_app@127.0.0.1/kqnk',
    MIGRATION_DATABASE_URL: 'postgres://kqnk_owner:secret@127.0.0.1/kqnk',
  };

  it('carries the application role only: no owner URL, and word that the database is prepared', () => {
    const env = serverEnv(3100, launcher);
    expect(env).not.toHaveProperty('MIGRATION_DATABASE_URL');
    expect(JSON.stringify(env)).not.toContain('kqnk_owner');
    expect(env.DATABASE_URL).toBe('postgres://kqnk_app@127.0.0.1/kqnk');
    expect(env.KQNK_DATABASE_PREPARED).toBe('1');
  });

  it('keeps the rest: port, production mode and the public address', () => {
    expect(serverEnv(3100, launcher)).toMatchObject({ PORT: '3100', NODE_ENV: 'production', AUTH_URL: 'http://localhost:3100', SITE_URL: 'http://localhost:3100' });
  });
});
