import { beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { Writable } from 'node:stream';
import { AuthError, ConflictError, InvalidError, NotFoundError, OutcomeUnknownError } from './errors';
import { captureSecurityLog } from './security-log';

// The wrapper's collaborators: who is signed in (lib/auth) is decided per test.
const requireRole = vi.fn();
vi.mock('@/lib/auth', () => ({ requireRole: (role: string) => requireRole(role) }));

const { staffAction, actionMessages } = await import('./actions');

const actor = { userId: 1, sessionId: '00000000-0000-4000-8000-000000000000', role: 'editor', displayName: 'A', email: 'a@example.vn' };
const schema = z.object({ title: z.string().min(3, 'Ít nhất 3 ký tự.'), version: z.number().int() });

describe('staffAction', () => {
  beforeEach(() => {
    requireRole.mockReset();
    requireRole.mockResolvedValue(actor);
  });

  it('checks the session, then the role, then parses, then calls the handler', async () => {
    const handler = vi.fn(async (data: z.output<typeof schema>) => ({ saved: data.title }));
    const action = staffAction('editor', schema, handler);
    expect(await action({ title: 'Tiêu đề', version: 2 })).toEqual({ ok: true, data: { saved: 'Tiêu đề' } });
    expect(requireRole).toHaveBeenCalledWith('editor');
    expect(handler).toHaveBeenCalledWith({ title: 'Tiêu đề', version: 2 }, actor);
  });

  it('drops keys the schema does not declare (role, author, timestamps)', async () => {
    const handler = vi.fn(async (data: unknown) => data);
    const result = await staffAction('editor', schema, handler)({ title: 'Tiêu đề', version: 1, role: 'admin', authorId: 9, createdAt: 'x' });
    expect(result).toEqual({ ok: true, data: { title: 'Tiêu đề', version: 1 } });
  });

  it('answers unauthenticated without parsing or calling the handler, with the "your input is kept" message', async () => {
    requireRole.mockRejectedValue(new AuthError('unauthenticated'));
    const handler = vi.fn();
    const result = await staffAction('editor', schema, handler)({ title: 'x' });
    expect(result).toEqual({ ok: false, code: 'unauthenticated', message: actionMessages.unauthenticated });
    expect(result.ok === false && result.message).toMatch(/Nội dung bạn nhập vẫn được giữ/);
    expect(handler).not.toHaveBeenCalled();
  });

  it('answers forbidden for a role that is not enough', async () => {
    requireRole.mockRejectedValue(new AuthError('forbidden'));
    const handler = vi.fn();
    expect(await staffAction('admin', schema, handler)({})).toMatchObject({ ok: false, code: 'forbidden' });
    expect(handler).not.toHaveBeenCalled();
  });

  it('logs each refusal (unauthenticated, forbidden, or the write\'s own re-check) with the role it needed, never the input', async () => {
    const raw: string[] = [];
    const release = captureSecurityLog(new Writable({ write: (chunk: Buffer, _e, done) => (raw.push(chunk.toString()), done()) }));
    try {
      requireRole.mockRejectedValueOnce(new AuthError('unauthenticated'));
      await staffAction('editor', schema, vi.fn())({ title: 'bí mật của biểu mẫu', version: 1 });
      requireRole.mockRejectedValueOnce(new AuthError('forbidden', { userId: 7 }));
      await staffAction('admin', schema, vi.fn())({ title: 'bí mật của biểu mẫu', version: 1 });
      await staffAction('editor', schema, () => Promise.reject(new AuthError('forbidden', { userId: 1 })))({ title: 'Tiêu đề', version: 1 });
      await staffAction('editor', schema, () => Promise.reject(new ConflictError({ version: 3 })))({ title: 'Tiêu đề', version: 1 });
    } finally {
      release();
    }
    const lines = raw.join('').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toEqual([
      expect.objectContaining({ event: 'action_refused', reason: 'unauthenticated', requiredRole: 'editor', level: 40 }),
      expect.objectContaining({ event: 'action_refused', reason: 'forbidden', requiredRole: 'admin', userId: 7 }),
      expect.objectContaining({ event: 'action_refused', reason: 'forbidden', requiredRole: 'editor', userId: 1 }),
    ]);
    expect(lines[0]).not.toHaveProperty('userId');
    expect(raw.join('')).not.toContain('bí mật');
  });

  it('returns field errors from zod', async () => {
    const handler = vi.fn();
    const result = await staffAction('editor', schema, handler)({ title: 'ab', version: 'x' });
    expect(result).toMatchObject({ ok: false, code: 'invalid' });
    if (result.ok) throw new Error('unreachable');
    expect(result.fieldErrors?.title).toEqual(['Ít nhất 3 ký tự.']);
    expect(result.fieldErrors?.version).toHaveLength(1);
    expect(handler).not.toHaveBeenCalled();
  });

  it('maps typed errors from the handler', async () => {
    const run = (error: Error) => staffAction('editor', schema, async () => Promise.reject(error))({ title: 'Tiêu đề', version: 1 });
    expect(await run(new ConflictError({ version: 3 }))).toMatchObject({ ok: false, code: 'conflict', conflict: { version: 3 } });
    expect(await run(new NotFoundError())).toMatchObject({ ok: false, code: 'not_found' });
    expect(await run(new InvalidError('Email này đã có tài khoản.', { email: ['Email này đã có tài khoản.'] }))).toEqual({
      ok: false,
      code: 'invalid',
      message: 'Email này đã có tài khoản.',
      fieldErrors: { email: ['Email này đã có tài khoản.'] },
    });
    // A permission check inside the data function (assertActor) surfaces the same way.
    expect(await run(new AuthError('forbidden'))).toMatchObject({ ok: false, code: 'forbidden' });
  });

  it('logs an unknown error and shows only a generic message', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    const result = await staffAction('editor', schema, async () => {
      throw new Error('connection refused at 10.0.0.5:5432');
    })({ title: 'Tiêu đề', version: 1 });
    expect(result).toEqual({ ok: false, code: 'error', message: actionMessages.error });
    expect(JSON.stringify(result)).not.toMatch(/10\.0\.0\.5|stack|Error/);
    expect(spy).toHaveBeenCalled();
    spy.mockRestore();
  });

  it('says the database is unavailable and nothing was saved, however deep the driver wrapped the cause', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const failedQuery = new Error('Failed query: insert into …', { cause: refused }); // drizzle's wrapper
    const shutdown = Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
    const authJs = Object.assign(new Error('CallbackRouteError'), { cause: { err: refused } }); // Auth.js's wrapper
    for (const error of [failedQuery, shutdown, authJs]) {
      const result = await staffAction('editor', schema, async () => Promise.reject(error))({ title: 'Tiêu đề', version: 1 });
      expect(result).toEqual({ ok: false, code: 'unavailable', message: actionMessages.unavailable });
    }
    expect(actionMessages.unavailable).toMatch(/Cơ sở dữ liệu tạm thời không truy cập được, chưa có gì được lưu/);
    // Checking the session already needs the database.
    requireRole.mockRejectedValue(failedQuery);
    expect(await staffAction('editor', schema, vi.fn())({ title: 'Tiêu đề', version: 1 })).toMatchObject({ code: 'unavailable' });
    spy.mockRestore();
  });

  it('does not say "nothing was saved" when the connection went while committing: the outcome is unknown', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    const closed = Object.assign(new Error('write CONNECTION_CLOSED 127.0.0.1:5432'), { code: 'CONNECTION_CLOSED' });
    const result = await staffAction('editor', schema, async () => Promise.reject(new OutcomeUnknownError(closed)))({ title: 'Tiêu đề', version: 1 });
    expect(result).toEqual({ ok: false, code: 'outcome_unknown', message: actionMessages.outcome_unknown });
    expect(actionMessages.outcome_unknown).toMatch(/chưa biết thay đổi đã được lưu hay chưa/);
    expect(actionMessages.outcome_unknown).not.toMatch(/chưa có gì được lưu/);
    spy.mockRestore();
  });

  it('lets redirect() through', async () => {
    const { redirect } = await import('next/navigation');
    const action = staffAction('editor', schema, async () => redirect('/quan-tri'));
    await expect(action({ title: 'Tiêu đề', version: 1 })).rejects.toMatchObject({ digest: expect.stringMatching(/^NEXT_REDIRECT/) });
  });
});
