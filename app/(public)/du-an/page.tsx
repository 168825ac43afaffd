import type { Metadata } from 'next';
import { EntityIndex } from '@/components/entity/entity-index';

export const metadata: Metadata = {
  title: 'Dự án trọng điểm',
  description: 'Các công trình, dự án trọng điểm được nêu trong báo cáo kết quả nhiệm kỳ 2020 - 2025 của tỉnh Sóc Trăng.',
};

export default function ProjectsPage() {
  return <EntityIndex kind="project" intro="Các công trình, dự án trọng điểm mà báo cáo nêu tên." />;
}
