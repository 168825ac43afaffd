import type { Metadata } from 'next';
import { Link } from '@/components/site/link';
import { notFound } from 'next/navigation';
import { SectionBody } from '@/components/report/section-body';
import { Breadcrumb, type Crumb } from '@/components/site/breadcrumb';
import { getIndicators, getSections, getSectionTree } from '@/db/queries/reports';
import { readingRevision } from '@/lib/reading';
import { DEFAULT_REPORT_SLUG } from '@/lib/site';

const reportSlug = DEFAULT_REPORT_SLUG;
type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const [section] = await getSectionTree({ reportSlug, slug, revisionId: await readingRevision() });
  if (!section) return { title: 'Không tìm thấy mục' };
  const firstSentence = section.body.split(/(?<=\.)\s/)[0] ?? '';
  return { title: section.title, description: firstSentence || section.heading || section.title };
}

export default async function SectionPage({ params }: Props) {
  const { slug } = await params;
  const [tree, all, indicators] = await Promise.all([
    getSectionTree({ reportSlug, slug, revisionId: await readingRevision() }),
    getSections({ reportSlug, revisionId: await readingRevision() }),
    getIndicators({ reportSlug, revisionId: await readingRevision() }),
  ]);
  const [section, ...children] = tree;
  if (!section) notFound();

  const crumbs: Crumb[] = [{ href: '/muc', label: 'Nội dung báo cáo' }];
  const parent = all.find((s) => s.slug === section.parentSlug);
  if (parent) crumbs.push({ href: `/muc/${parent.slug}`, label: parent.title });
  crumbs.push({ label: section.title });

  const index = all.findIndex((s) => s.slug === section.slug);
  const previous = all[index - 1];
  const next = all[index + 1];
  const inTree = new Set(tree.map((s) => s.slug));
  const related = indicators.filter((i) => i.section && inTree.has(i.section.slug));

  return (
    <>
      <Breadcrumb items={crumbs} />
      <h1>{section.title}</h1>
      {section.heading && section.heading !== section.title ? <p className="source-heading">{section.heading}</p> : null}
      <div className="prose" dangerouslySetInnerHTML={{ __html: section.bodyHtml }} />
      {children.map((child) => (
        <SectionBody key={child.slug} section={child} headingLevel={child.depth - section.depth === 1 ? 2 : 3} />
      ))}
      {related.length > 0 ? (
        <aside aria-labelledby="chi-tieu-lien-quan">
          <h2 id="chi-tieu-lien-quan">Chỉ tiêu, số liệu trong mục này</h2>
          <ul>
            {related.map((i) => (
              <li key={i.code}>
                <Link href={`/chi-tieu/${i.code}`}>{i.name}</Link>
              </li>
            ))}
          </ul>
        </aside>
      ) : null}
      <p className="no-print">
        <Link href={`/muc/${section.slug}/lich-su`}>Lịch sử thay đổi của mục này</Link>
      </p>
      <nav aria-label="Mục trước, mục sau" className="no-print">
        <p>
          {previous ? <Link href={`/muc/${previous.slug}`}>← {previous.title}</Link> : null}
          {previous && next ? ' · ' : null}
          {next ? <Link href={`/muc/${next.slug}`}>{next.title} →</Link> : null}
        </p>
      </nav>
    </>
  );
}
