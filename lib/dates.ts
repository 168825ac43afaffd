/** "2021-07-11" → "11/7/2021", the way Vietnamese documents write dates. */
export function formatIssuedOn(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) throw new Error(`not an ISO date: ${isoDate}`);
  const [, y, m, d] = match;
  return `${Number(d)}/${Number(m)}/${y}`;
}

const dateTime = new Intl.DateTimeFormat('vi-VN', {
  dateStyle: 'short',
  timeStyle: 'medium',
  timeZone: 'Asia/Ho_Chi_Minh',
});

/** A timestamp as Vietnamese readers write it, in Vietnam's time zone. */
export function formatDateTime(iso: string | Date): string {
  return dateTime.format(typeof iso === 'string' ? new Date(iso) : iso);
}
