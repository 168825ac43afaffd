/** "2021-07-11" → "11/7/2021", the way Vietnamese documents write dates. */
export function formatIssuedOn(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) throw new Error(`not an ISO date: ${isoDate}`);
  const [, y, m, d] = match;
  return `${Number(d)}/${Number(m)}/${y}`;
}
