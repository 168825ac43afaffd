/** One published change with hostile text in it, shared by the change-line and Atom feed tests. */
import type { PublicChange } from '@/db/queries/public-history';

export const sampleChange: PublicChange = {
  id: 120,
  itemType: 'indicator',
  itemKey: 'san-luong',
  itemLabel: 'Sản lượng <thuỷ> & "hải" sản',
  revisionNo: 2,
  action: 'update',
  reasonKind: 'cap_nhat_so_lieu',
  reasonText: 'Số liệu chính thức </content><script>alert(1)</script>',
  createdAt: '2026-02-01T03:04:05.006Z',
  previousRevisionId: 7,
  previousSnapshot: { name: 'Sản lượng', unit: 'tấn', status: 'dat', values: [{ role: 'actual', year: 2025, value: '423700', kind: 'estimate', periodLabel: null, qualifier: null, note: null }] },
  snapshot: { name: 'Sản lượng', unit: 'tấn', status: 'vuot', values: [{ role: 'actual', year: 2025, value: '430000', kind: 'reported', periodLabel: null, qualifier: null, note: null }] },
};
