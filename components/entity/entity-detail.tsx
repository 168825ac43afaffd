import type { Metadata } from 'next';
import { Link } from '@/components/site/link';
import { notFound } from 'next/navigation';
import { Breadcrumb } from '@/components/site/breadcrumb';
import { getEntity } from '@/db/queries/reports';
import { formatIssuedOn } from '@/lib/dates';
import { readingRevision } from '@/lib/reading';
import { DEFAULT_REPORT_SLUG, entityRoutes, type EntityKind } from '@/lib/site';

/** One named entity and every sentence of the report that mentions it. */
export async function EntityDetail({ kind, slug }: { kind: EntityKind; slug: string }) {
  const entity = await getEntity({ reportSlug: DEFAULT_REPORT_SLUG, kind, slug, revisionId: await readingRevision() });
  if (!entity) notFound();
  const route = entityRoutes[kind];
  return (
    <>
      <Breadcrumb items={[{ href: route.path, label: route.label }, { label: entity.shortName }]} />
      <p className="note">{route.singular}</p>
      <h1>{entity.shortName}</h1>
      <dl className="facts">
        <dt>Tên trong văn bản</dt>
        <dd>{entity.name}</dd>
        {entity.number ? (
          <>
            <dt>Số hiệu</dt>
            <dd>{entity.number}</dd>
          </>
        ) : null}
        {entity.issuedOn ? (
          <>
            <dt>Ngày ban hành</dt>
            <dd>{formatIssuedOn(entity.issuedOn)}</dd>
          </>
        ) : null}
        {entity.issuer ? (
          <>
            <dt>Cơ quan ban hành</dt>
            <dd>{entity.issuer}</dd>
          </>
        ) : null}
        {entity.subject ? (
          <>
            <dt>Trích yếu</dt>
            <dd>{entity.subject}</dd>
          </>
        ) : null}
      </dl>
      <h2>Được nhắc đến trong báo cáo</h2>
      {entity.mentions.map((m) => (
        <section key={m.section.slug} aria-label={`Trong mục ${m.section.title}`}>
          <h3>
            <Link href={`/muc/${m.section.slug}`}>{m.section.title}</Link>
          </h3>
          {m.sentences.map((s) => (
            <blockquote key={s} className="quote">
              <p>{s}</p>
            </blockquote>
          ))}
        </section>
      ))}
    </>
  );
}

type RouteProps = { params: Promise<{ slug: string }> };

/** Page and metadata for `/<kind path>/[slug]`, so each route file is two lines. */
export function entityDetailRoute(kind: EntityKind) {
  return {
    async generateMetadata({ params }: RouteProps): Promise<Metadata> {
      const { slug } = await params;
      const entity = await getEntity({ reportSlug: DEFAULT_REPORT_SLUG, kind, slug, revisionId: await readingRevision() });
      if (!entity) return { title: 'Không tìm thấy' };
      return {
        title: entity.shortName,
        description: entity.subject
          ? `${entity.name} ${entity.subject}.`
          : `${entityRoutes[kind].singular} “${entity.name}” và những câu trong báo cáo nhắc đến.`,
      };
    },
    async Page({ params }: RouteProps) {
      const { slug } = await params;
      return <EntityDetail kind={kind} slug={slug} />;
    },
  };
}
