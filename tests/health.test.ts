import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '@/db';

const dataDir = path.join(os.tmpdir(), `kqnk-health-${process.pid}`);

describe('GET /api/health', () => {
  afterEach(async () => {
    const shared = globalThis as { __kqnkDb?: Promise<DatabaseHandle> };
    await shared.__kqnkDb?.then((h) => h.close()).catch(() => {});
    shared.__kqnkDb = undefined;
    fs.rmSync(dataDir, { recursive: true, force: true });
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it('answers 503 with a short reason when the database cannot be reached', async () => {
    // Nothing listens on port 1: the connection is refused at once.
    vi.stubEnv('DATABASE_URL', 'postgres://127.0.0.1:1/none');
    const { GET } = await import('@/app/api/health/route');
    const response = await GET();
    expect(response.status).toBe(503);
    const body = (await response.json()) as { status: string; reason: string };
    expect(body.status).toBe('unavailable');
    expect(body.reason).toMatch(/^database unreachable: /);
    expect(body.reason.length).toBeLessThan(200);
  });

  it('answers 200 when the database answers', async () => {
    vi.stubEnv('DATABASE_URL', '');
    vi.stubEnv('PGLITE_DIR', dataDir);
    const { GET } = await import('@/app/api/health/route');
    const response = await GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', database: 'pglite' });
  });
});
