/** Request header names shared by proxy.ts and the server code that reads them. */

/** The requested path, set by proxy.ts, so a staff page can send the visitor back to it after sign-in. */
export const PATHNAME_HEADER = 'x-kqnk-pathname';
