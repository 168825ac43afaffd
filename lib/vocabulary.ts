/**
 * The portal's domain vocabulary, declared once. The database enums (db/schema.ts `pgEnum`),
 * the validation enums (lib/validations, `z.enum`), the TypeScript types and the staff area's
 * Vietnamese labels all come from these lists. Reader-facing names in both languages are in
 * messages/*.json, keyed by the same values (`status.label.vuot`, `value.kind.estimate`, …).
 *
 * The order of each list is the order of its database enum: changing it changes the schema
 * (run `npx drizzle-kit generate`); adding a value needs a migration.
 */

/** `value` is one of `values`: narrows a string (URL parameter, command-line argument) without a cast. */
export function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (values as readonly string[]).includes(value);
}

// ------------------------------------------------------------ indicators

/** How far an indicator's result met its target, as the report assesses it. */
export const INDICATOR_STATUSES = ['vuot', 'dat', 'chua_dat', 'chua_xac_dinh'] as const;
export type IndicatorStatus = (typeof INDICATOR_STATUSES)[number];

/** What kind of figure a value is: given by the report, an estimate it gives, or derived by the portal. */
export const VALUE_KINDS = ['reported', 'estimate', 'derived'] as const;
export type ValueKind = (typeof VALUE_KINDS)[number];

/** A value is a result (actual) or the target set for the term. */
export const VALUE_ROLES = ['actual', 'target'] as const;
export type ValueRole = (typeof VALUE_ROLES)[number];

/** Staff area (Vietnamese only): the role of a value, as the indicator form offers it. */
export const VALUE_ROLE_LABELS: Record<ValueRole, string> = {
  actual: 'Thực hiện',
  target: 'Chỉ tiêu',
};

/** Things the report names that get their own page. */
export const ENTITY_KINDS = ['project', 'resolution', 'institution'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

/** One entity of each kind, in Vietnamese ("Dự án", …); public pages use the `entities.<kind>` messages. */
export const ENTITY_KIND_LABELS: Record<EntityKind, string> = {
  project: 'Dự án',
  resolution: 'Nghị quyết',
  institution: 'Cơ sở, đơn vị',
};

// ------------------------------------------------------------- staff

export const USER_ROLES = ['admin', 'editor'] as const;
export type UserRole = (typeof USER_ROLES)[number];

export const USER_ROLE_LABELS: Record<UserRole, string> = {
  admin: 'Quản trị viên',
  editor: 'Biên tập viên',
};

// ---------------------------------------------------------- revisions

/** What a revision is a version of. */
export const ITEM_TYPES = ['report', 'section', 'indicator', 'entity'] as const;
export type ItemType = (typeof ITEM_TYPES)[number];

/** Keys in the order the staff history lists them. */
export const ITEM_TYPE_LABELS: Record<ItemType, string> = {
  indicator: 'Chỉ tiêu',
  section: 'Mục nội dung',
  report: 'Báo cáo',
  entity: 'Dự án, nghị quyết, đơn vị',
};

export const REVISION_ACTIONS = ['import', 'create', 'update', 'delete', 'restore'] as const;
export type RevisionAction = (typeof REVISION_ACTIONS)[number];

export const REVISION_ACTION_LABELS: Record<RevisionAction, string> = {
  import: 'Nhập',
  create: 'Tạo mới',
  update: 'Sửa',
  delete: 'Xoá',
  restore: 'Khôi phục',
};

/** The reasons staff choose from when they change something. */
export const EDIT_REASON_KINDS = ['sua_loi', 'cap_nhat_so_lieu', 'bo_sung', 'bien_tap'] as const;
export type EditReasonKind = (typeof EDIT_REASON_KINDS)[number];

/** Every reason a revision records: staff's, and `import` for revision 1 of a loaded report. */
export const REASON_KINDS = ['import', ...EDIT_REASON_KINDS] as const;
export type ReasonKind = (typeof REASON_KINDS)[number];

export const REASON_KIND_LABELS: Record<ReasonKind, string> = {
  sua_loi: 'Sửa lỗi',
  cap_nhat_so_lieu: 'Cập nhật số liệu chính thức',
  bo_sung: 'Bổ sung',
  bien_tap: 'Biên tập câu chữ',
  import: 'Nhập từ văn bản gốc',
};

/** Who must have a second factor (SECOND_FACTOR_POLICY): every admin and each marked account, or only the marked accounts. */
export const SECOND_FACTOR_POLICIES = ['admins', 'per-account'] as const;
export type SecondFactorPolicy = (typeof SECOND_FACTOR_POLICIES)[number];
