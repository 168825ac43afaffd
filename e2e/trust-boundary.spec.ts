/**
 * Request headers never choose what the portal prints: the citation on /in and the links of the
 * Atom feed come from SITE_URL (scripts/start.ts derives it from the port), whatever Host or
 * X-Forwarded-Host a client sends.
 */
import { expect, test } from './fixtures';

const FORGED = { 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' };

test('a forged X-Forwarded-Host changes nothing on the print edition or in the feed', async ({ request, baseURL }) => {
  const site = new URL(baseURL!).port;
  for (const path of ['/in', '/thay-doi.atom', '/du-lieu']) {
    const body = await (await request.get(path, { headers: FORGED })).text();
    expect(body, path).not.toContain('evil.example');
    expect(body, path).toMatch(new RegExp(`http://localhost:${site}/`));
  }
});
