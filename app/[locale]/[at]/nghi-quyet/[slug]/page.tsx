import { entityDetailRoute } from '@/components/entity/entity-detail';

const route = entityDetailRoute('resolution');
export const generateMetadata = route.generateMetadata;
export const generateStaticParams = route.generateStaticParams;
export default route.Page;
