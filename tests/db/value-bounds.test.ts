/** The database itself holds values to the bounds the form enforces (lib/number.ts): 18 integer and 6 fraction digits, the reported scale kept. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { indicators, indicatorValues } from '@/db/schema';
import { createTestDatabase, databaseKind, type TestDatabase } from '../helpers/db';

describe(`indicator values have bounds in the database (${databaseKind()})`, () => {
  let t: TestDatabase;
  let indicatorId: number;
  beforeAll(async () => {
    t = await createTestDatabase();
    [{ id: indicatorId }] = (await t.db.select({ id: indicators.id }).from(indicators).where(eq(indicators.code, 'gia-tri-xuat-khau'))) as [{ id: number }];
  });
  afterAll(async () => {
    await t?.close();
  });

  const insert = (year: number, value: string) => t.db.insert(indicatorValues).values({ indicatorId, role: 'actual', year, value, kind: 'reported' }).returning({ value: indicatorValues.value });

  it('keeps the largest allowed value with its reported scale', async () => {
    expect(await insert(1990, '123456789012345678.123456')).toEqual([{ value: '123456789012345678.123456' }]);
    expect(await insert(1991, '6.20')).toEqual([{ value: '6.20' }]);
  });

  it('refuses a 19th integer digit or a 7th fraction digit', async () => {
    await expect(insert(1992, '1234567890123456789')).rejects.toThrow();
    await expect(insert(1993, '1.1234567')).rejects.toThrow();
  });
});
