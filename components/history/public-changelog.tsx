import { RevisionCompare } from '@/components/history/revision-compare';
import { Link } from '@/components/site/link';
import type { PublicChange } from '@/db/queries/public-history';
import { formatDateTime } from '@/lib/dates';
import type { Locale } from '@/lib/i18n/config';
import { translator } from '@/lib/i18n/messages';
import { changeLines, changelogPath, itemPagePath } from '@/lib/open-data/changes';
import { diffSnapshots } from '@/lib/revision-diff';

/** Reasons, item names and change lines are the portal's (Vietnamese) record: marked so on English pages. */
const quoted = (locale: Locale) => (locale === 'vi' ? undefined : 'vi');

/** Links to the item's page as it stood right before and right after a change. */
function BeforeAfter({ change, locale }: { change: PublicChange; locale: Locale }) {
  const t = translator(locale, 'changelog');
  const before = change.previousSnapshot ? itemPagePath(change, 'before') : null;
  const after = change.action !== 'delete' ? itemPagePath(change, 'after') : null;
  if (!before && !after) return null;
  return (
    <p className="changelog-links">
      {before ? <Link href={before}>{t('pageBefore')}</Link> : null}
      {before && after ? ' · ' : null}
      {after ? <Link href={after}>{t('pageAfter', { revision: String(change.id) })}</Link> : null}
    </p>
  );
}

function Reason({ change, locale }: { change: PublicChange; locale: Locale }) {
  const t = translator(locale, 'changelog');
  return (
    <p className="changelog-reason">
      <span className="badge badge-chua_xac_dinh">{t(`reason.${change.reasonKind}`)}</span> <span lang={quoted(locale)}>{change.reasonText}</span>
    </p>
  );
}

const when = (iso: string, locale: Locale) => <time dateTime={iso}>{formatDateTime(iso, locale)}</time>;

/** One item's history, newest first, each change with its full old → new comparison. No staff identity. */
export function ItemChangelog({ entries, locale = 'vi' }: { entries: PublicChange[]; locale?: Locale }) {
  const t = translator(locale, 'changelog');
  return (
    <ol className="changelog" reversed>
      {entries.map((c) => {
        const headingId = `r${c.id}-tieu-de`;
        return (
          <li key={c.id} id={`r${c.id}`} className="changelog-entry">
            <article aria-labelledby={headingId}>
              <h2 id={headingId}>
                {when(c.createdAt, locale)} — {t(`reason.${c.action === 'import' ? 'import' : c.reasonKind}`)}
              </h2>
              <p className="note">
                {t('entryMeta', { action: t(`action.${c.action}`), number: String(c.revisionNo), revision: String(c.id) })}
              </p>
              {c.action === 'import' ? (
                <p>{t('imported')}</p>
              ) : (
                <>
                  <Reason change={c} locale={locale} />
                  <RevisionCompare
                    locale={locale}
                    diff={diffSnapshots(c.itemType, c.previousSnapshot, c.snapshot)}
                    fromLabel={c.previousRevisionId ? t('fromRevision', { revision: String(c.previousRevisionId) }) : t('fromNothing')}
                    toLabel={c.action === 'delete' ? t('toDeleted') : t('toRevision', { revision: String(c.id) })}
                  />
                </>
              )}
              <BeforeAfter change={c} locale={locale} />
            </article>
          </li>
        );
      })}
    </ol>
  );
}

/** Changes across the whole report, newest first, each summed up as short old → new lines. */
export function ChangeList({ changes, locale = 'vi' }: { changes: PublicChange[]; locale?: Locale }) {
  const t = translator(locale, 'changelog');
  const vi = quoted(locale);
  return (
    <ol className="changelog">
      {changes.map((c) => {
        const headingId = `r${c.id}-tieu-de`;
        const lines = changeLines(c);
        const path = changelogPath(c);
        return (
          <li key={c.id} id={`r${c.id}`} className="changelog-entry">
            <article aria-labelledby={headingId}>
              <h2 id={headingId} lang={vi}>
                {path.startsWith('/thay-doi') ? c.itemLabel : <Link href={path}>{c.itemLabel}</Link>}
              </h2>
              <p className="note">
                {when(c.createdAt, locale)} · {t(`itemType.${c.itemType}`)} · {t(`action.${c.action}`)} · r{c.id}
              </p>
              <Reason change={c} locale={locale} />
              {lines.length > 0 ? (
                <ul className="change-lines" lang={vi}>
                  {lines.map((l, i) => (
                    <li key={i}>
                      {l.label}: <del>{l.before}</del> <span aria-hidden="true">→</span>
                      <span className="visually-hidden" lang={locale === 'vi' ? undefined : 'en'}> {t('into')} </span> <ins>{l.after}</ins>
                    </li>
                  ))}
                </ul>
              ) : null}
              <BeforeAfter change={c} locale={locale} />
            </article>
          </li>
        );
      })}
    </ol>
  );
}
