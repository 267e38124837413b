import {
  areaLabels,
  formatMessage,
  generationTypeLabels,
  isMessageId,
  storageTypes,
  type Area,
  type ExpectedCapacityCalculation,
  type ExpectedCapacityOverrides,
  type GenerationType,
  type Lang,
  type ResourceKind,
} from '@yoryo/contracts'
import type { DbClient, Prisma } from '@yoryo/db'
import {
  computeExpectedCapacity,
  Rational,
  RulesValidationError,
  type ExpectedCapacityInput,
} from '@yoryo/domain'

/** A resource with what its expected capacity needs (the members of an aggregate). */
export type CalculationResource = Prisma.ResourceGetPayload<{
  include: { members: true }
}>

export const calculationInclude = {
  members: { orderBy: { position: 'asc' } },
} as const satisfies Prisma.ResourceInclude

/** The version of the factor tables in force: the highest version number. */
export function factorTableInForce(db: DbClient) {
  return db.factorTable.findFirst({ orderBy: { versionNo: 'desc' } })
}

const decimalText = (value: Prisma.Decimal | null): string | null =>
  value === null ? null : value.toString()
const decimalNumber = (value: Prisma.Decimal | null): number | null =>
  value === null ? null : Number(value.toString())

/** A calculation that could not give a result, with the reason. */
class NotComputable extends Error {
  constructor(
    readonly messageId: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(messageId)
  }
}

type Overridable = keyof ExpectedCapacityOverrides

/**
 * 期待容量 of a resource for a delivery year (rules.md §2): the resource's inputs, with the
 * participant's overrides, and the factor of the table version in force, through
 * `computeExpectedCapacity` of @yoryo/domain. Never throws for a resource that cannot be
 * computed: the result then has `expectedKw: null` and the reason in `messageId`.
 */
export async function calculateExpectedCapacity(
  db: DbClient,
  resource: CalculationResource,
  deliveryYear: number,
  overrides: ExpectedCapacityOverrides,
  lang: Lang,
): Promise<ExpectedCapacityCalculation> {
  const kind = resource.kind as ResourceKind
  const area = resource.area as Area
  const generationType = resource.generationType as GenerationType
  const overridden = (Object.keys(overrides) as Overridable[]).filter(
    (k) => overrides[k] !== undefined,
  )
  const pick = <T>(key: Overridable, own: T): T | number =>
    overrides[key] !== undefined ? (overrides[key] as number) : own

  const installedKw = pick('installedKw', resource.installedKw) as number | null
  const houseLoadText =
    overrides.houseLoadPercent !== undefined
      ? String(overrides.houseLoadPercent)
      : decimalText(resource.houseLoadPercent)
  const storageHours = pick('storageHours', decimalNumber(resource.storageHours)) as number | null
  const offerableKw = pick('offerableKw', resource.offerableKw) as number | null

  const base: ExpectedCapacityCalculation = {
    kind,
    area,
    generationType,
    deliveryYear,
    inputs: {
      installedKw: kind === 'stable' || kind === 'variableSingle' ? installedKw : null,
      houseLoadPercent: kind === 'stable' && houseLoadText !== null ? Number(houseLoadText) : null,
      storageHours:
        kind === 'stable' && storageTypes.includes(generationType) ? storageHours : null,
      offerableKw: kind === 'dispatchOrder' ? offerableKw : null,
      members: resource.members.map((m) => ({
        name: m.name,
        generationType: m.generationType as GenerationType,
        installedKw: m.installedKw,
        adjustmentFactor: null,
        expectedKw: null,
      })),
    },
    overridden: overridden.filter((k) => relevantOverride(kind, k)),
    adjustmentFactor: null,
    factorTable: null,
    exactKw: null,
    expectedKw: null,
    eligible: false,
    messageId: null,
    message: null,
  }

  const table = kind === 'stable' ? null : await factorTableInForce(db)
  if (table) base.factorTable = { id: table.id, versionNo: table.versionNo }

  const missing = (type: GenerationType | null) =>
    new NotComputable('E-EC-010', {
      versionNo: table?.versionNo ?? 0,
      area: areaLabels[area][lang],
      generationType: type ? generationTypeLabels[type][lang] : '—',
      deliveryYear,
    })
  const adjustment = async (type: GenerationType): Promise<number> => {
    if (!table) throw new NotComputable('E-EC-011')
    const row = await db.adjustmentFactor.findUnique({
      where: {
        factorTableId_area_generationType_deliveryYear: {
          factorTableId: table.id,
          area,
          generationType: type,
          deliveryYear,
        },
      },
    })
    if (!row) throw missing(type)
    return Number(row.factor.toString())
  }

  try {
    let input: ExpectedCapacityInput
    let exact: Rational
    switch (kind) {
      case 'stable': {
        if (installedKw === null || houseLoadText === null) throw new NotComputable('E-EC-019')
        const ratio = Rational.parseDecimal(houseLoadText).div(Rational.of(100))
        const hours = base.inputs.storageHours
        input = {
          kind,
          installedKw,
          houseLoadRatio: Number(ratio.toString()),
          ...(hours !== null ? { storageHours: hours } : {}),
        }
        exact = Rational.of(installedKw).mul(Rational.ONE.sub(ratio))
        break
      }
      case 'variableSingle': {
        if (installedKw === null) throw new NotComputable('E-EC-019')
        const factor = await adjustment(generationType)
        base.adjustmentFactor = factor
        input = { kind, installedKw, adjustmentFactor: factor }
        exact = Rational.of(installedKw).mul(Rational.fromNumber(factor))
        break
      }
      case 'variableAggregate': {
        const members = []
        exact = Rational.ZERO
        for (const member of base.inputs.members) {
          const factor = await adjustment(member.generationType)
          member.adjustmentFactor = factor
          const product = Rational.of(member.installedKw).mul(Rational.fromNumber(factor))
          // Truncated per member, then summed (rules.md §2).
          member.expectedKw = Number(product.floor())
          exact = exact.add(Rational.of(product.floor()))
          members.push({ installedKw: member.installedKw, adjustmentFactor: factor })
        }
        input = { kind, members }
        break
      }
      case 'dispatchOrder': {
        if (offerableKw === null) throw new NotComputable('E-EC-019')
        if (!table) throw new NotComputable('E-EC-011')
        const row = await db.dispatchOrderFactor.findUnique({
          where: {
            factorTableId_area_deliveryYear: { factorTableId: table.id, area, deliveryYear },
          },
        })
        if (!row) throw missing(null)
        const factor = Number(row.factor.toString())
        base.adjustmentFactor = factor
        input = { kind, offerableKw, adjustmentFactor: factor }
        exact = Rational.of(offerableKw).mul(Rational.fromNumber(factor))
        break
      }
    }
    const result = computeExpectedCapacity(input)
    return {
      ...base,
      exactKw: exact.toString(),
      expectedKw: result.expectedKw,
      eligible: result.eligible,
      messageId: result.messageId,
      message:
        result.messageId && isMessageId(result.messageId)
          ? formatMessage(result.messageId, lang)
          : null,
    }
  } catch (error) {
    if (error instanceof NotComputable) {
      const id = isMessageId(error.messageId) ? error.messageId : 'E-EC-019'
      return { ...base, messageId: id, message: formatMessage(id, lang, error.params) }
    }
    if (error instanceof RulesValidationError) {
      return {
        ...base,
        messageId: error.messageId,
        message: formatMessage(error.messageId, lang, error.params),
      }
    }
    throw error
  }
}

/** Whether an override is an input of the kind's calculation. */
function relevantOverride(kind: ResourceKind, key: Overridable): boolean {
  switch (key) {
    case 'installedKw':
      return kind === 'stable' || kind === 'variableSingle'
    case 'houseLoadPercent':
    case 'storageHours':
      return kind === 'stable'
    case 'offerableKw':
      return kind === 'dispatchOrder'
  }
}
