import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
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

  it('answers 503 with a generic reason when the database cannot be reached; the detail goes to the security log', async () => {
    // Nothing listens on port 1: the connection is refused at once.
    vi.stubEnv('DATABASE_URL', 'postgres://kqnk_role:secret-password@127.0.0.1:1/none');
    const { GET } = await import('@/app/api/health/route');
    const { captureSecurityLog } = await import('@/lib/security-log');
    const raw: string[] = [];
    const release = captureSecurityLog(new Writable({ write: (chunk: Buffer, _e, done) => (raw.push(chunk.toString()), done()) }));
    const response = await GET().finally(release);
    expect(response.status).toBe(503);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ status: 'unavailable', reason: 'database unavailable' });
    expect(text).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|kqnk_role|secret-password|:1\b/);

    const [line] = raw.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(line).toMatchObject({ event: 'health_unavailable', level: 40 });
    expect(line!.detail).toMatch(/ECONNREFUSED|connect/);
    expect(raw.join('')).not.toContain('secret-password');
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
