/** A comparable fingerprint of an indicator's values. */
export function valuesKey(values: Array<{ role: string; year: number; value: string; kind: string; qualifier: string | null }>): string {
  return values
    .map((v) => `${v.role}|${v.year}|${v.value}|${v.kind}|${v.qualifier ?? ''}`)
    .sort()
    .join(';');
}
