'use client';
import type { IndicatorSnapshot, SectionSnapshot } from '@/db/snapshots';
import type { SectionEditInput } from '@/lib/validations/section';
import { statusLabel } from '@/lib/status';
import { indicatorFormValues, type IndicatorFormInput } from './indicator-form-values';

type Row = { label: string; current: string; mine: string };

/** A text field as the form holds it (the schema's input allows null or nothing: shown as empty). */
const text = (value: string | null | undefined) => value ?? '';

function indicatorRows(current: IndicatorSnapshot | null, mine: IndicatorFormInput): Row[] {
  if (!current) return [{ label: 'Chỉ tiêu', current: '(đã bị xoá)', mine: mine.name }];
  const now = indicatorFormValues(current, 0);
  const mineEn = mine.translations?.en;
  const values = (v: IndicatorFormInput['values']) =>
    v.map((x) => `${x.role === 'target' ? 'Chỉ tiêu' : 'Năm'} ${x.year}: ${x.qualifier ? `${x.qualifier} ` : ''}${x.value} (${x.kind})`).join('\n');
  const rows: Row[] = [
    { label: 'Tên chỉ tiêu', current: now.name, mine: mine.name },
    { label: 'Đánh giá', current: statusLabel(now.status), mine: statusLabel(mine.status) },
    { label: 'Đơn vị tính', current: now.unit, mine: text(mine.unit) },
    { label: 'So với chỉ tiêu', current: now.targetComparison, mine: text(mine.targetComparison) },
    { label: 'So với năm gốc', current: now.baselineComparison, mine: text(mine.baselineComparison) },
    { label: 'Câu trong văn bản gốc', current: now.sourceSentence, mine: text(mine.sourceSentence) },
    { label: 'Ghi chú', current: now.note, mine: text(mine.note) },
    { label: 'Tên (tiếng Anh)', current: now.translations.en.name, mine: text(mineEn?.name) },
    { label: 'Lĩnh vực (tiếng Anh)', current: now.translations.en.area, mine: text(mineEn?.area) },
    { label: 'Đơn vị tính (tiếng Anh)', current: now.translations.en.unit, mine: text(mineEn?.unit) },
    { label: 'Ghi chú đánh giá (tiếng Anh)', current: now.translations.en.statusNote, mine: text(mineEn?.statusNote) },
    { label: 'Ghi chú (tiếng Anh)', current: now.translations.en.note, mine: text(mineEn?.note) },
    { label: 'Giá trị', current: values(now.values), mine: values(mine.values) },
  ];
  return rows.filter((r) => r.current.trim() !== r.mine.trim());
}

type SectionMine = Pick<SectionEditInput, 'title' | 'heading' | 'body' | 'translations'>;

function sectionRows(current: SectionSnapshot | null, mine: SectionMine): Row[] {
  if (!current) return [{ label: 'Mục', current: '(không còn)', mine: mine.title }];
  const en = current.translations?.en ?? {};
  const mineEn = mine.translations?.en;
  return [
    { label: 'Tiêu đề mục', current: current.title, mine: mine.title },
    { label: 'Tiêu đề trong văn bản gốc', current: current.heading ?? '', mine: text(mine.heading) },
    { label: 'Nội dung', current: current.body, mine: mine.body },
    { label: 'Tiêu đề mục (tiếng Anh)', current: en.title ?? '', mine: text(mineEn?.title) },
    { label: 'Tiêu đề trong văn bản gốc (tiếng Anh)', current: en.heading ?? '', mine: text(mineEn?.heading) },
    { label: 'Nội dung (tiếng Anh)', current: en.body ?? '', mine: text(mineEn?.body) },
  ].filter((r) => r.current.trim() !== r.mine.trim());
}

type Props =
  | { kind: 'indicator'; current: IndicatorSnapshot | null; mine: IndicatorFormInput; currentVersion: number; onKeepMine(): void; onTakeCurrent(): void }
  | { kind: 'section'; current: SectionSnapshot | null; mine: SectionMine; currentVersion: number; onKeepMine(): void; onTakeCurrent(): void };

/** The conflict screen: what is stored now beside what this user typed, which is kept until they choose. */
export function ConflictPanel(props: Props) {
  const rows = props.kind === 'indicator' ? indicatorRows(props.current, props.mine) : sectionRows(props.current, props.mine);
  return (
    <section className="conflict" aria-labelledby="conflict-title">
      <h2 id="conflict-title">Có người khác vừa lưu nội dung này</h2>
      <p>
        Phiên bản hiện tại là <strong>{props.currentVersion}</strong>, mới hơn phiên bản bạn mở. Thay đổi của bạn <strong>chưa được lưu</strong>{' '}
        và vẫn còn nguyên trong biểu mẫu. So sánh rồi chọn cách hợp nhất:
      </p>
      <div className="table-wrap">
        <table>
          <caption>Khác nhau giữa bản đang lưu và bản của bạn</caption>
          <thead>
            <tr>
              <th scope="col">Trường</th>
              <th scope="col">Đang lưu (phiên bản {props.currentVersion})</th>
              <th scope="col">Bản của bạn</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.label}>
                <th scope="row">{r.label}</th>
                <td className="pre">{r.current || '—'}</td>
                <td className="pre">{r.mine || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="conflict-actions">
        <button type="button" onClick={props.onKeepMine}>
          Giữ bản của tôi (sẽ lưu đè lên phiên bản {props.currentVersion})
        </button>{' '}
        <button type="button" className="button-secondary" onClick={props.onTakeCurrent}>
          Bỏ bản của tôi, lấy nội dung đang lưu
        </button>
      </p>
    </section>
  );
}
