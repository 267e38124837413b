import type { ApplicationDiff } from './applications.ts'

function isPlainObject(v: unknown): v is { [key: string]: unknown } {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null)

/**
 * The identity an element of a list is matched by: its `id` or `code`, else the number of the
 * thing it stands for — a site's supply point ID (供給地点特定番号), a member's grid code (系統コード).
 */
const IDENTITY_FIELDS = ['id', 'code', 'supplyPointId', 'gridCode'] as const

function keyOf(element: unknown): string | null {
  if (!isPlainObject(element)) return null
  for (const field of IDENTITY_FIELDS) {
    const key = element[field]
    if ((typeof key === 'string' && key !== '') || typeof key === 'number') {
      return `${field}:${String(key)}`
    }
  }
  return null
}

/** The elements' keys when every element has one and no two share it, else null. */
function keysOf(list: unknown[]): string[] | null {
  const keys = list.map(keyOf)
  if (keys.some((k) => k === null)) return null
  return new Set(keys).size === keys.length ? (keys as string[]) : null
}

function diffLists(current: unknown[], proposed: unknown[], path: string): ApplicationDiff[] {
  const currentKeys = keysOf(current)
  const proposedKeys = keysOf(proposed)
  const out: ApplicationDiff[] = []
  if (currentKeys && proposedKeys) {
    // Elements with an identity: matched by it, wherever they moved in the list. An element
    // only in the proposed list is added (`sites[2]`, current null), one only in the current
    // list removed (its index in the current list, proposed null).
    const before = new Map(currentKeys.map((key, i) => [key, i]))
    proposed.forEach((element, index) => {
      const key = proposedKeys[index] as string
      const old = before.get(key)
      before.delete(key)
      out.push(...diffAny(old === undefined ? null : current[old], element, `${path}[${index}]`))
    })
    for (const i of before.values()) {
      out.push({ path: `${path}[${i}]`, current: current[i], proposed: null })
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
 * with an identity (`id`, `code`, `supplyPointId`, `gridCode`; unique in the list) are matched by
 * it, so inserting one shows one added element; others are matched by position.
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
