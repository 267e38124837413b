/** One changed field of a change application: where, current value, proposed value. */
export interface FieldDiff {
  path: string
  current: unknown
  proposed: unknown
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** The fields whose proposed value differs from the current one (nested objects by dotted path). */
export function diffValues(
  current: Record<string, unknown> | null,
  proposed: Record<string, unknown>,
  prefix = '',
): FieldDiff[] {
  const out: FieldDiff[] = []
  const keys = new Set([...Object.keys(current ?? {}), ...Object.keys(proposed)])
  for (const key of keys) {
    const a = current?.[key]
    const b = proposed[key]
    const path = prefix ? `${prefix}.${key}` : key
    if (isPlainObject(a) && isPlainObject(b)) {
      out.push(...diffValues(a, b, path))
    } else if (JSON.stringify(a ?? null) !== JSON.stringify(b ?? null)) {
      out.push({ path, current: a ?? null, proposed: b ?? null })
    }
  }
  return out
}
