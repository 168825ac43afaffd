import { getLocale } from 'next-intl/server';
import { statusLabel, type IndicatorStatus } from '@/lib/status';

export async function StatusBadge({ status }: { status: IndicatorStatus }) {
  return <span className={`badge badge-${status}`}>{statusLabel(status, await getLocale())}</span>;
}
