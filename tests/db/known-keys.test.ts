/**
 * The report's known codes and slugs (db/queries/known-keys.ts), which the cached reads check an
 * address against before they ask for (and cache) one item: every item that is or was in the
 * report, and nothing else.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findKnownKeys } from '@/db/queries/known-keys';
import { findEntities, findIndicators, findSections } from '@/db/queries/reports';
import { createTestDatabase, databaseKind, type TestDatabase } from '../helpers/db';

const reportSlug = 'soc-trang-2020-2025';

describe(`known keys (${databaseKind()})`, () => {
  let t: TestDatabase;

  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('lists every indicator code, section slug and entity slug of the report, and nothing for an unknown report', async () => {
    const known = await findKnownKeys({ reportSlug }, t.db);
    const [indicators, sections, entities] = await Promise.all([
      findIndicators({ reportSlug }, t.db),
      findSections({ reportSlug }, t.db),
      findEntities({ reportSlug }, t.db),
    ]);
    expect(known.indicator).toEqual(indicators.map((i) => i.code).sort());
    expect(known.section).toEqual(sections.map((s) => s.slug).sort());
    expect(known.entity).toEqual([...new Set(entities.map((e) => e.slug))].sort());
    expect(known.indicator).not.toContain('junk-1');
    expect(await findKnownKeys({ reportSlug: 'khong-co' }, t.db)).toEqual({ indicator: [], section: [], entity: [] });
  });
});
