/**
 * Expected capacity (期待容量, 070; bulk 830 / 840 / 841), the operator's factor tables and the
 * effectiveness tests of dispatch-order resources (実効性テスト, 824). records.md, rules.md §2.
 *
 * The participant never types an expected capacity: it is computed by `@yoryo/domain` from the
 * resource's inputs (overridable with evidence) and the factor table version in force.
 */
import { z } from 'zod'
import { timestampSchema } from './common.ts'
import { currentWindowSchema, type CurrentWindow } from './portal.ts'
import { listQuerySchema } from './list.ts'
import {
  areaSchema,
  generationTypeSchema,
  numberCell,
  resourceCodeSchema,
  resourceKindSchema,
} from './resources.ts'
import { rule } from './validation.ts'

/** 実需給年度: a fiscal year. */
export const deliveryYearSchema = z.coerce
  .number()
  .int()
  .min(2020, rule('E-EC-001'))
  .max(2100, rule('E-EC-001'))
  .describe('対象実需給年度')

/** A count of decimals of a finite number as written (`0.0425` → 4). */
function decimalsOf(value: number): number {
  const text = String(value)
  const exp = /e-(\d+)$/.exec(text)
  if (exp) return Number(exp[1]) + (text.split('e')[0]?.split('.')[1]?.length ?? 0)
  return text.split('.')[1]?.length ?? 0
}

/** A factor of a table: 0 ≤ f ≤ 1 with at most 4 decimals (rules-api.md). */
export const factorValueSchema = z
  .number()
  .min(0, rule('E-EC-002'))
  .max(1, rule('E-EC-002'))
  .refine((v) => decimalsOf(v) <= 4, rule('E-EC-002'))

// ─── Factor tables ─────────────────────────────────────────────────────────────────────────────

/** 調整係数: per area × generation type × delivery year. */
export const adjustmentFactorRowSchema = z
  .object({
    area: areaSchema.describe('エリア'),
    generationType: generationTypeSchema.describe('発電方式'),
    deliveryYear: deliveryYearSchema,
    factor: factorValueSchema.describe('調整係数'),
  })
  .meta({ id: 'AdjustmentFactorRow' })
export type AdjustmentFactorRow = z.infer<typeof adjustmentFactorRowSchema>

/** 発動指令電源の係数: per area × delivery year. */
export const dispatchOrderFactorRowSchema = z
  .object({
    area: areaSchema.describe('エリア'),
    deliveryYear: deliveryYearSchema,
    factor: factorValueSchema.describe('発動指令電源係数'),
  })
  .meta({ id: 'DispatchOrderFactorRow' })
export type DispatchOrderFactorRow = z.infer<typeof dispatchOrderFactorRowSchema>

/** Marks the second and later rows with the same key as duplicates (E-EC-003). */
function uniqueRows<T>(rows: T[], key: (row: T) => string, path: string, ctx: z.RefinementCtx) {
  const seen = new Set<string>()
  rows.forEach((row, i) => {
    const k = key(row)
    if (seen.has(k)) ctx.addIssue({ code: 'custom', message: 'E-EC-003', path: [path, i] })
    seen.add(k)
  })
}

/** A new version of the factor tables (operator): every row; it supersedes the version in force. */
export const factorTableInputSchema = z
  .object({
    note: z.string().trim().max(200).default('').describe('改定内容'),
    adjustmentFactors: z.array(adjustmentFactorRowSchema).max(5000),
    dispatchOrderFactors: z.array(dispatchOrderFactorRowSchema).max(1000),
  })
  .superRefine((v, ctx) => {
    uniqueRows(
      v.adjustmentFactors,
      (r) => `${r.area}/${r.generationType}/${r.deliveryYear}`,
      'adjustmentFactors',
      ctx,
    )
    uniqueRows(
      v.dispatchOrderFactors,
      (r) => `${r.area}/${r.deliveryYear}`,
      'dispatchOrderFactors',
      ctx,
    )
  })
export type FactorTableInput = z.input<typeof factorTableInputSchema>

/** One version of the factor tables, as listed. */
export const factorTableSummarySchema = z
  .object({
    id: z.uuid(),
    /** 版: 1, 2, … */
    versionNo: z.number().int(),
    note: z.string(),
    /** In force: the latest version. Earlier ones stay readable. */
    current: z.boolean(),
    createdAt: timestampSchema,
    createdByName: z.string(),
    supersededAt: timestampSchema.nullable(),
    adjustmentFactorCount: z.number().int(),
    dispatchOrderFactorCount: z.number().int(),
  })
  .meta({ id: 'FactorTableSummary' })
export type FactorTableSummary = z.infer<typeof factorTableSummarySchema>

export const factorTableSchema = factorTableSummarySchema
  .extend({
    adjustmentFactors: z.array(adjustmentFactorRowSchema),
    dispatchOrderFactors: z.array(dispatchOrderFactorRowSchema),
  })
  .meta({ id: 'FactorTable' })
export type FactorTable = z.infer<typeof factorTableSchema>

export const factorTableSortFields = ['versionNo', 'createdAt', 'createdByName', 'note'] as const
export type FactorTableSortField = (typeof factorTableSortFields)[number]
export const factorTableListQuerySchema = listQuerySchema.extend({
  q: z.string().trim().max(100).optional().describe('Revision note contains'),
})

// ─── Expected capacity ─────────────────────────────────────────────────────────────────────────

/**
 * The resource's inputs a participant may override for one delivery year (with evidence):
 * what `computeExpectedCapacity` takes of each kind. Absent: the resource's own value.
 */
export const expectedCapacityOverridesSchema = z
  .strictObject({
    installedKw: z.number().int().min(0).max(100_000_000).optional().describe('設備容量(kW)'),
    houseLoadPercent: z
      .number()
      .min(0)
      .max(100)
      .refine((v) => decimalsOf(v) <= 2, rule('E-EC-004'))
      .optional()
      .describe('所内率(%)'),
    storageHours: z.number().min(0).max(1000).optional().describe('継続運転可能時間(h)'),
    offerableKw: z.number().int().min(0).max(100_000_000).optional().describe('提供可能容量(kW)'),
  })
  .meta({ id: 'ExpectedCapacityOverrides' })
export type ExpectedCapacityOverrides = z.infer<typeof expectedCapacityOverridesSchema>

const noteSchema = z.string().trim().max(500).default('').describe('備考')
const evidenceSchema = z
  .array(z.uuid())
  .max(10)
  .default([])
  .describe('Attachments (owner: participant) giving the evidence for overridden inputs')

/** 期待容量の登録申込 (070 register, bulk 830): the result is computed, never typed. */
export const expectedCapacityRegisterSchema = z.strictObject({
  resourceId: z.uuid().describe('電源等'),
  deliveryYear: deliveryYearSchema,
  overrides: expectedCapacityOverridesSchema.default({}),
  evidenceAttachmentIds: evidenceSchema,
  note: noteSchema,
})
export type ExpectedCapacityRegister = z.infer<typeof expectedCapacityRegisterSchema>
export type ExpectedCapacityRegisterInput = z.input<typeof expectedCapacityRegisterSchema>

/**
 * 期待容量の変更申込 (070 change, bulk 840), or with `afterAuction` the changed expected
 * capacity after the auction (変更後期待容量, 841): recomputed from the changed inputs and kept
 * as `changedExpectedKw` beside the expected capacity the auction used.
 */
export const expectedCapacityChangeSchema = z.strictObject({
  afterAuction: z.boolean().default(false).describe('変更後期待容量(オークション後)'),
  overrides: expectedCapacityOverridesSchema.default({}),
  evidenceAttachmentIds: evidenceSchema,
  note: noteSchema,
})
export type ExpectedCapacityChange = z.infer<typeof expectedCapacityChangeSchema>
export type ExpectedCapacityChangeInput = z.input<typeof expectedCapacityChangeSchema>

/** What the calculation used of one aggregate member. */
export const expectedCapacityMemberSchema = z.object({
  name: z.string(),
  generationType: generationTypeSchema,
  installedKw: z.number().int(),
  adjustmentFactor: z.number().nullable(),
  expectedKw: z.number().int().nullable(),
})

/** How an expected capacity was computed: inputs, factor and its table version, rounding. */
export const expectedCapacityCalculationSchema = z
  .object({
    kind: resourceKindSchema,
    area: areaSchema,
    generationType: generationTypeSchema,
    deliveryYear: z.number().int(),
    inputs: z.object({
      installedKw: z.number().int().nullable(),
      houseLoadPercent: z.number().nullable(),
      storageHours: z.number().nullable(),
      offerableKw: z.number().int().nullable(),
      members: z.array(expectedCapacityMemberSchema),
    }),
    /** The inputs taken from the overrides instead of the resource. */
    overridden: z.array(z.enum(['installedKw', 'houseLoadPercent', 'storageHours', 'offerableKw'])),
    /** The factor applied (variableSingle, dispatchOrder); per member for an aggregate. */
    adjustmentFactor: z.number().nullable(),
    factorTable: z.object({ id: z.uuid(), versionNo: z.number().int() }).nullable(),
    /** The product before truncation to whole kW, exact (`95750.4`, or a fraction `a/b`). */
    exactKw: z.string().nullable(),
    expectedKw: z.number().int().nullable(),
    eligible: z.boolean(),
    /**
     * Why the resource is not eligible (the domain's `E-RULES-06x`), or why it could not be
     * computed (`E-EC-010`: no factor in the table for its area, type and year).
     */
    messageId: z.string().nullable(),
    message: z.string().nullable(),
  })
  .meta({ id: 'ExpectedCapacityCalculation' })
export type ExpectedCapacityCalculation = z.infer<typeof expectedCapacityCalculationSchema>

/** Ask for a calculation without filing anything (the form shows it as it is typed). */
export const expectedCapacityCalculateSchema = z.strictObject({
  resourceId: z.uuid(),
  deliveryYear: deliveryYearSchema,
  overrides: expectedCapacityOverridesSchema.default({}),
})

export const expectedCapacityStatusSchema = z
  .enum(['active', 'cancelled'])
  .meta({ id: 'ExpectedCapacityStatus' })
export type ExpectedCapacityStatus = z.infer<typeof expectedCapacityStatusSchema>

const resourceRefSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  kind: resourceKindSchema,
  area: areaSchema,
  generationType: generationTypeSchema,
})

/** An approved expected capacity of one resource for one delivery year. */
export const expectedCapacitySchema = z
  .object({
    id: z.uuid(),
    participant: z.object({ id: z.uuid(), code: z.string(), name: z.string() }),
    resource: resourceRefSchema,
    deliveryYear: z.number().int(),
    expectedKw: z.number().int(),
    eligible: z.boolean(),
    calculation: expectedCapacityCalculationSchema,
    /** 変更後期待容量 (841), once a change after the auction was approved. */
    changedExpectedKw: z.number().int().nullable(),
    changedCalculation: expectedCapacityCalculationSchema.nullable(),
    overrides: expectedCapacityOverridesSchema,
    evidenceAttachmentIds: z.array(z.uuid()),
    note: z.string(),
    status: expectedCapacityStatusSchema,
    version: z.number().int(),
    createdAt: timestampSchema,
    updatedAt: timestampSchema,
  })
  .meta({ id: 'ExpectedCapacity' })
export type ExpectedCapacity = z.infer<typeof expectedCapacitySchema>

export const expectedCapacitySortFields = [
  'resourceCode',
  'resourceName',
  'participantCode',
  'kind',
  'area',
  'deliveryYear',
  'expectedKw',
  'changedExpectedKw',
  'status',
  'updatedAt',
] as const
export type ExpectedCapacitySortField = (typeof expectedCapacitySortFields)[number]

export const expectedCapacityListQuerySchema = listQuerySchema.extend({
  q: z.string().trim().max(100).optional().describe('Resource code or name contains'),
  deliveryYear: z.coerce.number().int().min(2020).max(2100).optional(),
  kind: resourceKindSchema.optional(),
  status: expectedCapacityStatusSchema.optional(),
  participantId: z.uuid().optional().describe('Operator: one participant'),
})
export type ExpectedCapacityListQuery = z.infer<typeof expectedCapacityListQuerySchema>

/** The expected capacity window (期待容量登録受付) of a delivery year (`currentWindowSchema`). */
export const expectedCapacityWindowSchema = currentWindowSchema
export type ExpectedCapacityWindow = CurrentWindow

// ─── Effectiveness tests (824) ─────────────────────────────────────────────────────────────────

export const EFFECTIVENESS_TEST_SLOT_COUNT = 6

/** 実効性テスト結果の登録 (824): the achievement rate is computed, never typed. */
export const effectivenessTestInputSchema = z
  .strictObject({
    resourceId: z.uuid().describe('電源等'),
    testDate: z.iso.date().describe('実施日'),
    instructedKw: z.number().int().min(1).max(100_000_000).describe('指令容量(kW)'),
    deliveredKw: z
      .array(z.number().int().min(0).max(100_000_000))
      .length(EFFECTIVENESS_TEST_SLOT_COUNT)
      .describe('実績(kW) 1〜6コマ'),
  })
  .meta({ id: 'NewEffectivenessTest' })
export type EffectivenessTestInput = z.infer<typeof effectivenessTestInputSchema>

export const effectivenessTestSchema = z
  .object({
    id: z.uuid(),
    participant: z.object({ id: z.uuid(), code: z.string(), name: z.string() }),
    resource: resourceRefSchema,
    testDate: z.iso.date(),
    instructedKw: z.number().int(),
    deliveredKw: z.array(z.number().int()),
    /** 達成率: average delivered / instructed, rounded half up to 3 decimals. */
    achievementRate: z.number(),
    /** The same with exactly 3 decimals, e.g. `0.983`. */
    achievementRateText: z.string(),
    createdAt: timestampSchema,
    createdByName: z.string(),
  })
  .meta({ id: 'EffectivenessTest' })
export type EffectivenessTest = z.infer<typeof effectivenessTestSchema>

export const effectivenessTestSortFields = [
  'resourceCode',
  'resourceName',
  'participantCode',
  'testDate',
  'instructedKw',
  'achievementRate',
  'createdAt',
] as const
export type EffectivenessTestSortField = (typeof effectivenessTestSortFields)[number]
export const effectivenessTestListQuerySchema = listQuerySchema.extend({
  resourceId: z.uuid().optional(),
  q: z.string().trim().max(100).optional().describe('Resource code or name contains'),
  participantId: z.uuid().optional().describe('Operator: one participant'),
})

// ─── Bulk rows (830 / 840 / 841 / 824), for the one bulk pipeline ──────────────────────────────

const resourceCodeColumn = resourceCodeSchema
const optionalInt = (header: string) =>
  numberCell(z.number().int().min(0).max(100_000_000).optional().describe(header))
const overrideColumns = {
  installedKw: optionalInt('設備容量(kW)'),
  houseLoadPercent: numberCell(expectedCapacityOverridesSchema.shape.houseLoadPercent),
  storageHours: numberCell(expectedCapacityOverridesSchema.shape.storageHours),
  offerableKw: optionalInt('提供可能容量(kW)'),
}
/**
 * 根拠資料: the IDs of attachments (the participant's, uploaded beforehand on the 070 form),
 * separated by spaces; needed when a row overrides an input (E-EC-013), as on screen.
 */
const evidenceColumn = z
  .string()
  .trim()
  .max(400)
  .optional()
  .transform((v) => (v ? v.split(/[\s,]+/u).filter(Boolean) : []))
  .pipe(z.array(z.uuid()).max(10).describe('根拠資料の添付ファイルID（空白区切り）'))

/** The overrides of a file row (830 / 840 / 841): the cells given, none for an empty cell. */
export function overridesOfRow(row: {
  installedKw?: number | undefined
  houseLoadPercent?: number | undefined
  storageHours?: number | undefined
  offerableKw?: number | undefined
}): ExpectedCapacityOverrides {
  const out: ExpectedCapacityOverrides = {}
  for (const key of ['installedKw', 'houseLoadPercent', 'storageHours', 'offerableKw'] as const) {
    if (row[key] !== undefined) out[key] = row[key]
  }
  return out
}

/**
 * 830 期待容量一括登録: one row per resource and delivery year; the expected capacity is computed,
 * never typed; an overridden input needs evidence (as on screen).
 */
export const expectedCapacityRegisterRowSchema = z
  .object({
    resourceCode: resourceCodeColumn,
    deliveryYear: deliveryYearSchema,
    ...overrideColumns,
    evidenceAttachmentIds: evidenceColumn,
    note: noteSchema,
  })
  .meta({ id: 'ExpectedCapacityRegisterRow' })
export type ExpectedCapacityRegisterRow = z.infer<typeof expectedCapacityRegisterRowSchema>
/** 840 期待容量一括変更: the registered expected capacity of the resource and year, recomputed. */
export const expectedCapacityChangeRowSchema = expectedCapacityRegisterRowSchema.meta({
  id: 'ExpectedCapacityChangeRow',
})
/** 841 変更後期待容量一括変更 (after the auction; accepted outside the window). */
export const expectedCapacityAfterAuctionRowSchema = expectedCapacityRegisterRowSchema.meta({
  id: 'ExpectedCapacityAfterAuctionRow',
})

const slotColumn = (n: number) =>
  numberCell(z.number().int().min(0).max(100_000_000).describe(`実績(kW)${n}コマ目`))
/** 824 実効性テスト結果: the six slot values as columns. */
export const effectivenessTestRowSchema = z
  .object({
    resourceCode: resourceCodeColumn,
    testDate: z.iso.date().describe('実施日'),
    instructedKw: numberCell(z.number().int().min(1).max(100_000_000).describe('指令容量(kW)')),
    deliveredKw1: slotColumn(1),
    deliveredKw2: slotColumn(2),
    deliveredKw3: slotColumn(3),
    deliveredKw4: slotColumn(4),
    deliveredKw5: slotColumn(5),
    deliveredKw6: slotColumn(6),
  })
  .meta({ id: 'EffectivenessTestRow' })
export type EffectivenessTestRow = z.infer<typeof effectivenessTestRowSchema>

/** The six slot columns of an 824 row as the list the API takes. */
export function deliveredKwOfRow(row: EffectivenessTestRow): number[] {
  return [
    row.deliveredKw1,
    row.deliveredKw2,
    row.deliveredKw3,
    row.deliveredKw4,
    row.deliveredKw5,
    row.deliveredKw6,
  ]
}
