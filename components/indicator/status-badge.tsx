import { getLocale } from 'next-intl/server';
import { statusLabel } from '@/lib/status';
import type { IndicatorStatus } from '@/lib/vocabulary';

export async function StatusBadge({ status }: { status: IndicatorStatus }) {
  return <span className={`badge badge-${status}`}>{statusLabel(status, await getLocale())}</span>;
}
