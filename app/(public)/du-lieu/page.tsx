import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { Breadcrumb } from '@/components/site/breadcrumb';
import { Link } from '@/components/site/link';
import { CACHE_CONTROL, CSV_COLUMNS, JSON_FIELDS, originFromHeaders } from '@/lib/open-data';
import { DEFAULT_REPORT_SLUG } from '@/lib/site';

export const metadata: Metadata = {
  title: 'Dữ liệu mở',
  description: 'Tải toàn bộ số liệu và nội dung báo cáo dạng JSON, CSV; theo dõi thay đổi qua Atom; xem lại dữ liệu tại một thời điểm (asOf).',
};

const slug = DEFAULT_REPORT_SLUG;

function FieldTable({ id, caption, rows }: { id: string; caption: string; rows: ReadonlyArray<readonly [string, string]> }) {
  return (
    <div className="table-wrap">
      <table id={id} className="field-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Trường</th>
            <th scope="col">Ý nghĩa</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([name, meaning]) => (
            <tr key={name}>
              <th scope="row">
                <code>{name}</code>
              </th>
              <td>{meaning}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Example({ children }: { children: string }) {
  return (
    <pre className="example">
      <code>{children}</code>
    </pre>
  );
}

export default async function OpenDataPage() {
  const origin = originFromHeaders(await headers()) ?? '';
  const api = `${origin}/api/v1/reports/${slug}`;

  return (
    <>
      <Breadcrumb items={[{ label: 'Dữ liệu mở' }]} />
      {/* Vietnamese only, also under /en: marked so screen readers read it as Vietnamese. */}
      <div lang="vi">
        <h1>Dữ liệu mở</h1>
        <p className="lede">
          Toàn bộ số liệu và nội dung của báo cáo có thể tải về để tự phân tích: dạng JSON cho máy đọc, CSV cho bảng tính, nguồn tin Atom để theo dõi
          thay đổi, và bản in PDF. Mọi địa chỉ đều xem lại được dữ liệu tại một thời điểm trong quá khứ.
        </p>

        <section aria-labelledby="giay-phep">
          <h2 id="giay-phep">Nguồn và điều kiện dùng lại</h2>
          <p className="notice">
            <strong>Dữ liệu trích từ văn bản gốc.</strong> Số liệu và câu chữ lấy nguyên văn từ văn bản gốc; giá trị có loại <code>derived</code> (suy
            ra) do cổng thông tin tính, kèm cách tính. Khi dùng lại, xin ghi nguồn và phiên bản (<code>as_of</code>). Trường <code>licence</code> của mỗi
            câu trả lời JSON nhắc lại điều này. Văn bản gốc: <Link href="/van-ban-goc">xem</Link> hoặc <a href="/van-ban-goc.txt">tải dạng văn bản thuần</a>.
          </p>
        </section>

        <section aria-labelledby="dia-chi">
          <h2 id="dia-chi">Các địa chỉ</h2>
          <p>
            Mã báo cáo (<code>slug</code>) hiện có: <code>{slug}</code>. Tất cả là yêu cầu <code>GET</code> công khai, không cần đăng nhập, trả lời bằng
            UTF-8.
          </p>
          <div className="table-wrap">
            <table>
              <caption>Địa chỉ dữ liệu</caption>
              <thead>
                <tr>
                  <th scope="col">Địa chỉ</th>
                  <th scope="col">Định dạng</th>
                  <th scope="col">Nội dung</th>
                </tr>
              </thead>
              <tbody>
                <tr>
                  <th scope="row">
                    <a href={`/api/v1/reports/${slug}`}>
                      <code>/api/v1/reports/{'{slug}'}</code>
                    </a>
                  </th>
                  <td>JSON</td>
                  <td>Toàn bộ báo cáo: thông tin báo cáo (kể cả số chỉ tiêu đạt/chưa đạt), mọi mục nội dung (Markdown), mọi chỉ tiêu kèm số liệu, dự án, nghị quyết, cơ sở.</td>
                </tr>
                <tr>
                  <th scope="row">
                    <a href={`/api/v1/reports/${slug}/indicators`}>
                      <code>/api/v1/reports/{'{slug}'}/indicators</code>
                    </a>
                  </th>
                  <td>JSON</td>
                  <td>Chỉ các chỉ tiêu và số liệu.</td>
                </tr>
                <tr>
                  <th scope="row">
                    <a href={`/api/v1/reports/${slug}/indicators.csv`}>
                      <code>/api/v1/reports/{'{slug}'}/indicators.csv</code>
                    </a>
                  </th>
                  <td>CSV</td>
                  <td>Mỗi dòng một giá trị của một chỉ tiêu; chỉ tiêu không có số liệu vẫn có một dòng với ô giá trị trống. Mở thẳng bằng Excel.</td>
                </tr>
                <tr>
                  <th scope="row">
                    <a href="/thay-doi.atom">
                      <code>/thay-doi.atom</code>
                    </a>
                  </th>
                  <td>Atom 1.0</td>
                  <td>
                    50 thay đổi mới nhất sau khi nhập văn bản gốc: mục nào, lúc nào, loại và lý do, giá trị cũ → mới. Đọc trên trang:{' '}
                    <Link href="/thay-doi">Thay đổi</Link>.
                  </td>
                </tr>
                <tr>
                  <th scope="row">
                    <Link href="/in">
                      <code>/in</code>
                    </Link>
                    ,{' '}
                    <a href="/in.pdf">
                      <code>/in.pdf</code>
                    </a>
                  </th>
                  <td>HTML, PDF</td>
                  <td>Toàn văn báo cáo trên một trang để in; bản PDF khổ A4 tạo từ chính trang đó.</td>
                </tr>
              </tbody>
            </table>
          </div>
        </section>

        <section aria-labelledby="vi-du">
          <h2 id="vi-du">Ví dụ</h2>
          <p>Toàn bộ báo cáo hiện hành:</p>
          <Example>{`curl ${api}`}</Example>
          <p>Các chỉ tiêu như ngày 31/12/2025 (hết ngày, giờ Việt Nam):</p>
          <Example>{`curl "${api}/indicators?asOf=2025-12-31"`}</Example>
          <p>Bảng CSV đúng phiên bản r120, lưu thành tệp:</p>
          <Example>{`curl -OJ "${api}/indicators.csv?asOf=r120"`}</Example>
          <p>Chỉ tải lại khi dữ liệu đã đổi (trả lời 304, không có nội dung, nếu chưa đổi):</p>
          <Example>{`curl -i -H 'If-None-Match: "${slug}.r120.indicators.json.v1"' ${api}/indicators`}</Example>
          <p>Đọc CSV bằng Python, giữ số thập phân chính xác:</p>
          <Example>{`import csv, decimal, io, urllib.request
  raw = urllib.request.urlopen("${api}/indicators.csv").read().decode("utf-8-sig")
  for row in csv.DictReader(io.StringIO(raw)):
      value = decimal.Decimal(row["value"]) if row["value"] else None`}</Example>
        </section>

        <section aria-labelledby="thoi-diem">
          <h2 id="thoi-diem">Xem dữ liệu tại một thời điểm: tham số asOf</h2>
          <p>
            Mọi địa chỉ ở trên, và mọi trang của cổng thông tin, nhận tham số <code>?asOf=</code> và trả lời đúng như dữ liệu lúc đó:
          </p>
          <ul>
            <li>
              <code>asOf=2025-12-31</code> — một ngày (ISO 8601): trạng thái lúc hết ngày đó theo giờ Việt Nam (23:59:59, UTC+7).
            </li>
            <li>
              <code>asOf=2025-12-31T08:00:00Z</code> hoặc <code>asOf=2025-12-31T15:00:00+07:00</code> — một thời điểm ISO 8601, bắt buộc có múi giờ (
              <code>Z</code> hoặc <code>±hh:mm</code>).
            </li>
            <li>
              <code>asOf=r120</code> — trạng thái ngay sau phiên bản 120. Mỗi câu trả lời ghi rõ phiên bản của nó (trường <code>as_of</code>,{' '}
              <code>revision</code>, đầu trang <code>X-Report-Revision</code>): dùng giá trị đó để trích dẫn.
            </li>
          </ul>
          <p>
            Thiếu <code>asOf</code>: dữ liệu hiện hành. Một thời điểm trong tương lai cho dữ liệu hiện hành. Một thời điểm trước khi báo cáo được đưa lên
            cổng thông tin: <code>404</code>.
          </p>
        </section>

        <section aria-labelledby="bo-nho-dem">
          <h2 id="bo-nho-dem">Bộ nhớ đệm và tải lại</h2>
          <ul>
            <li>
              <code>ETag</code> (mạnh) ghép từ mã báo cáo, phiên bản và định dạng, ví dụ <code>&quot;{slug}.r120.indicators.csv.v1&quot;</code>: cùng ETag là
              cùng nội dung, từng byte.
            </li>
            <li>
              <code>Last-Modified</code>: thời điểm của phiên bản đó.
            </li>
            <li>
              Gửi lại <code>If-None-Match</code> (hoặc <code>If-Modified-Since</code>) thì nhận <code>304 Not Modified</code> khi dữ liệu chưa đổi.
            </li>
            <li>
              <code>Cache-Control: {CACHE_CONTROL}</code>: dữ liệu hiện hành có thể chậm tối đa một phút. Dữ liệu theo <code>asOf=r…</code> không bao giờ
              đổi.
            </li>
            <li>
              <code>Access-Control-Allow-Origin: *</code>: gọi được từ trang web khác.
            </li>
          </ul>
        </section>

        <section aria-labelledby="loi">
          <h2 id="loi">Lỗi</h2>
          <p>
            Lỗi trả lời dạng JSON <code>{'{ "error": "…" }'}</code>, lời nhắn bằng tiếng Việt và tiếng Anh:
          </p>
          <ul>
            <li>
              <code>400</code> — <code>asOf</code> không đọc được, ví dụ <code>asOf=31/12/2025</code>.
            </li>
            <li>
              <code>404</code> — không có báo cáo với mã đó, hoặc báo cáo chưa có tại thời điểm <code>asOf</code>.
            </li>
          </ul>
        </section>

        <section aria-labelledby="truong-json">
          <h2 id="truong-json">Các trường JSON</h2>
          <p>
            Tên trường bằng tiếng Anh, dạng <code>snake_case</code>, không đổi trong phiên bản <code>v1</code>. Trường không có giá trị là{' '}
            <code>null</code>. Đường dẫn (<code>path</code>) là tương đối với địa chỉ của cổng thông tin. Mọi số liệu là chuỗi thập phân chính xác
            (<code>&quot;6.20&quot;</code>, không bao giờ <code>6.2</code>), kèm đơn vị và loại số liệu.
          </p>
          <FieldTable id="json-chung" caption="Trường chung của mọi câu trả lời JSON" rows={JSON_FIELDS.envelope} />
          <FieldTable id="json-bao-cao" caption="report: thông tin báo cáo" rows={JSON_FIELDS.report} />
          <FieldTable id="json-chi-tieu" caption="indicators[]: chỉ tiêu" rows={JSON_FIELDS.indicator} />
          <FieldTable id="json-gia-tri" caption="indicators[].values[]: giá trị" rows={JSON_FIELDS.value} />
          <FieldTable id="json-muc" caption="sections[]: mục nội dung (chỉ ở địa chỉ toàn bộ báo cáo)" rows={JSON_FIELDS.section} />
          <FieldTable id="json-doi-tuong" caption="entities[]: dự án, nghị quyết, cơ sở (chỉ ở địa chỉ toàn bộ báo cáo)" rows={JSON_FIELDS.entity} />
        </section>

        <section aria-labelledby="cot-csv">
          <h2 id="cot-csv">Các cột CSV</h2>
          <p>
            UTF-8 có dấu BOM (để Excel hiện đúng tiếng Việt), phân cách bằng dấu phẩy, xuống dòng CRLF, dòng đầu là tên cột, ô có dấu phẩy hoặc xuống dòng
            được đặt trong ngoặc kép. Ô trống là không có giá trị; <code>true</code>/<code>false</code> cho các cột có/không. Số dùng dấu chấm thập phân
            và giữ đúng số chữ số của văn bản. Một ô chữ bắt đầu bằng <code>=</code>, <code>+</code>, <code>-</code> hoặc <code>@</code> được thêm dấu{' '}
            <code>&apos;</code> ở đầu để bảng tính không hiểu nhầm là công thức.
          </p>
          <FieldTable id="csv-cot" caption="Các cột, theo thứ tự" rows={CSV_COLUMNS} />
        </section>

        <section aria-labelledby="nguon-tin">
          <h2 id="nguon-tin">Nguồn tin thay đổi (Atom)</h2>
          <p>
            Mỗi mục của <a href="/thay-doi.atom">nguồn tin</a> là một thay đổi đã công bố sau khi nhập văn bản gốc: tên mục đã đổi, thời điểm, loại và lý
            do, giá trị và câu chữ cũ → mới, đường dẫn tới lịch sử của mục và tới trang như trước, sau thay đổi. Nguồn tin không ghi tên người sửa; tác
            giả là cổng thông tin.
          </p>
        </section>
      </div>
    </>
  );
}
