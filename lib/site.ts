/** The report the portal opens on. A second report gets its own slug; the model needs no change. */
export const DEFAULT_REPORT_SLUG = 'soc-trang-2020-2025';
/** The staff area's name for the site (Vietnamese only); public pages use the `site.name` message. */
export const SITE_NAME = 'Kết quả nhiệm kỳ';

/**
 * Where each kind of entity lives. Public pages take the names from the `entities.<kind>`
 * messages; `label` and `singular` (Vietnamese) remain for pages not yet converted (print).
 */
export const entityRoutes = {
  project: { path: '/du-an', label: 'Dự án trọng điểm', singular: 'Dự án' },
  resolution: { path: '/nghi-quyet', label: 'Nghị quyết', singular: 'Nghị quyết' },
  institution: { path: '/don-vi', label: 'Cơ sở, đơn vị', singular: 'Cơ sở, đơn vị' },
} as const;
export type EntityKind = keyof typeof entityRoutes;

export function entityHref(kind: EntityKind, slug: string): string {
  return `${entityRoutes[kind].path}/${slug}`;
}
