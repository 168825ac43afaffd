/** Unicode NFC for everything that enters the database: the source mixes composed and decomposed Vietnamese. */
export function nfc(value: string): string {
  return value.normalize('NFC');
}

/** NFC-normalise every string inside a plain JSON-like value. */
export function normalizeDeep<T>(value: T): T {
  if (typeof value === 'string') return nfc(value) as T;
  if (Array.isArray(value)) return value.map((item) => normalizeDeep(item)) as T;
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalizeDeep(v)])) as T;
  }
  return value;
}

/** Collapse runs of white space, as a browser does when it renders text. */
export function squashSpace(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}
