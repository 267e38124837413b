/** Expected capacity of a resource (rules.md §2). */
import { z } from 'zod'
import { RulesValidationError, showValue } from './errors.ts'
import type { RulesMessageId } from './errors.ts'
import { Rational } from './rational.ts'
import type { ExpectedCapacityInput, ExpectedCapacityResult } from './types.ts'
import {
  isResourceKind,
  parseShape,
  requireNonNegativeInteger,
  requireRate4,
  requireSafeTotal,
} from './validate.ts'

/** The minimum expected capacity of a resource or an aggregation [pub]. */
export const MINIMUM_EXPECTED_KW = 1000
/** Storage must discharge at least this long, once a day, to count as stable [pub]. */
export const MINIMUM_STORAGE_HOURS = 3

const kindShape = z.looseObject({ kind: z.string() })
const shapes = {
  stable: z.strictObject({
    kind: z.literal('stable'),
    installedKw: z.number(),
    houseLoadRatio: z.number(),
    storageHours: z.number().optional(),
  }),
  variableSingle: z.strictObject({
    kind: z.literal('variableSingle'),
    installedKw: z.number(),
    adjustmentFactor: z.number(),
  }),
  variableAggregate: z.strictObject({
    kind: z.literal('variableAggregate'),
    members: z.array(z.strictObject({ installedKw: z.number(), adjustmentFactor: z.number() })),
  }),
  dispatchOrder: z.strictObject({
    kind: z.literal('dispatchOrder'),
    offerableKw: z.number(),
    adjustmentFactor: z.number(),
  }),
}

/** floor(kw × factor), exactly. */
function floorTimes(kw: number, factor: Rational): bigint {
  return Rational.of(kw).mul(factor).floor()
}

/**
 * The expected capacity (期待容量) of a resource, truncated to whole kW, and whether it may take
 * part in an auction. Throws RulesValidationError on invalid input.
 */
export function computeExpectedCapacity(input: ExpectedCapacityInput): ExpectedCapacityResult {
  const { kind } = parseShape(kindShape, input)
  if (!isResourceKind(kind))
    throw new RulesValidationError('E-RULES-026', ['kind'], { value: kind })

  let expected: bigint
  let ineligible: RulesMessageId | null = null
  switch (kind) {
    case 'stable': {
      const data = parseShape(shapes.stable, input)
      const installed = requireNonNegativeInteger(data.installedKw, ['installedKw'])
      const houseLoad = requireRate4(data.houseLoadRatio, ['houseLoadRatio'])
      if (data.storageHours !== undefined) {
        const hours = data.storageHours
        if (!Number.isFinite(hours) || hours < 0) {
          throw new RulesValidationError('E-RULES-042', ['storageHours'], {
            value: showValue(hours),
          })
        }
        // Comparing a JSON number with 3 is exact: no arithmetic is involved.
        if (hours < MINIMUM_STORAGE_HOURS) ineligible = 'E-RULES-061'
      }
      expected = floorTimes(installed, Rational.ONE.sub(houseLoad))
      break
    }
    case 'variableSingle': {
      const data = parseShape(shapes.variableSingle, input)
      const installed = requireNonNegativeInteger(data.installedKw, ['installedKw'])
      expected = floorTimes(installed, requireRate4(data.adjustmentFactor, ['adjustmentFactor']))
      break
    }
    case 'variableAggregate': {
      const data = parseShape(shapes.variableAggregate, input)
      if (data.members.length === 0) throw new RulesValidationError('E-RULES-043', ['members'])
      expected = 0n
      for (const [i, member] of data.members.entries()) {
        const installed = requireNonNegativeInteger(member.installedKw, [
          'members',
          i,
          'installedKw',
        ])
        const factor = requireRate4(member.adjustmentFactor, ['members', i, 'adjustmentFactor'])
        // Truncated per member, then summed [design].
        expected += floorTimes(installed, factor)
        if (installed >= MINIMUM_EXPECTED_KW && ineligible === null) ineligible = 'E-RULES-062'
      }
      break
    }
    case 'dispatchOrder': {
      const data = parseShape(shapes.dispatchOrder, input)
      const offerable = requireNonNegativeInteger(data.offerableKw, ['offerableKw'])
      expected = floorTimes(offerable, requireRate4(data.adjustmentFactor, ['adjustmentFactor']))
      break
    }
  }

  const expectedKw = requireSafeTotal(expected, ['members'])
  if (ineligible === null && expectedKw < MINIMUM_EXPECTED_KW) ineligible = 'E-RULES-060'
  return { expectedKw, eligible: ineligible === null, messageId: ineligible }
}
