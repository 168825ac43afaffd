import { statusLabel, type IndicatorStatus } from '@/lib/status';

export function StatusBadge({ status }: { status: IndicatorStatus }) {
  return <span className={`badge badge-${status}`}>{statusLabel(status)}</span>;
}
