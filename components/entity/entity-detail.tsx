import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { Link } from '@/components/site/link';
import { MissingPage } from '@/components/site/not-found-message';
import { Breadcrumb } from '@/components/site/breadcrumb';
import { TranslationNotice } from '@/components/site/translation-notice';
import { getEntity } from '@/db/queries/cached-reads';
import { formatIssuedOn } from '@/lib/dates';
import { anyUntranslated, langOf, quotedLang } from '@/lib/i18n/content';
import { languageAlternates } from '@/lib/i18n/metadata';
import { getReading } from '@/lib/reading';
import { DEFAULT_REPORT_SLUG, entityHref, entityRoutes } from '@/lib/site';
import type { EntityKind } from '@/lib/vocabulary';

async function load(kind: EntityKind, slug: string) {
  const { moment } = await getReading();
  const locale = await getLocale();
  return getEntity({ reportSlug: DEFAULT_REPORT_SLUG, kind, slug, revisionId: moment?.revisionId, locale });
}

/** One named entity and every sentence of the report that mentions it (quoted in Vietnamese). */
export async function EntityDetail({ kind, slug }: { kind: EntityKind; slug: string }) {
  const [entity, t, locale] = await Promise.all([load(kind, slug), getTranslations('entities'), getLocale()]);
  if (!entity) return <MissingPage />;
  const quoted = quotedLang(locale);
  return (
    <>
      <Breadcrumb items={[{ href: entityRoutes[kind].path, label: t(`${kind}.label`) }, { label: entity.shortName, lang: langOf(entity, 'shortName') }]} />
      <p className="note">{t(`${kind}.singular`)}</p>
      <h1 lang={langOf(entity, 'shortName')}>{entity.shortName}</h1>
      <TranslationNotice show={anyUntranslated([entity, ...entity.mentions.map((m) => m.section)])} />
      <dl className="facts">
        <dt>{t('nameInSource')}</dt>
        {/* The name as the document writes it, in every language. */}
        <dd lang={quoted}>{entity.vi.name ?? entity.name}</dd>
        {entity.number ? (
          <>
            <dt>{t('number')}</dt>
            <dd>{entity.number}</dd>
          </>
        ) : null}
        {entity.issuedOn ? (
          <>
            <dt>{t('issuedOnLabel')}</dt>
            <dd>{formatIssuedOn(entity.issuedOn, locale)}</dd>
          </>
        ) : null}
        {entity.issuer ? (
          <>
            <dt>{t('issuer')}</dt>
            <dd lang={langOf(entity, 'issuer')}>{entity.issuer}</dd>
          </>
        ) : null}
        {entity.subject ? (
          <>
            <dt>{t('subject')}</dt>
            <dd lang={langOf(entity, 'subject')}>{entity.subject}</dd>
          </>
        ) : null}
      </dl>
      <h2>{t('mentions')}</h2>
      {entity.mentions.map((m) => (
        <section key={m.section.slug} aria-label={t('inSection', { title: m.section.title })}>
          <h3>
            <Link href={`/muc/${m.section.slug}`} lang={langOf(m.section, 'title')}>
              {m.section.title}
            </Link>
          </h3>
          {m.sentences.map((s) => (
            <blockquote key={s} className="quote" lang={quoted}>
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
    /** Rendered on first request and cached (none at build: the build needs no database). */
    async generateStaticParams(): Promise<never[]> {
      return [];
    },
    async generateMetadata({ params }: RouteProps): Promise<Metadata> {
      const { slug } = await params;
      const [entity, t] = await Promise.all([load(kind, slug), getTranslations('entities')]);
      if (!entity) return { title: t('notFound') };
      return {
        title: entity.shortName,
        description: entity.subject
          ? t('metaDescriptionSubject', { name: entity.name, subject: entity.subject })
          : t('metaDescription', { kind: t(`${kind}.singular`), name: entity.name }),
        alternates: await languageAlternates(entityHref(kind, slug)),
      };
    },
    async Page({ params }: RouteProps) {
      const { slug } = await params;
      return <EntityDetail kind={kind} slug={slug} />;
    },
  };
}
