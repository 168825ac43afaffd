/**
 * Sign-in throttling that cannot be raced, spoofed or turned into a lockout
 * (db/queries/sign-in-throttle.ts), on both databases.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  reserveAttempt,
  settleSuccess,
  THROTTLE_ACCOUNT_CEILING,
  throttleDelaySeconds,
  throttleState,
  type Attempt,
} from '@/db/queries/sign-in-throttle';
import { createTestDatabase, databaseKind, type TestDatabase } from '../helpers/db';

const T0 = new Date('2030-01-01T08:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const minutes = (n: number) => n * 60 * 1000;

describe(`sign-in throttling (${databaseKind()})`, () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => {
    await t?.close();
  });

  const reserve = (attempt: Attempt, ms: number) => reserveAttempt(attempt, { now: at(ms) }, t.db);

  it('escalates per account and address: 5 failures, then 30 s doubling to 15 min; per address alone from 50', () => {
    expect([1, 4].map((n) => throttleDelaySeconds('pair', n))).toEqual([0, 0]);
    expect([5, 6, 7, 8, 9, 10, 11, 50].map((n) => throttleDelaySeconds('pair', n))).toEqual([30, 60, 120, 240, 480, 900, 900, 900]);
    expect(throttleDelaySeconds('address', 49)).toBe(0);
    expect(throttleDelaySeconds('address', 50)).toBe(30);
  });

  it('a guesser gets 5 tries, then waits; the wait grows and ends', async () => {
    const guesser = { email: 'Victim@Example.vn', address: '198.51.100.1' };
    for (let i = 0; i < 5; i++) expect((await reserve(guesser, i * 1000)).blocked).toBe(false);
    expect(await reserve(guesser, 5000)).toEqual({ blocked: true, retryAfterSeconds: 29 });
    // Refused attempts are not counted: when the wait is over, one more try, then a longer wait.
    expect((await reserve(guesser, 4000 + 30_000)).blocked).toBe(false);
    expect(await reserve(guesser, 4000 + 31_000)).toEqual({ blocked: true, retryAfterSeconds: 59 });
    // Another spelling of the email is the same account.
    expect((await throttleState({ email: ' VICTIM@example.VN ', address: '198.51.100.1' }, { now: at(40_000) }, t.db)).blocked).toBe(true);
  });

  it('50 guesses at once: exactly 5 are let through to the password check', async () => {
    const burst = { email: 'burst@example.vn', address: '203.0.113.50' };
    const results = await Promise.all(Array.from({ length: 50 }, () => reserveAttempt(burst, { now: at(0) }, t.db)));
    expect(results.filter((r) => !r.blocked)).toHaveLength(5);
  });

  it('cannot be turned into a lockout: the owner at another address signs in while the guesser waits', async () => {
    const guesser = { email: 'owner@example.vn', address: '192.0.2.66' };
    for (let i = 0; i < 6; i++) await reserve(guesser, i);
    expect((await throttleState(guesser, { now: at(10) }, t.db)).blocked).toBe(true);
    const owner = { email: 'owner@example.vn', address: '198.51.100.200' };
    expect((await reserve(owner, 20)).blocked).toBe(false);
    await settleSuccess(owner, t.db); // the right password
    expect((await throttleState(owner, { now: at(30) }, t.db)).blocked).toBe(false);
    expect((await throttleState(guesser, { now: at(30) }, t.db)).blocked).toBe(true);
  });

  it('a success gives its reservation back: 4 wrong, 1 right, 4 wrong again are still below the limit', async () => {
    const typo = { email: 'typo@example.vn', address: '198.51.100.9' };
    for (let i = 0; i < 4; i++) await reserve(typo, i);
    await reserve(typo, 10);
    await settleSuccess(typo, t.db);
    for (let i = 0; i < 4; i++) expect((await reserve(typo, 20 + i)).blocked).toBe(false);
  });

  it(`has a per-account ceiling of ${THROTTLE_ACCOUNT_CEILING} failures an hour against guesses spread over many addresses`, async () => {
    const email = 'spread@example.vn';
    for (let a = 0; a < THROTTLE_ACCOUNT_CEILING / 4; a++) {
      for (let i = 0; i < 4; i++) expect((await reserve({ email, address: `10.1.${a}.1` }, minutes(1) + a * 100 + i)).blocked).toBe(false);
    }
    const fresh = { email, address: '198.51.100.250' };
    const refused = await reserve(fresh, minutes(2));
    expect(refused.blocked).toBe(true);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60 * 60);
    // The hour over, the owner is let through again.
    expect((await reserve(fresh, minutes(62))).blocked).toBe(false);
  });

  it('one address trying many accounts waits after 50 failures, for any account', async () => {
    const address = '192.0.2.150';
    for (let i = 0; i < 50; i++) await reserve({ email: `u${i}@example.vn`, address }, i);
    expect((await reserve({ email: 'fresh@example.vn', address }, 100)).blocked).toBe(true);
    expect((await reserve({ email: 'fresh@example.vn', address: '192.0.2.151' }, 100)).blocked).toBe(false);
  });

  it('forgets failures after a quiet day', async () => {
    const forgetful = { email: 'forgetful@example.vn', address: '198.51.100.3' };
    for (let i = 0; i < 5; i++) await reserve(forgetful, i);
    expect((await throttleState(forgetful, { now: at(10) }, t.db)).blocked).toBe(true);
    expect((await reserve(forgetful, 25 * 60 * minutes(1))).blocked).toBe(false);
    expect((await reserve(forgetful, 25 * 60 * minutes(1) + 1)).blocked).toBe(false);
  });
});
