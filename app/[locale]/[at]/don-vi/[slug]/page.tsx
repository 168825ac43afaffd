import { entityDetailRoute } from '@/components/entity/entity-detail';

const route = entityDetailRoute('institution');
export const generateMetadata = route.generateMetadata;
export const generateStaticParams = route.generateStaticParams;
export default route.Page;
