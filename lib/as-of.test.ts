import { describe, expect, it } from 'vitest';
import { asOfParam, parseAsOf } from './as-of';

describe('parseAsOf', () => {
  const now = new Date('2026-06-01T00:00:00Z');
  it('reads a date as the end of that day in Vietnam, a date-time as given, r<id> as a revision', () => {
    expect(parseAsOf('2026-01-31', now)).toEqual({ ok: true, asOf: { at: '2026-01-31T16:59:59.999Z', revisionId: null } });
    expect(parseAsOf('2026-01-31T08:00:00+07:00', now)).toEqual({ ok: true, asOf: { at: '2026-01-31T01:00:00.000Z', revisionId: null } });
    expect(parseAsOf('r42', now)).toEqual({ ok: true, asOf: { at: '', revisionId: 42 } });
    expect(parseAsOf('', now)).toEqual({ ok: true, asOf: null });
  });
  it('refuses what it cannot read, with a message', () => {
    for (const bad of ['hôm qua', '2026-02-30', '2026-13-01', '31/01/2026', '2026-01-31T08:00', 'r', 'r-1']) {
      const result = parseAsOf(bad, now);
      expect(result.ok, bad).toBe(false);
      if (!result.ok) expect(result.message).toMatch(/asOf không hợp lệ/);
    }
  });
  it('shows the latest known state for a moment still to come', () => {
    expect(parseAsOf('2030-01-01', now)).toEqual({ ok: true, asOf: { at: now.toISOString(), revisionId: null } });
  });
});

describe('asOfParam', () => {
  it('names a revision as r<id> and an instant as itself', () => {
    expect(asOfParam({ at: '', revisionId: 42 })).toBe('r42');
    expect(asOfParam({ at: '2026-01-31T16:59:59.999Z', revisionId: null })).toBe('2026-01-31T16:59:59.999Z');
  });
});
