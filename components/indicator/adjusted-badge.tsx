import { Link } from '@/components/site/link';

/** Marks an indicator whose figures were revised after the source document was published; links to its changelog. */
export function AdjustedBadge({ code }: { code: string }) {
  return (
    <Link href={`/chi-tieu/${code}/lich-su`} className="badge badge-adjusted" title="Số liệu đã được điều chỉnh so với văn bản gốc — xem lịch sử">
      đã điều chỉnh
    </Link>
  );
}
