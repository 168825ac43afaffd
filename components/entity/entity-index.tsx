import { Link } from '@/components/site/link';
import { notFound } from 'next/navigation';
import { Breadcrumb } from '@/components/site/breadcrumb';
import { getEntities } from '@/db/queries/reports';
import { formatIssuedOn } from '@/lib/dates';
import { readingRevision } from '@/lib/reading';
import { DEFAULT_REPORT_SLUG, entityRoutes, type EntityKind } from '@/lib/site';

/** The list page of one kind of named entity (projects, resolutions, institutions). */
export async function EntityIndex({ kind, intro }: { kind: EntityKind; intro: string }) {
  const list = (await getEntities({ reportSlug: DEFAULT_REPORT_SLUG, revisionId: await readingRevision() })).filter((e) => e.kind === kind);
  if (list.length === 0) notFound();
  const route = entityRoutes[kind];
  return (
    <>
      <Breadcrumb items={[{ label: route.label }]} />
      <h1>{route.label}</h1>
      <p className="lede">{intro}</p>
      <ul className="cards">
        {list.map((e) => (
          <li key={e.slug} className="card">
            <h2 style={{ fontSize: '1.05rem', margin: 0 }}>
              <Link href={e.href}>{kind === 'resolution' ? e.name : e.shortName}</Link>
            </h2>
            {e.issuedOn ? <p>ngày {formatIssuedOn(e.issuedOn)}</p> : null}
            {e.subject ? <p>{e.subject}</p> : null}
            {kind !== 'resolution' && e.name !== e.shortName ? <p className="note">{e.name}</p> : null}
          </li>
        ))}
      </ul>
    </>
  );
}
