/**
 * The JSON documents of /api/v1: the whole report, or its indicators, for one revision. Field
 * names are snake_case and never change within api_version 1 (documented in ./fields.ts).
 */
import type { EntityView, IndicatorView, ReportHeader } from '@/db/views';
import { statusLabel } from '@/lib/status';
import type { ValueKind, ValueRole } from '@/lib/vocabulary';
import type { OpenDataSource } from './load';
import type { Moment } from './moment';

export type ValueJson = {
  role: ValueRole;
  year: number;
  period_label: string | null;
  value: string;
  kind: ValueKind;
  qualifier: string | null;
  note: string | null;
};

export type IndicatorJson = {
  code: string;
  position: number;
  name: string;
  area: string;
  unit: string | null;
  status: IndicatorView['status'];
  status_label: string;
  status_note: string | null;
  named_as_key_indicator: boolean;
  target_comparison: string | null;
  baseline_comparison: string | null;
  source_sentence: string | null;
  note: string | null;
  section: string | null;
  adjusted: boolean;
  version: number;
  updated_at: string;
  path: string;
  history_path: string;
  values: ValueJson[];
};

export type SectionJson = {
  slug: string;
  parent: string | null;
  position: number;
  depth: number;
  title: string;
  heading: string | null;
  body_markdown: string;
  version: number;
  updated_at: string;
  path: string;
  history_path: string;
};

export type EntityJson = {
  kind: EntityView['kind'];
  slug: string;
  name: string;
  short_name: string;
  aliases: string[];
  number: string | null;
  issued_on: string | null;
  issuer: string | null;
  subject: string | null;
  path: string;
};

export type ReportJson = {
  slug: string;
  title: string;
  document_label: string;
  document_heading: string;
  issuing_body: string;
  province: string;
  term_start: number;
  term_end: number;
  term_label: string;
  indicators_total: number | null;
  indicators_met: number | null;
  indicators_not_met: number | null;
  headline: string | null;
  source_file: string;
  source_text_path: string;
};

type Envelope = {
  api_version: 1;
  /** The `?asOf=` value that names exactly this state: cite it. */
  as_of: string;
  revision: { id: number; created_at: string };
  licence: string;
};

export type ReportDocument = Envelope & {
  report: ReportJson;
  indicators: IndicatorJson[];
  sections: SectionJson[];
  entities: EntityJson[];
};

export type IndicatorsDocument = Envelope & {
  report: Pick<ReportJson, 'slug' | 'title'>;
  indicators: IndicatorJson[];
};

export const LICENCE_NOTE =
  'Dữ liệu trích từ văn bản gốc (Phụ lục báo cáo của Đảng bộ tỉnh); giá trị có kind "derived" do cổng thông tin tính ra. Khi dùng lại, ghi nguồn và phiên bản (as_of).';

function envelope(revision: Moment): Envelope {
  return {
    api_version: 1,
    as_of: `r${revision.revisionId}`,
    revision: { id: revision.revisionId, created_at: revision.createdAt },
    licence: LICENCE_NOTE,
  };
}

export function indicatorJson(i: IndicatorView): IndicatorJson {
  return {
    code: i.code,
    position: i.position,
    name: i.name,
    area: i.area,
    unit: i.unit,
    status: i.status,
    status_label: statusLabel(i.status),
    status_note: i.statusNote,
    named_as_key_indicator: i.namedAsKeyIndicator,
    target_comparison: i.targetComparison,
    baseline_comparison: i.baselineComparison,
    source_sentence: i.sourceSentence,
    note: i.note,
    section: i.section?.slug ?? null,
    adjusted: i.adjusted,
    version: i.version,
    updated_at: i.updatedAt,
    path: `/chi-tieu/${i.code}`,
    history_path: `/chi-tieu/${i.code}/lich-su`,
    values: i.values.map((v) => ({
      role: v.role,
      year: v.year,
      period_label: v.periodLabel,
      value: v.value,
      kind: v.kind,
      qualifier: v.qualifier,
      note: v.note,
    })),
  };
}

function reportJson(r: ReportHeader): ReportJson {
  return {
    slug: r.slug,
    title: r.title,
    document_label: r.documentLabel,
    document_heading: r.documentHeading,
    issuing_body: r.issuingBody,
    province: r.province,
    term_start: r.termStart,
    term_end: r.termEnd,
    term_label: r.termLabel,
    indicators_total: r.indicatorsTotal,
    indicators_met: r.indicatorsMet,
    indicators_not_met: r.indicatorsNotMet,
    headline: r.headline,
    source_file: r.sourceFile,
    source_text_path: '/van-ban-goc.txt',
  };
}

export function buildReportDocument(src: OpenDataSource): ReportDocument {
  return {
    ...envelope(src.revision),
    report: reportJson(src.report),
    indicators: src.indicators.map(indicatorJson),
    sections: src.sections.map((s) => ({
      slug: s.slug,
      parent: s.parentSlug,
      position: s.position,
      depth: s.depth,
      title: s.title,
      heading: s.heading,
      body_markdown: s.body,
      version: s.version,
      updated_at: s.updatedAt,
      path: `/muc/${s.slug}`,
      history_path: `/muc/${s.slug}/lich-su`,
    })),
    entities: src.entities.map((e) => ({
      kind: e.kind,
      slug: e.slug,
      name: e.name,
      short_name: e.shortName,
      aliases: e.aliases,
      number: e.number,
      issued_on: e.issuedOn,
      issuer: e.issuer,
      subject: e.subject,
      path: e.href,
    })),
  };
}

export function buildIndicatorsDocument(src: OpenDataSource): IndicatorsDocument {
  return {
    ...envelope(src.revision),
    report: { slug: src.report.slug, title: src.report.title },
    indicators: src.indicators.map(indicatorJson),
  };
}
