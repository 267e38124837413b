import type { ja } from './ja.ts'

type FunctionKey = keyof typeof ja.functions
type FunctionGroupKey = keyof typeof ja.functionGroups

/** `functions.<key>` for a menu entry (contracts `menuEntries`); unknown keys fall back to the key. */
export function functionLabelKey(key: string): `functions.${FunctionKey}` {
  return `functions.${key}` as `functions.${FunctionKey}`
}

/** `functionGroups.<code>` for a function code such as `010` or `A20`. */
export function functionGroupLabelKey(code: string): `functionGroups.${FunctionGroupKey}` {
  return `functionGroups.${code}` as `functionGroups.${FunctionGroupKey}`
}
