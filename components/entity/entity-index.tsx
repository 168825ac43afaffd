import { getLocale, getTranslations } from 'next-intl/server';
import { Link } from '@/components/site/link';
import { MissingPage } from '@/components/site/not-found-message';
import { Breadcrumb } from '@/components/site/breadcrumb';
import { TranslationNotice } from '@/components/site/translation-notice';
import { getEntities } from '@/db/queries/cached-reads';
import { formatIssuedOn } from '@/lib/dates';
import { anyUntranslated, langOf } from '@/lib/i18n/content';
import { getReading } from '@/lib/reading';
import { DEFAULT_REPORT_SLUG } from '@/lib/site';
import type { EntityKind } from '@/lib/vocabulary';

/** The list page of one kind of named entity (projects, resolutions, institutions). */
export async function EntityIndex({ kind }: { kind: EntityKind }) {
  const { moment } = await getReading();
  const locale = await getLocale();
  const [all, t] = await Promise.all([getEntities({ reportSlug: DEFAULT_REPORT_SLUG, revisionId: moment?.revisionId, locale }), getTranslations('entities')]);
  const list = all.filter((e) => e.kind === kind);
  if (list.length === 0) return <MissingPage />;
  const title = kind === 'resolution' ? 'name' : 'shortName';
  return (
    <>
      <Breadcrumb items={[{ label: t(`${kind}.label`) }]} />
      <h1>{t(`${kind}.label`)}</h1>
      <TranslationNotice show={anyUntranslated(list, ['name', 'shortName', 'subject'])} />
      <p className="lede">{t(`${kind}.intro`)}</p>
      <ul className="cards">
        {list.map((e) => (
          <li key={e.slug} className="card">
            <h2 style={{ fontSize: '1.05rem', margin: 0 }}>
              <Link href={e.href} lang={langOf(e, title)}>
                {e[title]}
              </Link>
            </h2>
            {e.issuedOn ? <p>{t('issuedOn', { date: formatIssuedOn(e.issuedOn, locale) })}</p> : null}
            {e.subject ? <p lang={langOf(e, 'subject')}>{e.subject}</p> : null}
            {kind !== 'resolution' && e.name !== e.shortName ? (
              <p className="note" lang={langOf(e, 'name')}>
                {e.name}
              </p>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}
