import type { Metadata } from 'next';
import { EntityIndex } from '@/components/entity/entity-index';

export const metadata: Metadata = {
  title: 'Nghị quyết',
  description: 'Các nghị quyết của Tỉnh uỷ Sóc Trăng được nêu trong phần ba nhiệm vụ đột phá: số hiệu, ngày ban hành, trích yếu.',
};

export default function ResolutionsPage() {
  return <EntityIndex kind="resolution" intro="Các nghị quyết mà báo cáo dẫn trong phần kết quả thực hiện các nhiệm vụ đột phá." />;
}
