/**
 * A new indicator's form input, parsed by the same schema the staff form uses: an empty
 * indicator under "Kinh tế" with the given code, name, values and reason. For tests that create one.
 */
import { indicatorCreateSchema, type IndicatorCreateInput } from '@/lib/validations/indicator';

export function newIndicatorInput({
  code,
  name = `Chỉ tiêu thử ${code}`,
  values = [],
  reason,
}: {
  code: string;
  name?: string;
  values?: IndicatorCreateInput['values'];
  reason: IndicatorCreateInput['reason'];
}) {
  const input: IndicatorCreateInput = {
    code,
    name,
    area: 'Kinh tế',
    unit: '%',
    status: 'chua_xac_dinh',
    statusNote: '',
    namedAsKeyIndicator: false,
    targetComparison: '',
    baselineComparison: '',
    sourceSentence: '',
    note: '',
    translations: { en: {} },
    values,
    reason,
  };
  return indicatorCreateSchema.parse(input);
}
