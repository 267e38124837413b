/**
 * The basis of the assessment (B00 outage plans in the year, B10 parameters, B20 allocation):
 * schemas shared by the API, the forms and the CSV rows.
 */
import { z } from 'zod'
import { timestampSchema } from './common.ts'
import { monthSchema } from './contracts.ts'
import { fiscalYearOf, jstDateOf } from './time.ts'
import { listQuerySchema } from './list.ts'
import { areaSchema, resourceKindSchema } from './resources.ts'
import { rule } from './validation.ts'

/** The last complete JST month before `now` (`YYYY-MM`): what B10 / B20 open on by default. */
export function lastCompleteMonth(now: Date = new Date()): string {
  const [y, m] = jstDateOf(now).split('-').map(Number) as [number, number]
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`
}

/** The delivery year of the last complete JST month. */
export function lastCompleteDeliveryYear(now: Date = new Date()): number {
  return fiscalYearOf(`${lastCompleteMonth(now)}-01`)
}

// ─── Parameters of a delivery year (B10, operator) ─────────────────────────────────────────────

/** A decimal with at most four places, as text (exact): `58`, `1.5`, `0.183`. */
const decimalText = (messageId: Parameters<typeof rule>[0], check: (v: number) => boolean) =>
  z
    .string()
    .trim()
    .regex(/^\d{1,4}(\.\d{1,4})?$/, rule(messageId))
    .refine((v) => check(Number(v)), rule(messageId))

/** The values of a parameter set (rules.md §5), as the operator edits them. */
export const assessmentParameterValuesSchema = z.object({
  outageAllowanceDays: decimalText('E-ABAS-001', (v) => v >= 0).describe(
    '許容停止日数 (days per year, ≥ 0, 4 decimals)',
  ),
  unplannedOutageMultiplier: decimalText('E-ABAS-002', (v) => v > 0 && v < 100).describe(
    '計画外停止の倍率 (> 0)',
  ),
  supplyInstructionMultiplier: decimalText('E-ABAS-002', (v) => v > 0 && v < 100).describe(
    '供給指示の倍率 (> 0)',
  ),
  reserveNoticeMultiplier: decimalText('E-ABAS-002', (v) => v > 0 && v < 100).describe(
    '需給ひっ迫お知らせの倍率 (> 0)',
  ),
  expectedOrdersPerYear: z.coerce
    .number(rule('E-ABAS-003'))
    .int(rule('E-ABAS-003'))
    .min(1, rule('E-ABAS-003'))
    .max(1000, rule('E-ABAS-003'))
    .describe('想定発動回数 (orders per year, dispatch-order resources)'),
  monthlyCapShare: decimalText('E-ABAS-004', (v) => v > 0 && v <= 10).describe(
    '月間上限 (share of A, 0 < share ≤ 10)',
  ),
  annualCapShare: decimalText('E-ABAS-004', (v) => v > 0 && v <= 10).describe(
    '年間上限 (share of A, 0 < share ≤ 10)',
  ),
})
export type AssessmentParameterValues = z.infer<typeof assessmentParameterValuesSchema>
export type AssessmentParameterValuesInput = z.input<typeof assessmentParameterValuesSchema>

/** `PUT /assessment-parameters/{deliveryYear}`: the new values and the version they are based on. */
export const assessmentParameterChangeSchema = assessmentParameterValuesSchema
  .extend({ version: z.number().int().min(1).describe('The version the change is based on') })
  .meta({ id: 'AssessmentParameterChange' })
export type AssessmentParameterChange = z.infer<typeof assessmentParameterChangeSchema>

/** The parameters of a delivery year: the stored set (version ≥ 1) or the defaults (version null). */
export const assessmentParameterSetSchema = assessmentParameterValuesSchema
  .extend({
    deliveryYear: z.number().int(),
    version: z.number().int().nullable().describe('null: no set stored, the defaults apply'),
    updatedAt: timestampSchema.nullable(),
    /** Months of the year with a succeeded assessment run: a change needs a re-run of them. */
    assessedMonths: z.array(monthSchema),
  })
  .meta({ id: 'AssessmentParameterSet' })
export type AssessmentParameterSet = z.infer<typeof assessmentParameterSetSchema>

// ─── Per resource and month (B10, participants) ─────────────────────────────────────────────────

export const basisAllocationSchema = z.object({
  contractNo: z.string(),
  resourceCode: z.string().describe('The other resource: where the kW went (out) or came from'),
  kw: z.number().int(),
  annualAmount: z.number().int().describe('The part of A that moves with the kW (yen)'),
})

export const assessmentBasisRowSchema = z
  .object({
    month: monthSchema,
    deliveryYear: z.number().int(),
    resource: z.object({
      id: z.uuid(),
      code: z.string(),
      name: z.string(),
      kind: resourceKindSchema,
      area: areaSchema,
    }),
    participant: z.object({ id: z.uuid(), code: z.string() }),
    contractKw: z.number().int().describe('契約容量 after replacement (kW)'),
    annualAmount: z.number().int().describe('A: annual amount for those kW (yen, after deduction)'),
    unitPrice: z.string().describe('U = A / kW (yen per kW-year, 2 decimals, rounded down)'),
    monthlyCap: z.number().int().describe('floor(A × monthly cap share) (yen)'),
    annualCap: z.number().int().describe('floor(A × annual cap share) (yen)'),
    contracts: z.array(
      z.object({ contractNo: z.string(), contractKw: z.number().int(), annualAmount: z.number() }),
    ),
    allocationsOut: z.array(basisAllocationSchema),
    allocationsIn: z.array(basisAllocationSchema),
  })
  .meta({ id: 'AssessmentBasisRow' })
export type AssessmentBasisRow = z.infer<typeof assessmentBasisRowSchema>

export const assessmentBasisSortFields = [
  'resourceCode',
  'resourceName',
  'participantCode',
  'contractKw',
  'annualAmount',
] as const

export const assessmentBasisQuerySchema = listQuerySchema.extend({
  month: monthSchema.optional().describe('年月 (YYYY-MM); default: the last complete JST month'),
  q: z.string().trim().max(100).optional().describe('Resource code or name'),
  kind: resourceKindSchema.optional(),
  participantId: z.uuid().optional().describe('Operator: one participant'),
})

// ─── Replacement allocation (B20) ───────────────────────────────────────────────────────────────

export const allocationDirections = ['out', 'in'] as const
export type AllocationDirection = (typeof allocationDirections)[number]

export const replacementAllocationRowSchema = z
  .object({
    id: z.uuid(),
    month: monthSchema,
    contractNo: z.string(),
    /**
     * Seen from the participant: out = its contract's kW assessed on another resource; in = kW
     * of another contract assessed on its resource; null for the operator.
     */
    direction: z.enum(allocationDirections).nullable(),
    fromResource: z.object({ code: z.string(), name: z.string() }),
    fromParticipant: z.object({ id: z.uuid(), code: z.string() }),
    toResource: z.object({ code: z.string(), name: z.string() }),
    toParticipant: z.object({ id: z.uuid(), code: z.string() }),
    area: areaSchema,
    kw: z.number().int(),
    contractKw: z.number().int().describe('The contract’s kW'),
    annualAmount: z.number().int().describe('The part of A that moves with the kW (yen)'),
  })
  .meta({ id: 'ReplacementAllocationRow' })
export type ReplacementAllocationRow = z.infer<typeof replacementAllocationRowSchema>

export const replacementAllocationSortFields = [
  'month',
  'contractNo',
  'fromResourceCode',
  'toResourceCode',
  'kw',
] as const

export const replacementAllocationQuerySchema = listQuerySchema.extend({
  deliveryYear: z.coerce
    .number()
    .int()
    .min(2020)
    .max(2100)
    .optional()
    .describe('Default: the delivery year of the last complete JST month'),
  month: monthSchema.optional(),
  direction: z.enum(allocationDirections).optional(),
  q: z.string().trim().max(100).optional().describe('Resource code or name, contract number'),
  participantId: z.uuid().optional().describe('Operator: one participant'),
})
