/**
 * What a request can choose besides a form: a bound action argument (the code or slug in the
 * page's address, which the browser sends back with the action), a route segment, a query
 * parameter. Each is read through one of these schemas; a value that does not fit is "not
 * found" or ignored, never a server error.
 */
import { z } from 'zod';
import { NotFoundError } from '@/lib/errors';

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** An indicator's code, as indicatorCreateSchema accepts it. */
export const indicatorCode = z.string().max(80).regex(SLUG);
/** A section's slug. */
export const sectionSlug = z.string().max(120).regex(SLUG);
/** A row id: a positive PostgreSQL integer (anything larger would make the query fail). */
export const recordId = z
  .union([z.number(), z.string().regex(/^\d{1,10}$/).transform(Number)])
  .pipe(z.number().int().min(1).max(2_147_483_647));
/** A day in a filter form, yyyy-mm-dd, that is a real date. */
export const isoDay = z.iso.date();

/** The value if it fits the schema, otherwise undefined. */
export function param<S extends z.ZodType>(schema: S, value: unknown): z.output<S> | undefined {
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/** A bound action argument that must fit, or the action answers "not found" (`message`). */
export function boundKey<S extends z.ZodType>(schema: S, value: unknown, message: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new NotFoundError(message);
  return parsed.data;
}

/** An own property of a lookup table, never one inherited from Object.prototype (`constructor`, `__proto__`). */
export function lookup<T extends object>(table: T, key: string): T[keyof T] | undefined {
  return Object.hasOwn(table, key) ? table[key as keyof T] : undefined;
}
