import { sql } from 'drizzle-orm';
import {
  bigserial,
  bigint,
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  uuid,
  numeric,
  pgEnum,
  pgTable,
  serial,
  text,
  timestamp,
  unique,
} from 'drizzle-orm/pg-core';
import {
  ENTITY_KINDS,
  INDICATOR_STATUSES,
  ITEM_TYPES,
  REASON_KINDS,
  REVISION_ACTIONS,
  USER_ROLES,
  VALUE_KINDS,
  VALUE_ROLES,
} from '../lib/vocabulary';

export const indicatorStatus = pgEnum('indicator_status', INDICATOR_STATUSES);
export const valueKind = pgEnum('value_kind', VALUE_KINDS);
export const valueRole = pgEnum('value_role', VALUE_ROLES);
export const entityKind = pgEnum('entity_kind', ENTITY_KINDS);

/**
 * Staff-entered translations of an item's reader-facing text, by language, then field name
 * (`{ en: { name: '…' } }`). Absent field: the public page shows the Vietnamese text, marked `lang="vi"`.
 */
export type ContentTranslations = { en?: Record<string, string> };
const translations = () => jsonb('translations').$type<ContentTranslations>().notNull().default(sql`'{}'::jsonb`);

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

/** One published document: a term-results report of one Party Committee. */
export const reports = pgTable('reports', {
  id: serial('id').primaryKey(),
  slug: text('slug').notNull().unique(),
  documentLabel: text('document_label').notNull(),
  /** The source's own heading, verbatim (upper case as printed). */
  documentHeading: text('document_heading').notNull(),
  /** Reading form of the title, for pages and metadata. */
  title: text('title').notNull(),
  issuingBody: text('issuing_body').notNull(),
  province: text('province').notNull(),
  termStart: integer('term_start').notNull(),
  termEnd: integer('term_end').notNull(),
  termLabel: text('term_label').notNull(),
  indicatorsTotal: integer('indicators_total'),
  indicatorsMet: integer('indicators_met'),
  indicatorsNotMet: integer('indicators_not_met'),
  /** The report's own headline sentence on its key indicators, verbatim. */
  headline: text('headline'),
  sourceFile: text('source_file').notNull(),
  sourceText: text('source_text').notNull(),
  translations: translations(),
  version: integer('version').notNull().default(1),
  ...timestamps,
});
export type Report = typeof reports.$inferSelect;
export type NewReport = typeof reports.$inferInsert;

/** Ordered, nested narrative of a report. `heading` is the source's own heading, verbatim, when it has one. */
export const sections = pgTable(
  'sections',
  {
    id: serial('id').primaryKey(),
    reportId: integer('report_id').notNull().references(() => reports.id, { onDelete: 'cascade' }),
    parentId: integer('parent_id'),
    slug: text('slug').notNull(),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    heading: text('heading'),
    body: text('body').notNull().default(''),
    translations: translations(),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    unique('sections_report_slug').on(t.reportId, t.slug),
    foreignKey({ columns: [t.parentId], foreignColumns: [t.id], name: 'sections_parent_fk' }).onDelete('cascade'),
    index('sections_report_position').on(t.reportId, t.position),
  ],
);
export type Section = typeof sections.$inferSelect;
export type NewSection = typeof sections.$inferInsert;

/**
 * A figure the report gives (or a key indicator it names without a figure).
 * `namedAsKeyIndicator`: the report itself names it as one of its key indicators.
 */
export const indicators = pgTable(
  'indicators',
  {
    id: serial('id').primaryKey(),
    reportId: integer('report_id').notNull().references(() => reports.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    position: integer('position').notNull(),
    area: text('area').notNull(),
    name: text('name').notNull(),
    unit: text('unit'),
    status: indicatorStatus('status').notNull().default('chua_xac_dinh'),
    statusNote: text('status_note'),
    namedAsKeyIndicator: boolean('named_as_key_indicator').notNull().default(false),
    targetComparison: text('target_comparison'),
    baselineComparison: text('baseline_comparison'),
    sourceSentence: text('source_sentence'),
    note: text('note'),
    sectionId: integer('section_id').references(() => sections.id, { onDelete: 'set null' }),
    translations: translations(),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [unique('indicators_report_code').on(t.reportId, t.code), index('indicators_report_position').on(t.reportId, t.position)],
);
export type Indicator = typeof indicators.$inferSelect;
export type NewIndicator = typeof indicators.$inferInsert;

/** Values of an indicator by year. `value` is an exact decimal that keeps the scale it was reported with. */
export const indicatorValues = pgTable(
  'indicator_values',
  {
    id: serial('id').primaryKey(),
    indicatorId: integer('indicator_id').notNull().references(() => indicators.id, { onDelete: 'cascade' }),
    role: valueRole('role').notNull().default('actual'),
    year: integer('year').notNull(),
    periodLabel: text('period_label'),
    value: numeric('value').notNull(),
    kind: valueKind('kind').notNull(),
    qualifier: text('qualifier'),
    note: text('note'),
  },
  (t) => [
    unique('indicator_values_one_per_year').on(t.indicatorId, t.role, t.year),
    check('indicator_values_year_range', sql`${t.year} between 1900 and 2200`),
    // At most 18 integer and 6 fraction digits (lib/number.ts). A check rather than numeric(24,6):
    // that type would pad every value to 6 decimals, and the portal keeps the scale as reported.
    check('indicator_values_value_bounds', sql`scale(${t.value}) <= 6 and abs(${t.value}) < 1e18`),
  ],
);
export type IndicatorValue = typeof indicatorValues.$inferSelect;
export type NewIndicatorValue = typeof indicatorValues.$inferInsert;

/** Things the report names that deserve a page: key projects, resolutions, institutions. */
export const entities = pgTable(
  'entities',
  {
    id: serial('id').primaryKey(),
    reportId: integer('report_id').notNull().references(() => reports.id, { onDelete: 'cascade' }),
    kind: entityKind('kind').notNull(),
    slug: text('slug').notNull(),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    shortName: text('short_name').notNull(),
    /** Exact strings of the source that refer to this entity; used to link the narrative to it. */
    aliases: text('aliases').array().notNull().default(sql`'{}'::text[]`),
    number: text('number'),
    issuedOn: date('issued_on', { mode: 'string' }),
    issuer: text('issuer'),
    /** For a resolution: what it is about, verbatim ("về phát triển nguồn nhân lực …"). */
    subject: text('subject'),
    translations: translations(),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [unique('entities_report_slug').on(t.reportId, t.kind, t.slug)],
);
export type Entity = typeof entities.$inferSelect;
export type NewEntity = typeof entities.$inferInsert;

// ------------------------------------------------------------- staff

export const userRole = pgEnum('user_role', USER_ROLES);

/** Staff accounts. Passwords are argon2id hashes of the NFC-normalised password. */
export const users = pgTable(
  'users',
  {
    id: serial('id').primaryKey(),
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    role: userRole('role').notNull(),
    active: boolean('active').notNull().default(true),
    passwordHash: text('password_hash').notNull(),
    /**
     * Second factor (TOTP): the shared secret, AES-256-GCM encrypted with a key derived from
     * AUTH_SECRET (lib/second-factor.ts). Set with `totpConfirmedAt` null while enrolment waits
     * for its first code; the factor counts only once confirmed.
     */
    totpSecret: text('totp_secret'),
    totpConfirmedAt: timestamp('totp_confirmed_at', { withTimezone: true }),
    /** The last 30-second step a code was accepted for: a code of that step or an earlier one is refused (no replay). */
    totpLastStep: bigint('totp_last_step', { mode: 'number' }),
    /** Set by an admin: this editor must enrol a second factor (admins always must, unless SECOND_FACTOR_POLICY says otherwise). */
    secondFactorRequired: boolean('second_factor_required').notNull().default(false),
    ...timestamps,
  },
  (t) => [
    unique('users_email').on(t.email),
    check('users_email_lower', sql`${t.email} = lower(${t.email})`),
    check('users_totp_confirmed_has_secret', sql`${t.totpConfirmedAt} is null or ${t.totpSecret} is not null`),
  ],
);
export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;

/**
 * One row per sign-in. The session cookie carries only this id; every request
 * re-reads it (and the user's role and active flag), so signing out, an idle
 * or absolute time-out, or a deactivated account ends it at once.
 */
export const userSessions = pgTable(
  'user_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: integer('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('user_sessions_user').on(t.userId)],
);
export type UserSession = typeof userSessions.$inferSelect;

/**
 * Single-use recovery codes for the second factor: ten per enrolment, shown once. Stored as
 * SHA-256 over a per-code salt and the code (the codes are random, 50 bits each, so a slow
 * hash adds nothing); `usedAt` is set by the one sign-in that spends it.
 */
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: serial('id').primaryKey(),
    userId: integer('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    salt: text('salt').notNull(),
    codeHash: text('code_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('recovery_codes_user').on(t.userId)],
);
export type RecoveryCode = typeof recoveryCodes.$inferSelect;

/** Failed sign-ins per account and per address, for throttling. `key` is "email:…" or "ip:…". */
export const signInThrottle = pgTable('sign_in_throttle', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull().default(0),
  lastFailureAt: timestamp('last_failure_at', { withTimezone: true }).notNull().defaultNow(),
  blockedUntil: timestamp('blocked_until', { withTimezone: true }),
});

// ---------------------------------------------------------- revisions

export const itemType = pgEnum('item_type', ITEM_TYPES);
export const revisionAction = pgEnum('revision_action', REVISION_ACTIONS);
export const reasonKind = pgEnum('reason_kind', REASON_KINDS);

/**
 * Append-only history of every item. Triggers (see migrations) refuse UPDATE,
 * DELETE and TRUNCATE. `hash` covers the row's content and `previousHash`, so
 * a row changed behind the application's back breaks the item's chain; `reportHash` chains
 * every revision of the report, so a removed or reordered row breaks the report's chain.
 */
export const revisions = pgTable(
  'revisions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    reportId: integer('report_id').notNull(),
    itemType: itemType('item_type').notNull(),
    itemId: integer('item_id').notNull(),
    /** Human key of the item at the time (indicator code, section slug): for lists and links. */
    itemKey: text('item_key').notNull(),
    itemLabel: text('item_label').notNull(),
    revisionNo: integer('revision_no').notNull(),
    action: revisionAction('action').notNull(),
    /** The item's full state after the change; null after a delete. */
    snapshot: jsonb('snapshot').$type<Record<string, unknown> | null>(),
    authorId: integer('author_id').references(() => users.id),
    authorName: text('author_name').notNull(),
    reasonKind: reasonKind('reason_kind').notNull(),
    reasonText: text('reason_text').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull(),
    previousId: bigint('previous_id', { mode: 'number' }),
    previousHash: text('previous_hash'),
    hash: text('hash').notNull(),
    /**
     * The report-wide chain (db/history.ts): 1, 2, 3… per report in commit order, the previous
     * revision's `reportHash` in that order, and a hash over both and `hash`. Its newest row is
     * the report's published head.
     */
    reportSeq: integer('report_seq').notNull(),
    reportPreviousHash: text('report_previous_hash'),
    reportHash: text('report_hash').notNull(),
  },
  (t) => [
    unique('revisions_item_no').on(t.itemType, t.itemId, t.revisionNo),
    unique('revisions_report_seq').on(t.reportId, t.reportSeq),
    index('revisions_created').on(t.createdAt.desc(), t.id.desc()),
    // Past views (db/queries/state.ts): each item's latest revision up to a given id is one index
    // descent per item, and a moment is one descent on (report, time): no scan of the history.
    index('revisions_report_item_id').on(t.reportId, t.itemType, t.itemId, t.id),
    index('revisions_report_created_id').on(t.reportId, t.createdAt, t.id),
    // An item by its key at the time (an indicator page as of a revision, a changelog).
    index('revisions_report_item_key').on(t.reportId, t.itemType, t.itemKey, t.id),
    // Each item's first revision (the imported figures that "adjusted" compares with).
    index('revisions_report_first').on(t.reportId, t.itemType, t.itemId).where(sql`${t.revisionNo} = 1`),
    index('revisions_author_created').on(t.authorId, t.createdAt.desc()),
    index('revisions_type_created').on(t.itemType, t.createdAt.desc()),
    check('revisions_reason_present', sql`length(btrim(${t.reasonText})) > 0`),
  ],
);
export type Revision = typeof revisions.$inferSelect;
export type NewRevision = typeof revisions.$inferInsert;
