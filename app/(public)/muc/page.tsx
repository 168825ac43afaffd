import type { Metadata } from 'next';
import { Link } from '@/components/site/link';
import { notFound } from 'next/navigation';
import { SectionBody } from '@/components/report/section-body';
import { Breadcrumb } from '@/components/site/breadcrumb';
import { getReport, getSectionTree } from '@/db/queries/reports';
import { readingRevision } from '@/lib/reading';
import { DEFAULT_REPORT_SLUG } from '@/lib/site';

const reportSlug = DEFAULT_REPORT_SLUG;

export const metadata: Metadata = {
  title: 'Nội dung báo cáo',
  description:
    'Toàn văn các phần của báo cáo: kinh tế - xã hội, an sinh xã hội, quốc phòng an ninh, xây dựng Đảng, ba nhiệm vụ đột phá, hạn chế và nguyên nhân, bài học kinh nghiệm.',
};

export default async function ReportTextPage() {
  const [report, sections] = await Promise.all([getReport({ slug: reportSlug, revisionId: await readingRevision() }), getSectionTree({ reportSlug, revisionId: await readingRevision() })]);
  if (!report) notFound();
  return (
    <>
      <Breadcrumb items={[{ label: 'Nội dung báo cáo' }]} />
      <h1>Nội dung báo cáo</h1>
      <p className="lede">
        {report.documentLabel}: {report.documentHeading}
      </p>
      <nav className="toc" aria-labelledby="muc-luc">
        <h2 id="muc-luc">Mục lục</h2>
        <ol>
          {sections
            .filter((s) => s.depth === 0)
            .map((s) => (
              <li key={s.slug}>
                <Link href={`/muc/${s.slug}`}>{s.title}</Link>
                {sections.some((c) => c.parentSlug === s.slug) ? (
                  <ol>
                    {sections
                      .filter((c) => c.parentSlug === s.slug)
                      .map((c) => (
                        <li key={c.slug}>
                          <Link href={`/muc/${c.slug}`}>{c.title}</Link>
                        </li>
                      ))}
                  </ol>
                ) : null}
              </li>
            ))}
        </ol>
      </nav>
      {sections.map((s) => (
        <SectionBody key={s.slug} section={s} headingLevel={s.depth === 0 ? 2 : 3} />
      ))}
    </>
  );
}
