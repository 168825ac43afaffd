import { describe, expect, it } from 'vitest';
import { canonicalJson, revisionHash, type HashedRevisionContent } from './revision-hash';

const base: HashedRevisionContent = {
  reportId: 1,
  itemType: 'indicator',
  itemId: 7,
  itemKey: 'gia-tri-xuat-khau',
  itemLabel: 'Giá trị xuất khẩu',
  revisionNo: 2,
  action: 'update',
  snapshot: { name: 'Giá trị xuất khẩu', values: [{ year: 2025, value: '1.90' }] },
  authorId: 3,
  authorName: 'Biên tập viên',
  reasonKind: 'sua_loi',
  reasonText: 'Sửa theo văn bản gốc',
  createdAt: new Date('2026-01-02T03:04:05.678Z'),
  previousId: 1,
  previousHash: 'abc',
};

describe('revision hash', () => {
  it('does not depend on the order of keys (jsonb reorders them)', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[2,{"y":2,"z":1}]},"b":1}');
  });

  it('changes when any part of the content or the previous hash changes', () => {
    const h = revisionHash(base);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(revisionHash({ ...base })).toBe(h);
    expect(revisionHash({ ...base, snapshot: { name: 'Giá trị xuất khẩu', values: [{ year: 2025, value: '1.9' }] } })).not.toBe(h);
    expect(revisionHash({ ...base, reasonText: 'Sửa theo văn bản gốc.' })).not.toBe(h);
    expect(revisionHash({ ...base, previousHash: 'abd' })).not.toBe(h);
    expect(revisionHash({ ...base, createdAt: new Date('2026-01-02T03:04:05.679Z') })).not.toBe(h);
  });
});
