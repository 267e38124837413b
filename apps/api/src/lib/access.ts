import { functionOf, type FunctionGroupCode, type FunctionKey, type Role } from '@yoryo/contracts'
import type { Access } from './context.ts'

type Mode = 'view' | 'edit'
type PrivateAccess = Extract<Access, { public?: false }>

/**
 * The `config.access` of a route acting on registry functions (`functionRegistry` of
 * @yoryo/contracts) in a mode: the roles the registry allows for that mode and, when the
 * function belongs to a function group, the A40 right a general user needs on it.
 *
 *   config: { access: routeAccess('users', 'edit') }
 *   config: { access: routeAccess(['participant', 'participants'], 'view') }  // one API, two screens
 *
 * Several functions: the union of their roles; of different groups (one record kept by two
 * functions, e.g. outage plans 180 / B00), a right on any of the groups suffices; either all
 * functions have a group or none. `extra` adds the
 * flags that are not the registry's (`allowPasswordChangePending`, `duringMaintenance`,
 * `narrowedBy`: why the handler may refuse further, published in `x-access`).
 */
export function routeAccess(
  functions: FunctionKey | readonly FunctionKey[],
  mode: Mode,
  extra: Pick<
    PrivateAccess,
    'allowPasswordChangePending' | 'duringMaintenance' | 'narrowedBy'
  > = {},
): PrivateAccess {
  const keys: readonly FunctionKey[] = typeof functions === 'string' ? [functions] : functions
  const entries = keys.map(functionOf)
  const roles = [...new Set(entries.flatMap((e) => e[mode] as readonly Role[]))]
  const groups = [...new Set(entries.map((e) => e.group))]
  if (groups.length !== 1 && groups.includes(undefined)) {
    throw new Error(`functions ${String(functions)} differ in group`)
  }
  const group = groups.length === 1 ? groups[0] : (groups as FunctionGroupCode[])
  return {
    roles,
    ...(group ? { permission: { function: group, mode } } : {}),
    ...extra,
    functions: keys,
  }
}
