/** The report the portal opens on. A second report gets its own slug; the model needs no change. */
export const DEFAULT_REPORT_SLUG = 'soc-trang-2020-2025';
export const SITE_NAME = 'Kết quả nhiệm kỳ';

export const entityRoutes = {
  project: { path: '/du-an', label: 'Dự án trọng điểm', singular: 'Dự án' },
  resolution: { path: '/nghi-quyet', label: 'Nghị quyết', singular: 'Nghị quyết' },
  institution: { path: '/don-vi', label: 'Cơ sở, đơn vị', singular: 'Cơ sở, đơn vị' },
} as const;
export type EntityKind = keyof typeof entityRoutes;

export function entityHref(kind: EntityKind, slug: string): string {
  return `${entityRoutes[kind].path}/${slug}`;
}
