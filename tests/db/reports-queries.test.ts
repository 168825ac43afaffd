/**
 * The public data functions (db/queries/reports.ts) against a migrated, seeded database:
 * PGlite in memory, or PostgreSQL when TEST_DATABASE_URL is set.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  findEntities,
  findEntity,
  findIndicator,
  findIndicators,
  findOverviewIndicators,
  findReport,
  findSections,
  findSectionTree,
  findSourceText,
} from '@/db/queries/reports';
import { headlineValue } from '@/lib/indicator';
import { createTestDatabase, databaseKind, type TestDatabase } from '../helpers/db';
import { sourceText } from '../helpers/source-sentences';

const reportSlug = 'soc-trang-2020-2025';
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

describe(`report queries (${databaseKind()})`, () => {
  let t: TestDatabase;

  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('findReport', () => {
    it('returns the report without its source text', async () => {
      const report = await findReport({ slug: reportSlug }, t.db);
      expect(report).toMatchObject({
        slug: reportSlug,
        documentLabel: 'PHỤ LỤC 2',
        documentHeading: 'KẾT QUẢ NỔI BẬT CỦA ĐẢNG BỘ TỈNH SÓC TRĂNG, NHIỆM KỲ 2020 - 2025',
        title: 'Kết quả nổi bật của Đảng bộ tỉnh Sóc Trăng, nhiệm kỳ 2020 - 2025',
        termLabel: '2020 - 2025',
        termStart: 2020,
        termEnd: 2025,
        indicatorsTotal: 20,
        indicatorsMet: 17,
        indicatorsNotMet: 3,
        headline: 'Đến nay, đã có 17/20 chỉ tiêu đạt và vượt.',
      });
      expect(report).not.toHaveProperty('sourceText');
      expect(report!.updatedAt).toMatch(ISO);
      // Plain data: it goes through the JSON-serialising cache unchanged.
      expect(JSON.parse(JSON.stringify(report))).toEqual(report);
    });

    it('returns null for an unknown report', async () => {
      expect(await findReport({ slug: 'khong-co' }, t.db)).toBeNull();
    });
  });

  describe('findIndicators', () => {
    it('returns every indicator in reading order, with its section and values', async () => {
      const list = await findIndicators({ reportSlug }, t.db);
      expect(list.map((i) => i.code)).toEqual([
        'tang-truong-grdp',
        'co-cau-grdp',
        'chi-so-san-xuat-cong-nghiep',
        'grdp-binh-quan-dau-nguoi',
        'san-luong-thuy-hai-san',
        'xa-nong-thon-moi-kieu-mau',
        'huyen-nong-thon-moi',
        'huyen-nong-thon-moi-nang-cao',
        'gia-tri-san-xuat-cong-nghiep',
        'gia-tri-xuat-khau',
        'xoa-nha-tam',
        'dao-tao-can-bo',
      ]);
      expect(list.map((i) => i.position)).toEqual([...list.map((i) => i.position)].sort((a, b) => a - b));
      for (const i of list) {
        expect(i.section, i.code).not.toBeNull();
        expect(i.updatedAt).toMatch(ISO);
        for (const v of i.values) expect(v.value, `${i.code} ${v.year}`).toMatch(/^-?\d+(\.\d+)?$/);
      }
      expect(JSON.parse(JSON.stringify(list))).toEqual(list);
    });

    it('the three named indicators are the three not met', async () => {
      const list = await findIndicators({ reportSlug }, t.db);
      const named = list.filter((i) => i.namedAsKeyIndicator);
      expect(named.map((i) => i.name)).toEqual([
        'Tốc độ tăng tổng sản phẩm trên địa bàn',
        'Cơ cấu GRDP',
        'Chỉ số sản xuất công nghiệp',
      ]);
      expect(named.every((i) => i.status === 'chua_dat')).toBe(true);
      expect(list.filter((i) => i.status === 'chua_dat')).toHaveLength(3);
    });

    it('returns nothing for an unknown report', async () => {
      expect(await findIndicators({ reportSlug: 'khong-co' }, t.db)).toEqual([]);
    });
  });

  describe('findIndicator', () => {
    it('keeps exact decimals, kinds and notes: GRDP per head, 2020 derived from 75,5 ÷ 1,65', async () => {
      const i = await findIndicator({ reportSlug, code: 'grdp-binh-quan-dau-nguoi' }, t.db);
      expect(i).toMatchObject({
        code: 'grdp-binh-quan-dau-nguoi',
        name: 'GRDP bình quân đầu người (giá hiện hành)',
        unit: 'triệu đồng/người/năm',
        status: 'chua_xac_dinh',
        namedAsKeyIndicator: false,
        baselineComparison: 'tăng 1,65 lần so với năm 2020',
        targetComparison: null,
        section: { slug: 'kinh-te', title: 'Kinh tế' },
      });
      expect(i!.values.map(({ role, year, value, kind }) => ({ role, year, value, kind }))).toEqual([
        { role: 'actual', year: 2020, value: '45.8', kind: 'derived' },
        { role: 'actual', year: 2025, value: '75.5', kind: 'estimate' },
      ]);
      expect(i!.values[0]!.note).toContain('75,5 ÷ 1,65 ≈ 45,8');
    });

    it('orders actual values by year before the target', async () => {
      const i = await findIndicator({ reportSlug, code: 'gia-tri-xuat-khau' }, t.db);
      expect(i!.values.map((v) => [v.role, v.year, v.value, v.kind])).toEqual([
        ['actual', 2020, '1.12', 'derived'],
        ['actual', 2025, '1.90', 'estimate'],
        ['target', 2025, '1.20', 'derived'],
      ]);
      expect(i!.status).toBe('vuot');
      expect(i!.targetComparison).toBe('vượt 58,33% so với với chỉ tiêu Nghị quyết');
    });

    it('keeps trailing zeros and qualifiers as written', async () => {
      const growth = await findIndicator({ reportSlug, code: 'tang-truong-grdp' }, t.db);
      expect(growth!.values.find((v) => v.role === 'actual')).toMatchObject({
        value: '6.20',
        periodLabel: 'bình quân trong 5 năm (2020 - 2025)',
      });
      const housing = await findIndicator({ reportSlug, code: 'xoa-nha-tam' }, t.db);
      expect(housing!.values).toEqual([expect.objectContaining({ value: '97', qualifier: 'trên', kind: 'reported' })]);
    });

    it('an indicator without figures has no values', async () => {
      const i = await findIndicator({ reportSlug, code: 'co-cau-grdp' }, t.db);
      expect(i).toMatchObject({ name: 'Cơ cấu GRDP', unit: null, values: [], status: 'chua_dat' });
      expect(i!.section).toEqual({ slug: 'chi-tieu-chu-yeu', title: 'Kết quả các chỉ tiêu chủ yếu', translations: {} });
    });

    it('returns null for an unknown code or report', async () => {
      expect(await findIndicator({ reportSlug, code: 'khong-co' }, t.db)).toBeNull();
      expect(await findIndicator({ reportSlug: 'khong-co', code: 'co-cau-grdp' }, t.db)).toBeNull();
    });
  });

  describe('findSections and findSectionTree', () => {
    it('lists the sections in order, with parents and depths', async () => {
      const list = await findSections({ reportSlug }, t.db);
      expect(list).toHaveLength(13);
      expect(list.map((s) => [s.slug, s.parentSlug, s.depth])).toEqual([
        ['chi-tieu-chu-yeu', null, 0],
        ['phat-trien-kinh-te-xa-hoi', null, 0],
        ['kinh-te', 'phat-trien-kinh-te-xa-hoi', 1],
        ['an-sinh-xa-hoi', 'phat-trien-kinh-te-xa-hoi', 1],
        ['quoc-phong-an-ninh', null, 0],
        ['xay-dung-dang', null, 0],
        ['nhiem-vu-dot-pha', null, 0],
        ['dot-pha-nguon-nhan-luc', 'nhiem-vu-dot-pha', 1],
        ['dot-pha-cai-cach-hanh-chinh', 'nhiem-vu-dot-pha', 1],
        ['dot-pha-ket-cau-ha-tang', 'nhiem-vu-dot-pha', 1],
        ['han-che-nguyen-nhan', null, 0],
        ['nguyen-nhan', 'han-che-nguyen-nhan', 1],
        ['bai-hoc-kinh-nghiem', null, 0],
      ]);
    });

    it('the whole tree, each section with its body and sanitised HTML', async () => {
      const tree = await findSectionTree({ reportSlug }, t.db);
      expect(tree.map((s) => s.slug)).toEqual((await findSections({ reportSlug }, t.db)).map((s) => s.slug));
      for (const s of tree) {
        expect(s.version).toBeGreaterThanOrEqual(1);
        expect(s.bodyHtml).not.toMatch(/<script|<iframe|\son[a-z]+=/i);
        expect(s.bodyHtml).toBe(s.bodyHtml.normalize('NFC'));
      }
      const lessons = tree.find((s) => s.slug === 'bai-hoc-kinh-nghiem')!;
      expect(lessons.heading).toBe('2. Một số bài học kinh nghiệm');
      expect(lessons.bodyHtml.match(/<p>/g)).toHaveLength(5);
    });

    it('a subtree: the section, then its descendants', async () => {
      const tree = await findSectionTree({ reportSlug, slug: 'nhiem-vu-dot-pha' }, t.db);
      expect(tree.map((s) => s.slug)).toEqual([
        'nhiem-vu-dot-pha',
        'dot-pha-nguon-nhan-luc',
        'dot-pha-cai-cach-hanh-chinh',
        'dot-pha-ket-cau-ha-tang',
      ]);
      const leaf = await findSectionTree({ reportSlug, slug: 'kinh-te' }, t.db);
      expect(leaf.map((s) => s.slug)).toEqual(['kinh-te']);
      expect(leaf[0]!.body).toContain('6,20%/năm');
      expect(leaf[0]!.bodyHtml).toContain('6,20%/năm');
    });

    it('links the entities named in the text to their pages', async () => {
      const [hr] = await findSectionTree({ reportSlug, slug: 'dot-pha-nguon-nhan-luc' }, t.db);
      expect(hr!.bodyHtml).toContain(
        '<a href="/nghi-quyet/nghi-quyet-06-nq-tu" title="Nghị quyết 06-NQ/TU" class="entity-link">Nghị quyết số 06-NQ/TU</a>',
      );
      expect(hr!.bodyHtml).toContain('<a href="/don-vi/truong-cao-dang-nghe"');
      expect(hr!.bodyHtml).toContain('<a href="/don-vi/cao-dang-cong-dong"');
      const [economy] = await findSectionTree({ reportSlug, slug: 'kinh-te' }, t.db);
      expect(economy!.bodyHtml.match(/href="\/du-an\/[^"]+"/g)).toEqual([
        'href="/du-an/cao-toc-chau-doc-can-tho-soc-trang"',
        'href="/du-an/truc-kinh-te-dong-tay"',
        'href="/du-an/cang-bien-tran-de"',
      ]);
      // Linking changes no word of the text.
      expect(economy!.bodyHtml.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim()).toBe(
        economy!.body.replace(/\s+/g, ' ').trim(),
      );
    });

    it('returns nothing for an unknown section or report', async () => {
      expect(await findSectionTree({ reportSlug, slug: 'khong-co' }, t.db)).toEqual([]);
      expect(await findSectionTree({ reportSlug: 'khong-co' }, t.db)).toEqual([]);
      expect(await findSections({ reportSlug: 'khong-co' }, t.db)).toEqual([]);
    });
  });

  describe('findEntities and findEntity', () => {
    it('lists the entities with their page addresses', async () => {
      const list = await findEntities({ reportSlug }, t.db);
      expect(list).toHaveLength(11);
      expect(list.filter((e) => e.kind === 'project').map((e) => e.href)).toEqual([
        '/du-an/cao-toc-chau-doc-can-tho-soc-trang',
        '/du-an/truc-kinh-te-dong-tay',
        '/du-an/cang-bien-tran-de',
      ]);
      expect(list.filter((e) => e.kind === 'resolution').map((e) => e.href)).toEqual([
        '/nghi-quyet/nghi-quyet-06-nq-tu',
        '/nghi-quyet/nghi-quyet-10-nq-tu',
        '/nghi-quyet/nghi-quyet-07-nq-tu',
      ]);
      expect(list.filter((e) => e.kind === 'institution')).toHaveLength(5);
    });

    it('a resolution with its number, date and the sentence that mentions it', async () => {
      const e = await findEntity({ reportSlug, kind: 'resolution', slug: 'nghi-quyet-06-nq-tu' }, t.db);
      expect(e).toMatchObject({
        name: 'Nghị quyết số 06-NQ/TU',
        shortName: 'Nghị quyết 06-NQ/TU',
        number: '06-NQ/TU',
        issuedOn: '2021-07-11',
        issuer: 'Tỉnh uỷ',
        href: '/nghi-quyet/nghi-quyet-06-nq-tu',
      });
      expect(e!.mentions).toHaveLength(1);
      expect(e!.mentions[0]!.section).toMatchObject({ slug: 'dot-pha-nguon-nhan-luc', parentSlug: 'nhiem-vu-dot-pha', depth: 1 });
      expect(e!.mentions[0]!.sentences).toEqual([
        'Tỉnh uỷ đã ban hành Nghị quyết số 06-NQ/TU, ngày 11/7/2021 về phát triển nguồn nhân lực tỉnh Sóc Trăng giai đoạn 2020 - 2025, tầm nhìn đến năm 2030.',
      ]);
    });

    it('a project mentioned in two sections: one entry per section, each sentence once', async () => {
      const e = await findEntity({ reportSlug, kind: 'project', slug: 'cao-toc-chau-doc-can-tho-soc-trang' }, t.db);
      expect(e!.mentions.map((m) => m.section.slug)).toEqual(['kinh-te', 'dot-pha-ket-cau-ha-tang']);
      for (const m of e!.mentions) {
        expect(new Set(m.sentences).size).toBe(m.sentences.length);
        for (const s of m.sentences) expect(s).toContain(e!.aliases[0]);
      }
      expect(e!.mentions[1]!.sentences.length).toBeGreaterThanOrEqual(2);
    });

    it('every mention sentence is a verbatim part of the source', async () => {
      const source = sourceText().replace(/\s+/g, ' ');
      for (const entity of await findEntities({ reportSlug }, t.db)) {
        const e = await findEntity({ reportSlug, kind: entity.kind, slug: entity.slug }, t.db);
        expect(e!.mentions.length, entity.slug).toBeGreaterThan(0);
        for (const s of e!.mentions.flatMap((m) => m.sentences)) expect(source, entity.slug).toContain(s.replace(/\s+/g, ' '));
      }
    });

    it('returns null for a wrong kind, an unknown slug or report', async () => {
      expect(await findEntity({ reportSlug, kind: 'project', slug: 'nghi-quyet-06-nq-tu' }, t.db)).toBeNull();
      expect(await findEntity({ reportSlug, kind: 'institution', slug: 'khong-co' }, t.db)).toBeNull();
      expect(await findEntity({ reportSlug: 'khong-co', kind: 'resolution', slug: 'nghi-quyet-06-nq-tu' }, t.db)).toBeNull();
    });
  });

  describe('findOverviewIndicators', () => {
    it('shows what the full list would give: the named key indicators not met, the first with figures, the counts', async () => {
      const all = await findIndicators({ reportSlug }, t.db);
      const withFigures = all.filter((i) => headlineValue(i));
      const overview = (await findOverviewIndicators({ reportSlug }, t.db))!;
      expect(overview.featured).toEqual(withFigures);
      expect(overview.notMet).toEqual(all.filter((i) => i.namedAsKeyIndicator && i.status === 'chua_dat'));
      expect(overview.counts).toEqual({ shown: all.length, named: all.filter((i) => i.namedAsKeyIndicator).length, withFigures: withFigures.length });
      expect(overview.featured.length).toBeGreaterThan(3);
    });

    it('shows at most `limit` cards, in report order, now and as of a past revision alike', async () => {
      const all = await findIndicators({ reportSlug }, t.db);
      const firstThree = all.filter((i) => headlineValue(i)).slice(0, 3);
      const now = (await findOverviewIndicators({ reportSlug, limit: 3 }, t.db))!;
      expect(now.featured).toEqual(firstThree);
      expect(now.counts.withFigures).toBeGreaterThan(3);
      const latest = (await findReport({ slug: reportSlug }, t.db))!.latestRevision!.id;
      const past = (await findOverviewIndicators({ reportSlug, limit: 3, revisionId: latest }, t.db))!;
      // A past view numbers values its own way; what a reader sees of them is the same.
      const shown = (list: typeof firstThree) => list.map((i) => [i.code, i.values.map(({ id: _id, ...v }) => v)]);
      expect(shown(past.featured)).toEqual(shown(firstThree));
      expect(past.counts).toEqual(now.counts);
      expect(await findOverviewIndicators({ reportSlug: 'khong-co' }, t.db)).toBeNull();
    });
  });

  describe('findSourceText', () => {
    it('returns the source as loaded, NFC', async () => {
      const source = await findSourceText({ slug: reportSlug }, t.db);
      expect(source!.file).toBe('phu-luc-2-ket-qua-noi-bat-soc-trang-2020-2025.txt');
      expect(source!.text).toBe(sourceText());
      expect(await findSourceText({ slug: 'khong-co' }, t.db)).toBeNull();
    });
  });
});
