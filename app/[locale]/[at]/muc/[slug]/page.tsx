import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { Link } from '@/components/site/link';
import { MissingPage } from '@/components/site/not-found-message';
import { SectionBody } from '@/components/report/section-body';
import { Breadcrumb, type Crumb } from '@/components/site/breadcrumb';
import { TranslationNotice } from '@/components/site/translation-notice';
import { getCitedIndicators, getSections, getSectionTree } from '@/db/queries/cached-reads';
import { anyUntranslated, langOf } from '@/lib/i18n/content';
import { languageAlternates } from '@/lib/i18n/metadata';
import { getReading } from '@/lib/reading';
import { DEFAULT_REPORT_SLUG } from '@/lib/site';

const reportSlug = DEFAULT_REPORT_SLUG;
/** Rendered on first request and cached (none at build: the build needs no database). */
export async function generateStaticParams(): Promise<never[]> {
  return [];
}

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const { locale, moment } = await getReading();
  const [[section], t] = await Promise.all([getSectionTree({ reportSlug, slug, revisionId: moment?.revisionId, locale }), getTranslations('sections')]);
  if (!section) return { title: t('notFound') };
  const firstSentence = section.body.split(/(?<=\.)\s/)[0] ?? '';
  return { title: section.title, description: firstSentence || section.heading || section.title, alternates: await languageAlternates(`/muc/${slug}`) };
}

export default async function SectionPage({ params }: Props) {
  const { slug } = await params;
  const { locale, moment } = await getReading();
  const revisionId = moment?.revisionId;
  const [tree, all, t] = await Promise.all([
    getSectionTree({ reportSlug, slug, revisionId, locale }),
    getSections({ reportSlug, revisionId, locale }),
    getTranslations('sections'),
  ]);
  const [section, ...children] = tree;
  if (!section) return <MissingPage />;
  const related = await getCitedIndicators({ reportSlug, sectionSlugs: tree.map((s) => s.slug), revisionId, locale });

  const crumbs: Crumb[] = [{ href: '/muc', label: t('title') }];
  const parent = all.find((s) => s.slug === section.parentSlug);
  if (parent) crumbs.push({ href: `/muc/${parent.slug}`, label: parent.title, lang: langOf(parent, 'title') });
  crumbs.push({ label: section.title, lang: langOf(section, 'title') });

  const index = all.findIndex((s) => s.slug === section.slug);
  const previous = all[index - 1];
  const next = all[index + 1];
  const fellBack = anyUntranslated(tree) || anyUntranslated([parent, previous, next], ['title']) || anyUntranslated(related, ['name']);

  return (
    <>
      <Breadcrumb items={crumbs} />
      <h1 lang={langOf(section, 'title')}>{section.title}</h1>
      <TranslationNotice show={fellBack} />
      {section.heading && section.heading !== section.title ? (
        <p className="source-heading" lang={langOf(section, 'heading')}>
          {section.heading}
        </p>
      ) : null}
      <div className="prose" lang={langOf(section, 'body')} dangerouslySetInnerHTML={{ __html: section.bodyHtml }} />
      {children.map((child) => (
        <SectionBody key={child.slug} section={child} headingLevel={child.depth - section.depth === 1 ? 2 : 3} />
      ))}
      {related.length > 0 ? (
        <aside aria-labelledby="chi-tieu-lien-quan">
          <h2 id="chi-tieu-lien-quan">{t('related')}</h2>
          <ul>
            {related.map((i) => (
              <li key={i.code}>
                <Link href={`/chi-tieu/${i.code}`} lang={langOf(i, 'name')}>
                  {i.name}
                </Link>
              </li>
            ))}
          </ul>
        </aside>
      ) : null}
      <p className="no-print">
        <Link href={`/muc/${section.slug}/lich-su`}>{t('historyLink')}</Link>
      </p>
      <nav aria-label={t('prevNext')} className="no-print">
        <p>
          {previous ? (
            <Link href={`/muc/${previous.slug}`}>
              ← <span lang={langOf(previous, 'title')}>{previous.title}</span>
            </Link>
          ) : null}
          {previous && next ? ' · ' : null}
          {next ? (
            <Link href={`/muc/${next.slug}`}>
              <span lang={langOf(next, 'title')}>{next.title}</span> →
            </Link>
          ) : null}
        </p>
      </nav>
    </>
  );
}
