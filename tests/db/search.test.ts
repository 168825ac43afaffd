/**
 * Search (db/queries/search.ts, migration 0003_search) against a migrated, seeded database:
 * PGlite in memory, or PostgreSQL when TEST_DATABASE_URL is set. The same queries run on both.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import type { PGlite } from '@electric-sql/pglite';
import type { Sql } from 'postgres';
import type { Database } from '@/db';
import * as schema from '@/db/schema';
import { indicators, reports } from '@/db/schema';
import { searchReport, type SearchHit, type SearchResults } from '@/db/queries/search';
import { foldSearchText, MAX_QUERY_LENGTH } from '@/lib/search-query';
import { createTestDatabase, databaseKind, type TestDatabase } from '../helpers/db';

const reportSlug = 'soc-trang-2020-2025';

const hrefs = (r: SearchResults) => r.hits.map((h) => h.href);
const marked = (h: SearchHit) => [...h.titleSegments, ...h.snippet].filter((s) => s.mark).map((s) => s.text);
const plain = (segments: SearchHit['snippet']) => segments.map((s) => s.text).join('');

describe(`search (${databaseKind()})`, () => {
  let t: TestDatabase;
  const search = (query: string, limit?: number) => searchReport({ reportSlug, query, limit }, t.db);

  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => {
    await t?.close();
  });

  /** Add an indicator by plain SQL, bypassing the application (and its NFC normalisation). */
  async function insertIndicator(code: string, name: string) {
    await t.db.execute(sql`
      insert into indicators (report_id, code, position, area, name)
      values ((select id from reports where slug = ${reportSlug}), ${code}, 900, 'Kiểm thử', ${name})`);
  }
  async function deleteIndicator(code: string) {
    const [report] = await t.db.select({ id: reports.id }).from(reports).where(eq(reports.slug, reportSlug));
    await t.db.delete(indicators).where(and(eq(indicators.reportId, report!.id), eq(indicators.code, code)));
  }

  describe('finds regardless of case and diacritics', () => {
    it('`san luong thuy san` finds "Tổng sản lượng thuỷ hải sản", typed, linked, highlighted', async () => {
      const r = await search('san luong thuy san');
      expect(r.total).toBeGreaterThan(0);
      const [first] = r.hits;
      expect(first).toMatchObject({
        type: 'indicator',
        typeLabel: 'Chỉ tiêu',
        title: 'Tổng sản lượng thuỷ hải sản',
        href: '/chi-tieu/san-luong-thuy-hai-san',
        inTitle: true,
      });
      // Not a phrase of the name: its words are marked one by one.
      expect(first!.titleSegments).toEqual([
        { text: 'Tổng ', mark: false },
        { text: 'sản', mark: true },
        { text: ' ', mark: false },
        { text: 'lượng', mark: true },
        { text: ' ', mark: false },
        { text: 'thuỷ', mark: true },
        { text: ' hải ', mark: false },
        { text: 'sản', mark: true },
      ]);
      // The snippet is the source sentence, with the words marked in it.
      expect(plain(first!.snippet)).toContain('423.700 tấn');
      expect(first!.snippet.some((s) => s.mark)).toBe(true);
    });

    it('upper case and the exact diacritics find the same', async () => {
      const lower = await search('san luong thuy san');
      expect(hrefs(await search('TỔNG SẢN LƯỢNG THUỶ HẢI SẢN'))[0]).toBe('/chi-tieu/san-luong-thuy-hai-san');
      expect(hrefs(await search('Sản Lượng Thuỷ Sản'))).toEqual(hrefs(lower));
    });

    it('a decomposed (NFD) query matches composed text', async () => {
      const query = 'sản lượng thuỷ hải sản'.normalize('NFD');
      expect(query).not.toBe(query.normalize('NFC'));
      const r = await search(query);
      expect(r.query).toBe('sản lượng thuỷ hải sản'.normalize('NFC'));
      expect(r.hits[0]!.href).toBe('/chi-tieu/san-luong-thuy-hai-san');
      expect(marked(r.hits[0]!)).toContain('sản lượng thuỷ hải sản');
    });

    it('composed and unaccented queries match decomposed (NFD) text in the database', async () => {
      const name = 'Chỉ số hài lòng của người dân Quỳnh Nhơn'.normalize('NFD');
      await insertIndicator('kiem-thu-nfd', name);
      try {
        const [stored] = await t.db
          .select({ decomposed: sql<boolean>`${indicators.name} <> normalize(${indicators.name}, NFC)` })
          .from(indicators)
          .where(eq(indicators.code, 'kiem-thu-nfd'));
        expect(stored!.decomposed).toBe(true);

        for (const query of ['Quỳnh Nhơn', 'quynh nhon', 'QUỲNH NHƠN'.normalize('NFD'), 'hài lòng quỳnh']) {
          const r = await search(query);
          expect(hrefs(r), query).toContain('/chi-tieu/kiem-thu-nfd');
          const hit = r.hits.find((h) => h.href === '/chi-tieu/kiem-thu-nfd')!;
          expect(marked(hit).some((m) => m.normalize('NFC').startsWith('Quỳnh')), query).toBe(true);
          // A mark covers whole letters: the combining marks of "ỳ" and "ơ" never fall outside it.
          hit.titleSegments.forEach((s, i) => {
            if (s.mark) expect(hit.titleSegments[i + 1]?.text ?? '', query).not.toMatch(/^\p{M}/u);
          });
          expect(hit.titleSegments.map((s) => s.text).join('')).toBe(name);
        }
      } finally {
        await deleteIndicator('kiem-thu-nfd');
      }
    });

    it('old and new tone placement match: thuỷ = thủy', async () => {
      const a = await search('thuỷ hải sản');
      const b = await search('thủy hải sản');
      expect(hrefs(a)).toEqual(hrefs(b));
      expect(hrefs(a)).toContain('/chi-tieu/san-luong-thuy-hai-san');
      // "thủy sản" (the area) and "thuỷ hải sản" (the name) are both found by either spelling.
      const area = await search('nông nghiệp, thuỷ sản');
      expect(hrefs(area)).toEqual(hrefs(await search('nông nghiệp, thủy sản')));
      expect(hrefs(area)).toContain('/chi-tieu/xa-nong-thon-moi-kieu-mau');
    });

    it('old and new tone placement match: hoà = hòa ("văn hóa" and "văn hoá" in the text)', async () => {
      const a = await search('văn hóa');
      const b = await search('văn hoá');
      expect(hrefs(a)).toEqual(hrefs(b));
      // "văn hóa" is in a heading, "văn hoá" in a body: both are found by both spellings.
      expect(hrefs(a)).toEqual(expect.arrayContaining(['/muc/phat-trien-kinh-te-xa-hoi', '/muc/han-che-nguyen-nhan']));
      const body = a.hits.find((h) => h.href === '/muc/han-che-nguyen-nhan')!;
      expect(marked(body)).toContain('văn hoá');
      const heading = b.hits.find((h) => h.href === '/muc/phat-trien-kinh-te-xa-hoi')!;
      expect(marked(heading)).toContain('văn hóa');
    });

    it('d finds đ: `dang bo` finds "Đảng bộ"', async () => {
      const r = await search('dang bo');
      expect(hrefs(r)).toEqual(expect.arrayContaining(['/muc/xay-dung-dang', '/muc/bai-hoc-kinh-nghiem']));
      const hit = r.hits.find((h) => h.href === '/muc/xay-dung-dang')!;
      expect(hit.typeLabel).toBe('Mục nội dung');
      expect(marked(hit)).toContain('Đảng bộ');
      expect(hrefs(await search('ĐẢNG BỘ'))).toEqual(hrefs(r));
    });
  });

  describe('types and links', () => {
    it('resolutions by number, projects and institutions by name', async () => {
      const resolution = await search('06-NQ/TU');
      expect(resolution.hits[0]).toMatchObject({
        type: 'resolution',
        typeLabel: 'Nghị quyết',
        title: 'Nghị quyết 06-NQ/TU',
        href: '/nghi-quyet/nghi-quyet-06-nq-tu',
        inTitle: true,
      });
      const subject = await search('chuyen doi so');
      expect(hrefs(subject)[0]).toBe('/nghi-quyet/nghi-quyet-07-nq-tu');
      expect(marked(subject.hits[0]!)).toContain('Chuyển đổi số');

      expect((await search('cang bien tran de')).hits[0]).toMatchObject({
        type: 'project',
        typeLabel: 'Dự án',
        href: '/du-an/cang-bien-tran-de',
      });
      expect((await search('trung tâm ioc')).hits[0]).toMatchObject({
        type: 'institution',
        typeLabel: 'Cơ sở, đơn vị',
        href: '/don-vi/trung-tam-ioc',
      });
    });

    it('results are plain data (the page renders them as text, never as HTML)', async () => {
      const r = await search('nông thôn mới');
      expect(r.hits.length).toBeGreaterThan(2);
      expect(JSON.parse(JSON.stringify(r))).toEqual(r);
      for (const h of r.hits) {
        expect(plain(h.titleSegments)).toBe(h.title);
        for (const m of marked(h)) expect(foldSearchText(m)).toMatch(/nong|thon|moi/);
      }
    });
  });

  describe('ranking', () => {
    it('an indicator whose name matches ranks above a section that merely mentions it', async () => {
      const r = await search('sản lượng thuỷ hải sản');
      const list = hrefs(r);
      expect(list[0]).toBe('/chi-tieu/san-luong-thuy-hai-san');
      expect(list).toContain('/muc/kinh-te');
      expect(list.indexOf('/chi-tieu/san-luong-thuy-hai-san')).toBeLessThan(list.indexOf('/muc/kinh-te'));
      const section = r.hits.find((h) => h.href === '/muc/kinh-te')!;
      expect(section.inTitle).toBe(false);
      expect(marked(section)).toContain('sản lượng thuỷ hải sản');
    });

    it('title hits come before body hits, for every type', async () => {
      const r = await search('cảng biển Trần Đề');
      expect(hrefs(r)[0]).toBe('/du-an/cang-bien-tran-de');
      expect(hrefs(r)).toContain('/muc/kinh-te');
      const firstBodyHit = r.hits.findIndex((h) => !h.inTitle);
      expect(r.hits.slice(firstBodyHit).every((h) => !h.inTitle)).toBe(true);
    });

    it('counts every match, and the limit cuts the list, not the count', async () => {
      const all = await search('năm');
      const few = await search('năm', 3);
      expect(all.total).toBeGreaterThan(3);
      expect(few.total).toBe(all.total);
      expect(few.hits).toHaveLength(3);
      expect(hrefs(few)).toEqual(hrefs(all).slice(0, 3));
    });
  });

  describe('odd queries', () => {
    it('an empty or blank query finds nothing, without error', async () => {
      for (const q of ['', '   ', '\n\t']) expect(await search(q)).toEqual({ query: '', total: 0, hits: [] });
    });

    it('wildcards match literally: `%`, `_` and `\\` alone do not match everything', async () => {
      for (const q of ['%', '_', '\\', '%%', '__', '%_%', '\\%', '%\\', '% _']) {
        const r = await search(q);
        expect(r.total, JSON.stringify(q)).toBe(0);
      }
    });

    it('wildcards match themselves: `%_\\` finds the one text that contains it', async () => {
      expect((await search('%_\\')).total).toBe(0);
      await insertIndicator('kiem-thu-ky-tu', 'Mẫu có ký tự đặc biệt 5%_\\ ở giữa');
      try {
        const r = await search('%_\\');
        expect(hrefs(r)).toEqual(['/chi-tieu/kiem-thu-ky-tu']);
        expect(marked(r.hits[0]!)).toEqual(['%_\\']);
      } finally {
        await deleteIndicator('kiem-thu-ky-tu');
      }
    });

    it('a literal percent sign in the text is found as such: "100%"', async () => {
      const r = await search('đạt 100%');
      expect(r.total).toBeGreaterThan(0);
      expect(hrefs(r)).toContain('/chi-tieu/xa-nong-thon-moi-kieu-mau');
      expect(marked(r.hits.find((h) => h.href === '/chi-tieu/xa-nong-thon-moi-kieu-mau')!)).toContain('đạt 100%');
    });

    it(`a very long query is cut to ${MAX_QUERY_LENGTH} characters, never fatal`, async () => {
      const long = await search('sản lượng '.repeat(2000));
      expect(Array.from(long.query).length).toBeLessThanOrEqual(MAX_QUERY_LENGTH);
      expect(long.query.startsWith('sản lượng sản lượng')).toBe(true);
      const junk = await search('x'.repeat(100_000));
      expect(junk).toEqual({ query: 'x'.repeat(MAX_QUERY_LENGTH), total: 0, hits: [] });
      await expect(search('🙂'.repeat(5000))).resolves.toMatchObject({ total: 0 });
    });

    it('quotes, SQL and markup in the query are just text', async () => {
      for (const q of ["'; drop table indicators; --", '<script>alert(1)</script>', '"Đảng bộ"', 'a & b | !c', '):*']) {
        await expect(search(q), q).resolves.toBeDefined();
      }
      expect((await search('Đảng bộ')).total).toBeGreaterThan(0);
      expect((await t.db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(indicators))[0]!.n).toBe(12);
    });

    it('an unknown report has no hits', async () => {
      expect(await searchReport({ reportSlug: 'khong-co', query: 'Đảng bộ' }, t.db)).toMatchObject({ total: 0, hits: [] });
    });
  });

  describe('indexes', () => {
    /** The plans of the statements `searchReport` sends, with sequential scans discouraged. */
    async function plansFor(query: string): Promise<string[]> {
      const sent: Array<{ text: string; params: unknown[] }> = [];
      const logger = { logQuery: (text: string, params: unknown[]) => sent.push({ text, params }) };
      const client = (t.db as unknown as { $client: unknown }).$client;
      const logged = (
        t.kind === 'postgres' ? drizzlePostgres(client as Sql, { schema, logger }) : drizzlePglite(client as PGlite, { schema, logger })
      ) as unknown as Database;
      await searchReport({ reportSlug, query }, logged);
      expect(sent).toHaveLength(3);
      const plans: string[] = [];
      for (const { text, params } of sent) {
        let lines: string[];
        if (t.kind === 'postgres') {
          const rows = await (client as Sql).begin(async (tx) => {
            await tx.unsafe('analyze');
            await tx.unsafe('set local enable_seqscan = off');
            await tx.unsafe('set local enable_indexscan = off');
            return tx.unsafe(`explain ${text}`, params as never[]);
          });
          lines = rows.map((r) => String(r['QUERY PLAN']));
        } else {
          const pg = client as PGlite;
          await pg.query('analyze');
          await pg.query('set enable_seqscan = off');
          await pg.query('set enable_indexscan = off');
          try {
            lines = (await pg.query<{ 'QUERY PLAN': string }>(`explain ${text}`, params)).rows.map((r) => r['QUERY PLAN']);
          } finally {
            await pg.query('reset enable_seqscan');
            await pg.query('reset enable_indexscan');
          }
        }
        plans.push(lines.join('\n'));
      }
      return plans;
    }

    it('the query expressions are the indexed ones: the planner can use every search index', async () => {
      const plans = (await plansFor('san luong thuy san')).join('\n\n');
      for (const table of ['indicators', 'sections', 'entities']) {
        expect(plans).toContain(`${table}_search_fts`);
        expect(plans).toContain(`${table}_search_trgm`);
      }
    });

    it('the migration created the extensions, f_unaccent (IMMUTABLE) and vi_unaccent', async () => {
      const [row] = await t.db
        .select({
          extensions: sql<string>`(select string_agg(extname, ',' order by extname) from pg_extension where extname in ('unaccent', 'pg_trgm'))`,
          volatility: sql<string>`(select provolatile::text from pg_proc where proname = 'f_unaccent')`,
          unaccented: sql<string>`public.f_unaccent('Đảng bộ thuỷ thủy hoà hòa')`,
          matches: sql<boolean>`to_tsvector('public.vi_unaccent', 'Tổng sản lượng thuỷ hải sản') @@ plainto_tsquery('public.vi_unaccent', 'thủy san')`,
        })
        .from(reports)
        .limit(1);
      expect(row).toEqual({
        extensions: 'pg_trgm,unaccent',
        volatility: 'i',
        unaccented: 'Dang bo thuy thuy hoa hoa',
        matches: true,
      });
    });
  });
});
