import { Link } from '@/components/site/link';
import type { IndicatorView } from '@/db/queries/reports';
import { groupByArea, headlineValue, NOT_GIVEN } from '@/lib/indicator';
import { AdjustedBadge } from './adjusted-badge';
import { StatusBadge } from './status-badge';
import { ValueText } from './value-text';

export function IndicatorTable({ indicators, caption }: { indicators: IndicatorView[]; caption: string }) {
  return (
    <div className="table-wrap">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Chỉ tiêu / kết quả</th>
            <th scope="col">Giá trị</th>
            <th scope="col">So với năm 2020</th>
            <th scope="col">So với chỉ tiêu</th>
            <th scope="col">Đánh giá</th>
          </tr>
        </thead>
        {groupByArea(indicators).map((group) => (
          <tbody key={group.area}>
            <tr>
              <th scope="rowgroup" colSpan={5}>
                {group.area}
              </th>
            </tr>
            {group.items.map((indicator) => {
              const value = headlineValue(indicator);
              return (
                <tr key={indicator.code}>
                  <th scope="row">
                    <Link href={`/chi-tieu/${indicator.code}`}>{indicator.name}</Link>
                  </th>
                  <td>
                    <ValueText value={value} unit={indicator.unit} />
                    {value?.periodLabel ? <div className="note">{value.periodLabel}</div> : value ? <div className="note">năm {value.year}</div> : null}
                  </td>
                  <td>{indicator.baselineComparison ?? <span className="note">{NOT_GIVEN}</span>}</td>
                  <td>{indicator.targetComparison ?? <span className="note">{NOT_GIVEN}</span>}</td>
                  <td>
                    <StatusBadge status={indicator.status} />
                    {indicator.adjusted ? <> <AdjustedBadge code={indicator.code} /></> : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        ))}
      </table>
    </div>
  );
}
