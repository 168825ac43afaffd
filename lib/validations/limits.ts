/**
 * The largest request body a server action accepts (next.config.ts `serverActions.bodySizeLimit`),
 * sized from the schemas' own maximum lengths: the biggest form is a section edit, with a body
 * and its English translation of 100 000 characters each. At 3 bytes per Vietnamese character in
 * UTF-8 that is 600 000 bytes, plus the other fields and the encoding's overhead: 1 MiB holds it
 * (lib/validations/hostile-text.test.ts checks), and anything larger is refused before it is read.
 */
export const ACTION_BODY_LIMIT_BYTES = 1024 * 1024;
export const ACTION_BODY_LIMIT = '1mb' as const;
