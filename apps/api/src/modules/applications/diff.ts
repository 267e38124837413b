import type { ApplicationDiff } from '@yoryo/contracts'

function isPlainObject(v: unknown): v is { [key: string]: unknown } {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null)

/** The key an element of a list is matched by: its `id` (or `code`) when it has one. */
function keyOf(element: unknown): string | null {
  if (!isPlainObject(element)) return null
  const key = element.id ?? element.code
  return typeof key === 'string' || typeof key === 'number' ? String(key) : null
}

function diffLists(current: unknown[], proposed: unknown[], path: string): ApplicationDiff[] {
  const keyed = [...current, ...proposed].every((e) => keyOf(e) !== null)
  const out: ApplicationDiff[] = []
  if (keyed) {
    // Elements with an identity: matched by it, wherever they moved in the list.
    const before = new Map(current.map((e) => [keyOf(e), e]))
    proposed.forEach((element, index) => {
      const key = keyOf(element)
      const old = before.get(key)
      before.delete(key)
      out.push(...diffAny(old, element, `${path}[${index}]`))
    })
    for (const removed of before.values()) {
      out.push({ path: `${path}[${current.indexOf(removed)}]`, current: removed, proposed: null })
    }
    return out
  }
  for (let i = 0; i < Math.max(current.length, proposed.length); i++) {
    out.push(...diffAny(current[i], proposed[i], `${path}[${i}]`))
  }
  return out
}

function diffAny(a: unknown, b: unknown, path: string): ApplicationDiff[] {
  if (isPlainObject(a) && isPlainObject(b)) return diffValues(a, b, path)
  if (Array.isArray(a) && Array.isArray(b)) return diffLists(a, b, path)
  return same(a, b) ? [] : [{ path, current: a ?? null, proposed: b ?? null }]
}

/**
 * The fields whose proposed value differs from the current one: nested objects by dotted path,
 * lists element by element (`members[1].name`; an element added or removed as a whole). Elements
 * with an `id` (or `code`) are matched by it, others by position.
 */
export function diffValues(current: unknown, proposed: unknown, prefix = ''): ApplicationDiff[] {
  const a = isPlainObject(current) ? current : {}
  const b = isPlainObject(proposed) ? proposed : {}
  const out: ApplicationDiff[] = []
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    out.push(...diffAny(a[key], b[key], prefix ? `${prefix}.${key}` : key))
  }
  return out
}
