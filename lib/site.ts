import { ENTITY_KIND_LABELS, type EntityKind } from './vocabulary';

/** The report the portal opens on. A second report gets its own slug; the model needs no change. */
export const DEFAULT_REPORT_SLUG = 'soc-trang-2020-2025';
/** The staff area's name for the site (Vietnamese only); public pages use the `site.name` message. */
export const SITE_NAME = 'Kết quả nhiệm kỳ';

/**
 * Where each kind of entity lives. Public pages take the names from the `entities.<kind>`
 * messages; `label` and `singular` (Vietnamese) remain for pages not yet converted (print).
 */
export const entityRoutes = {
  project: { path: '/du-an', label: 'Dự án trọng điểm', singular: ENTITY_KIND_LABELS.project },
  resolution: { path: '/nghi-quyet', label: 'Nghị quyết', singular: ENTITY_KIND_LABELS.resolution },
  institution: { path: '/don-vi', label: 'Cơ sở, đơn vị', singular: ENTITY_KIND_LABELS.institution },
} as const satisfies Record<EntityKind, { path: string; label: string; singular: string }>;
// Declared in lib/vocabulary.ts; re-exported for modules not yet importing it from there.
export type { EntityKind };

export function entityHref(kind: EntityKind, slug: string): string {
  return `${entityRoutes[kind].path}/${slug}`;
}
