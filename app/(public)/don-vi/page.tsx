import type { Metadata } from 'next';
import { EntityIndex } from '@/components/entity/entity-index';

export const metadata: Metadata = {
  title: 'Cơ sở, đơn vị',
  description: 'Các trường, cơ sở đào tạo và trung tâm được nêu trong báo cáo kết quả nhiệm kỳ 2020 - 2025 của tỉnh Sóc Trăng.',
};

export default function InstitutionsPage() {
  return <EntityIndex kind="institution" intro="Các trường, cơ sở đào tạo và trung tâm mà báo cáo nêu tên." />;
}
