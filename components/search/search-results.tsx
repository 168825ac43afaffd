import Link from 'next/link';
import type { SearchResults as Results } from '@/db/queries/search';
import { SEARCH_PATH } from '@/lib/search-query';
import { HighlightedText } from './highlighted-text';

const quoted = (query: string) => `“${query}”`;
const count = (n: number) => n.toLocaleString('vi-VN');

const EXAMPLES = ['sản lượng thuỷ sản', 'Đảng bộ', 'cải cách hành chính', '06-NQ/TU'];

/** Ways to go on when a search finds nothing, or before anything is searched. */
function Suggestions({ empty }: { empty: boolean }) {
  return (
    <>
      {empty ? (
        <>
          <h2 id="goi-y">Gợi ý</h2>
          <ul aria-labelledby="goi-y">
            <li>
              Gõ không dấu, ví dụ <Link href={`${SEARCH_PATH}?q=${encodeURIComponent('dang bo')}`}>dang bo</Link> thay cho
              “Đảng bộ”: tìm kiếm không phân biệt dấu và chữ hoa, còn một dấu gõ sai thì không khớp.
            </li>
            <li>Dùng ít từ hơn: kết quả phải có đủ mọi từ đã gõ.</li>
            <li>
              Xem tất cả <Link href="/chi-tieu">chỉ tiêu</Link> hoặc <Link href="/muc">nội dung báo cáo</Link>.
            </li>
          </ul>
        </>
      ) : null}
      <p>
        Thử tìm:{' '}
        {EXAMPLES.map((q, i) => (
          <span key={q}>
            {i > 0 ? ' · ' : null}
            <Link href={`${SEARCH_PATH}?q=${encodeURIComponent(q)}`}>{q}</Link>
          </span>
        ))}
      </p>
    </>
  );
}

export function SearchResults({ results }: { results: Results | null }) {
  if (!results) {
    return (
      <>
        <p>Tìm trong chỉ tiêu, nội dung báo cáo, dự án, nghị quyết và cơ sở, đơn vị. Không cần gõ dấu.</p>
        <Suggestions empty={false} />
      </>
    );
  }
  const { query, total, hits } = results;
  if (total === 0) {
    return (
      <>
        <p className="search-count" id="so-ket-qua">
          Không tìm thấy kết quả nào cho {quoted(query)}.
        </p>
        <Suggestions empty />
      </>
    );
  }
  return (
    <>
      <p className="search-count" id="so-ket-qua">
        Tìm thấy {count(total)} kết quả cho {quoted(query)}
        {hits.length < total ? `; hiển thị ${count(hits.length)} kết quả đầu` : ''}.
      </p>
      <ol className="search-results" aria-labelledby="so-ket-qua">
        {hits.map((hit) => (
          <li key={hit.href} className="search-hit">
            <p className="search-hit-type">{hit.typeLabel}</p>
            <h2 className="search-hit-title">
              {/* Search reads the report as it is now, so hits link to the current pages. */}
              <Link href={hit.href}>
                <HighlightedText segments={hit.titleSegments} />
              </Link>
            </h2>
            {hit.snippet.length > 0 ? (
              <p className="search-snippet">
                <HighlightedText segments={hit.snippet} />
              </p>
            ) : null}
          </li>
        ))}
      </ol>
    </>
  );
}
