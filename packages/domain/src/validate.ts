/** Shared validation helpers: zod for the shape, small checks for the rules' own limits. */
import type { z } from 'zod'
import { RulesValidationError, showValue } from './errors.ts'
import type { InputPath } from './errors.ts'
import { Rational, decimalPlaces } from './rational.ts'
import { AREAS, RESOURCE_KINDS } from './types.ts'
import type { Area, ResourceKind } from './types.ts'

const AREA_SET: ReadonlySet<string> = new Set(AREAS)
const KIND_SET: ReadonlySet<string> = new Set(RESOURCE_KINDS)

export function isArea(value: string): value is Area {
  return AREA_SET.has(value)
}

export function isResourceKind(value: string): value is ResourceKind {
  return KIND_SET.has(value)
}

/**
 * Checks the shape of an input with a zod schema. The first problem becomes a
 * RulesValidationError: a missing field (E-RULES-006), a wrong type (E-RULES-004), an unknown
 * field (E-RULES-005) or an empty string (E-RULES-007).
 */
export function parseShape<T>(schema: z.ZodType<T>, input: unknown): T {
  const parsed = schema.safeParse(input, { reportInput: true })
  if (parsed.success) return parsed.data
  const issue = parsed.error.issues[0]
  if (issue === undefined) throw new RulesValidationError('E-RULES-004', [], { expected: 'object' })
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol')
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined && path.length > 0) {
        throw new RulesValidationError('E-RULES-006', path)
      }
      throw new RulesValidationError('E-RULES-004', path, { expected: issue.expected })
    case 'unrecognized_keys':
      throw new RulesValidationError('E-RULES-005', [...path, issue.keys[0] ?? ''])
    case 'too_small':
      throw new RulesValidationError('E-RULES-007', path)
    default:
      throw new RulesValidationError('E-RULES-004', path, { expected: 'a valid value' })
  }
}

/** A kW or yen amount: a safe integer ≥ 0 (E-RULES-033). */
export function requireNonNegativeInteger(value: number, path: InputPath): number {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RulesValidationError('E-RULES-033', path, { value: showValue(value) })
  }
  return value
}

/**
 * A ratio, factor or rate: 0 ≤ value ≤ 1 (E-RULES-040) with at most 4 decimals (E-RULES-041),
 * returned as the exact decimal it was written as.
 */
export function requireRate4(value: number, path: InputPath): Rational {
  if (!Number.isFinite(value) || value < 0 || value > 1) {
    throw new RulesValidationError('E-RULES-040', path, { value: showValue(value) })
  }
  if (decimalPlaces(value) > 4) {
    throw new RulesValidationError('E-RULES-041', path, { value: showValue(value) })
  }
  return Rational.fromNumber(value)
}

export function requireArea(value: string, path: InputPath): Area {
  if (!isArea(value)) throw new RulesValidationError('E-RULES-010', path, { value })
  return value
}

/** A result or total that must stay a safe integer to be exact (E-RULES-034). */
export function requireSafeTotal(value: bigint, path: InputPath): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < -BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new RulesValidationError('E-RULES-034', path)
  }
  return Number(value)
}
