import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { Breadcrumb } from '@/components/site/breadcrumb';
import { Link } from '@/components/site/link';
import { CSV_COLUMNS, JSON_FIELDS } from '@/lib/open-data/fields';
import { CACHE_CONTROL } from '@/lib/open-data/http';
import { languageAlternates, siteOrigin } from '@/lib/i18n/metadata';
import { getReading } from '@/lib/reading';
import { DEFAULT_REPORT_SLUG } from '@/lib/site';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('openData');
  return { title: t('title'), description: t('metaDescription'), alternates: await languageAlternates('/du-lieu') };
}

const slug = DEFAULT_REPORT_SLUG;

function FieldTable({ id, caption, rows, labels, lang }: { id: string; caption: string; rows: ReadonlyArray<readonly [string, string]>; labels: { field: string; meaning: string }; lang?: 'vi' }) {
  return (
    <div className="table-wrap">
      <table id={id} className="field-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{labels.field}</th>
            <th scope="col">{labels.meaning}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([name, meaning]) => (
            <tr key={name}>
              <th scope="row">
                <code>{name}</code>
              </th>
              <td lang={lang}>{meaning}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Example({ children }: { children: string }) {
  return (
    <pre className="example">
      <code>{children}</code>
    </pre>
  );
}

export default async function OpenDataPage() {
  const [t, { locale }] = await Promise.all([getTranslations('openData'), getReading()]);
  // Absolute only from configuration (SITE_URL); relative otherwise.
  const api = `${siteOrigin().origin}/api/v1/reports/${slug}`;
  // Field descriptions (lib/open-data/fields.ts) are written in Vietnamese only.
  const docsLang = locale === 'vi' ? undefined : 'vi';
  const labels = { field: t('field'), meaning: t('meaning') };
  const c = (chunks: ReactNode) => <code>{chunks}</code>;
  const tags = { c, strong: (chunks: ReactNode) => <strong>{chunks}</strong> };

  return (
    <>
      <Breadcrumb items={[{ label: t('title') }]} />
      <h1>{t('title')}</h1>
      <p className="lede">{t('lede')}</p>
      {locale === 'vi' ? null : (
        <p className="notice translation-notice" role="note">
          {t('inVietnamese')}
        </p>
      )}

      <section aria-labelledby="giay-phep">
        <h2 id="giay-phep">{t('licenceHeading')}</h2>
        <p className="notice">
          {t.rich('licence', {
            ...tags,
            view: (chunks) => <Link href="/van-ban-goc">{chunks}</Link>,
            txt: (chunks) => <a href="/van-ban-goc.txt">{chunks}</a>,
          })}
        </p>
      </section>

      <section aria-labelledby="dia-chi">
        <h2 id="dia-chi">{t('endpointsHeading')}</h2>
        <p>{t.rich('endpointsIntro', { ...tags, slug: () => <code>{slug}</code> })}</p>
        <div className="table-wrap">
          <table>
            <caption>{t('endpointsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('address')}</th>
                <th scope="col">{t('format')}</th>
                <th scope="col">{t('content')}</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">
                  <a href={`/api/v1/reports/${slug}`}>
                    <code>/api/v1/reports/{'{slug}'}</code>
                  </a>
                </th>
                <td>JSON</td>
                <td>{t('endpointReport')}</td>
              </tr>
              <tr>
                <th scope="row">
                  <a href={`/api/v1/reports/${slug}/indicators`}>
                    <code>/api/v1/reports/{'{slug}'}/indicators</code>
                  </a>
                </th>
                <td>JSON</td>
                <td>{t('endpointIndicators')}</td>
              </tr>
              <tr>
                <th scope="row">
                  <a href={`/api/v1/reports/${slug}/indicators.csv`}>
                    <code>/api/v1/reports/{'{slug}'}/indicators.csv</code>
                  </a>
                </th>
                <td>CSV</td>
                <td>{t('endpointCsv')}</td>
              </tr>
              <tr>
                <th scope="row">
                  <a href={`/api/v1/reports/${slug}/head`}>
                    <code>/api/v1/reports/{'{slug}'}/head</code>
                  </a>
                </th>
                <td>JSON</td>
                <td>{t('endpointHead')}</td>
              </tr>
              <tr>
                <th scope="row">
                  <a href="/thay-doi.atom">
                    <code>/thay-doi.atom</code>
                  </a>
                </th>
                <td>Atom 1.0</td>
                <td>{t.rich('endpointAtom', { changes: (chunks) => <Link href="/thay-doi">{chunks}</Link> })}</td>
              </tr>
              <tr>
                <th scope="row">
                  <Link href="/in">
                    <code>/in</code>
                  </Link>
                  ,{' '}
                  <a href="/in.pdf">
                    <code>/in.pdf</code>
                  </a>
                </th>
                <td>HTML, PDF</td>
                <td>{t('endpointPrint')}</td>
              </tr>
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="vi-du">
        <h2 id="vi-du">{t('examplesHeading')}</h2>
        <p>{t('exampleReport')}</p>
        <Example>{`curl ${api}`}</Example>
        <p>{t('exampleAsOfDay')}</p>
        <Example>{`curl "${api}/indicators?asOf=2025-12-31"`}</Example>
        <p>{t('exampleCsv')}</p>
        <Example>{`curl -OJ "${api}/indicators.csv?asOf=r120"`}</Example>
        <p>{t('exampleEtag')}</p>
        <Example>{`curl -i -H 'If-None-Match: "${slug}.r120.indicators.json.v1"' ${api}/indicators`}</Example>
        <p>{t('examplePython')}</p>
        <Example>{`import csv, decimal, io, urllib.request
  raw = urllib.request.urlopen("${api}/indicators.csv").read().decode("utf-8-sig")
  for row in csv.DictReader(io.StringIO(raw)):
      value = decimal.Decimal(row["value"]) if row["value"] else None`}</Example>
      </section>

      <section aria-labelledby="thoi-diem">
        <h2 id="thoi-diem">{t('asOfHeading')}</h2>
        <p>{t.rich('asOfIntro', tags)}</p>
        <ul>
          <li>{t.rich('asOfDay', tags)}</li>
          <li>{t.rich('asOfInstant', tags)}</li>
          <li>{t.rich('asOfRevision', tags)}</li>
        </ul>
        <p>{t.rich('asOfMissing', tags)}</p>
      </section>

      <section aria-labelledby="bo-nho-dem">
        <h2 id="bo-nho-dem">{t('cacheHeading')}</h2>
        <ul>
          <li>{t.rich('cacheEtag', { ...tags, example: () => <code>&quot;{slug}.r120.indicators.csv.v1&quot;</code> })}</li>
          <li>{t.rich('cacheLastModified', tags)}</li>
          <li>{t.rich('cacheConditional', tags)}</li>
          <li>{t.rich('cacheControl', { ...tags, value: () => <code>Cache-Control: {CACHE_CONTROL}</code> })}</li>
          <li>{t.rich('cacheCors', tags)}</li>
        </ul>
      </section>

      <section aria-labelledby="loi">
        <h2 id="loi">{t('errorsHeading')}</h2>
        <p>{t.rich('errorsIntro', { ...tags, shape: () => <code>{'{ "error": "…" }'}</code> })}</p>
        <ul>
          <li>{t.rich('error400', tags)}</li>
          <li>{t.rich('error404', tags)}</li>
        </ul>
      </section>

      <section aria-labelledby="truong-json">
        <h2 id="truong-json">{t('jsonHeading')}</h2>
        <p>{t.rich('jsonIntro', tags)}</p>
        <FieldTable id="json-chung" caption={t('jsonEnvelope')} rows={JSON_FIELDS.envelope} labels={labels} lang={docsLang} />
        <FieldTable id="json-bao-cao" caption={t('jsonReport')} rows={JSON_FIELDS.report} labels={labels} lang={docsLang} />
        <FieldTable id="json-chi-tieu" caption={t('jsonIndicator')} rows={JSON_FIELDS.indicator} labels={labels} lang={docsLang} />
        <FieldTable id="json-gia-tri" caption={t('jsonValue')} rows={JSON_FIELDS.value} labels={labels} lang={docsLang} />
        <FieldTable id="json-muc" caption={t('jsonSection')} rows={JSON_FIELDS.section} labels={labels} lang={docsLang} />
        <FieldTable id="json-doi-tuong" caption={t('jsonEntity')} rows={JSON_FIELDS.entity} labels={labels} lang={docsLang} />
      </section>

      <section aria-labelledby="cot-csv">
        <h2 id="cot-csv">{t('csvHeading')}</h2>
        <p>{t.rich('csvIntro', { ...tags, apos: () => <code>&apos;</code> })}</p>
        <FieldTable id="csv-cot" caption={t('csvCaption')} rows={CSV_COLUMNS} labels={labels} lang={docsLang} />
      </section>

      <section aria-labelledby="nguon-tin">
        <h2 id="nguon-tin">{t('feedHeading')}</h2>
        <p>{t.rich('feedIntro', { feed: (chunks) => <a href="/thay-doi.atom">{chunks}</a> })}</p>
      </section>
    </>
  );
}
