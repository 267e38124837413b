import { z } from 'zod'
import {
  applicationEventSchema,
  applicationRequestSchema,
  applicationSummarySchema,
} from './applications.ts'
import { timestampSchema } from './common.ts'
import { documentSummarySchema } from './documents.ts'
import { listQuerySchema } from './list.ts'
import { rule } from './validation.ts'

/**
 * 電源等 (records.md "Resource", rules.md §2). One zod schema per kind validates the API request,
 * the form and a CSV row: every field is flat, and the kind-specific lists (members of an
 * aggregate, sites of a dispatch-order resource) have their own row schemas keyed by
 * `resourceCode` for their CSV files.
 */

// ── Enumerations ────────────────────────────────────────────────────────────────────────────

export const resourceKinds = [
  'stable',
  'variableSingle',
  'variableAggregate',
  'dispatchOrder',
] as const
export const resourceKindSchema = z.enum(resourceKinds).meta({ id: 'ResourceKind' })
export type ResourceKind = z.infer<typeof resourceKindSchema>

/** The letter of the kind in the resource code. */
export const resourceKindLetters: Record<ResourceKind, string> = {
  stable: 'S',
  variableSingle: 'V',
  variableAggregate: 'A',
  dispatchOrder: 'D',
}

/** エリア: the nine areas, in the order of their numbers 01–09. */
export const areas = [
  'hokkaido',
  'tohoku',
  'tokyo',
  'chubu',
  'hokuriku',
  'kansai',
  'chugoku',
  'shikoku',
  'kyushu',
] as const
export const areaSchema = z.enum(areas).meta({ id: 'Area' })
export type Area = z.infer<typeof areaSchema>

/** The area number (01–09) of an area, as in the resource code. */
export function areaNumber(area: Area): string {
  return String(areas.indexOf(area) + 1).padStart(2, '0')
}

export const generationTypes = [
  'coal',
  'lng',
  'oil',
  'nuclear',
  'hydroReservoir',
  'hydroRunOfRiver',
  'pumpedStorage',
  'battery',
  'solar',
  'windOnshore',
  'windOffshore',
  'geothermal',
  'biomass',
  'waste',
  'demandResponse',
  'other',
] as const
export const generationTypeSchema = z.enum(generationTypes).meta({ id: 'GenerationType' })
export type GenerationType = z.infer<typeof generationTypeSchema>

export const supportSchemeSchema = z.enum(['none', 'fit', 'fip']).meta({ id: 'SupportScheme' })
export type SupportScheme = z.infer<typeof supportSchemeSchema>

export const siteTypeSchema = z
  .enum(['demandReduction', 'generator', 'battery'])
  .meta({ id: 'SiteType' })
export type SiteType = z.infer<typeof siteTypeSchema>

export const resourceStatusSchema = z.enum(['active', 'cancelled']).meta({ id: 'ResourceStatus' })
export type ResourceStatus = z.infer<typeof resourceStatusSchema>

/** Output from variable renewable sources (rules.md §2: run-of-river hydro is variable). */
const variableTypes: readonly GenerationType[] = [
  'hydroRunOfRiver',
  'solar',
  'windOnshore',
  'windOffshore',
]

/**
 * The generation types each kind accepts (rules.md §2) [design where the rules are silent]:
 * variable sources are variable resources; reservoir hydro and controllable plants are stable;
 * demand response and controllable plants that cannot run as stable (e.g. storage under 3 h)
 * are dispatch-order resources.
 */
export const generationTypesByKind: Record<ResourceKind, readonly GenerationType[]> = {
  stable: [
    'coal',
    'lng',
    'oil',
    'nuclear',
    'hydroReservoir',
    'pumpedStorage',
    'battery',
    'geothermal',
    'biomass',
    'waste',
    'other',
  ],
  variableSingle: variableTypes,
  variableAggregate: variableTypes,
  dispatchOrder: [
    'demandResponse',
    'battery',
    'pumpedStorage',
    'coal',
    'lng',
    'oil',
    'hydroReservoir',
    'geothermal',
    'biomass',
    'waste',
    'other',
  ],
}

/** Storage (pumped storage, batteries) counts as stable only with ≥ 3 h of continuous output. */
export const storageTypes: readonly GenerationType[] = ['pumpedStorage', 'battery']
export const MIN_STABLE_STORAGE_HOURS = 3
/** Every member of an aggregate is below 1,000 kW (rules.md §2). */
export const MEMBER_KW_LIMIT = 1000

export const PREFECTURES = [
  '北海道',
  '青森県',
  '岩手県',
  '宮城県',
  '秋田県',
  '山形県',
  '福島県',
  '茨城県',
  '栃木県',
  '群馬県',
  '埼玉県',
  '千葉県',
  '東京都',
  '神奈川県',
  '新潟県',
  '富山県',
  '石川県',
  '福井県',
  '山梨県',
  '長野県',
  '岐阜県',
  '静岡県',
  '愛知県',
  '三重県',
  '滋賀県',
  '京都府',
  '大阪府',
  '兵庫県',
  '奈良県',
  '和歌山県',
  '鳥取県',
  '島根県',
  '岡山県',
  '広島県',
  '山口県',
  '徳島県',
  '香川県',
  '愛媛県',
  '高知県',
  '福岡県',
  '佐賀県',
  '長崎県',
  '熊本県',
  '大分県',
  '宮崎県',
  '鹿児島県',
  '沖縄県',
] as const

// ── Fields ──────────────────────────────────────────────────────────────────────────────────

/** 電源等識別番号: area number 01–09 + kind letter + 7 digits, e.g. `03S0000123`. */
export const RESOURCE_CODE = /^0[1-9][SVAD]\d{7}$/
export const resourceCodeSchema = z
  .string()
  .trim()
  .min(1, { abort: true })
  .regex(RESOURCE_CODE, rule('E-RES-001'))
  .describe('電源等識別番号')

/** The resource code of the `n`th resource of an area and kind. */
export function formatResourceCode(area: Area, kind: ResourceKind, n: number): string {
  return `${areaNumber(area)}${resourceKindLetters[kind]}${String(n).padStart(7, '0')}`
}

/** The number series (`number_series.key`) resource codes of an area and kind are issued from. */
export function resourceCodeSeries(area: Area, kind: ResourceKind): string {
  return `resourceCode:${areaNumber(area)}${resourceKindLetters[kind]}`
}

const text = (max: number) => z.string().trim().min(1).max(max)
const kw = z.number().int().min(1).max(100_000_000)

const nameKana = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .refine((v) => /^[ァ-ヶー\u3000 ]+$/.test(v), rule('E-PART-003'))
/** Required first: an empty cell asks for a value (E-COMMON-007), not for its format. */
const required = z.string().trim().min(1, { abort: true })

const gridCode = required.regex(/^[A-Za-z0-9]{1,20}$/, rule('E-RES-003'))
const location = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .refine((v) => PREFECTURES.some((p) => v.startsWith(p) && v.length > p.length), rule('E-RES-004'))
const yearMonth = required.regex(/^(19|20)\d{2}-(0[1-9]|1[0-2])$/, rule('E-RES-005'))

/** The fields every kind has. */
export const resourceCommonShape = {
  name: text(50).describe('電源等の名称'),
  nameKana: nameKana.describe('電源等の名称(カナ)'),
  area: areaSchema.describe('エリア'),
  generationType: generationTypeSchema.describe('発電方式'),
  gridCode: gridCode.describe('系統コード'),
  location: location.describe('所在地'),
  commissionedOn: yearMonth.describe('運転開始年月'),
  supportScheme: supportSchemeSchema.describe('FIT・FIP区分'),
}

/** 構成電源: one member of a variableAggregate resource. */
export const resourceMemberSchema = z
  .object({
    name: text(50).describe('構成電源の名称'),
    generationType: generationTypeSchema
      .refine((t) => variableTypes.includes(t), rule('E-RES-002'))
      .describe('発電方式'),
    gridCode: gridCode.describe('系統コード'),
    installedKw: z
      .number()
      .int()
      .min(1)
      .max(MEMBER_KW_LIMIT - 1, rule('E-RES-006'))
      .describe('設備容量(kW)'),
  })
  .meta({ id: 'ResourceMember' })
export type ResourceMember = z.infer<typeof resourceMemberSchema>

/** 電源等リスト: one site of a dispatchOrder resource. */
export const resourceSiteSchema = z
  .object({
    name: text(50).describe('名称'),
    supplyPointId: required.regex(/^\d{22}$/, rule('E-RES-007')).describe('供給地点特定番号'),
    siteType: siteTypeSchema.describe('種別'),
    kw: kw.describe('容量(kW)'),
  })
  .meta({ id: 'ResourceSite' })
export type ResourceSite = z.infer<typeof resourceSiteSchema>

/** A member row of the members CSV file: keyed by the resource code. */
export const resourceMemberRowSchema = resourceMemberSchema
  .extend({ resourceCode: resourceCodeSchema })
  .meta({ id: 'ResourceMemberRow' })
/** A site row of the site list CSV file: keyed by the resource code. */
export const resourceSiteRowSchema = resourceSiteSchema
  .extend({ resourceCode: resourceCodeSchema })
  .meta({ id: 'ResourceSiteRow' })

/** Flat fields of each kind (no lists), as a CSV row of 810–813 carries them. */
export const resourceKindFieldShapes = {
  stable: {
    installedKw: kw.describe('設備容量(発電端)(kW)'),
    houseLoadPercent: z
      .number()
      .min(0)
      .max(100)
      .multipleOf(0.01, rule('E-RES-008'))
      .describe('所内率(%)'),
    hasAdjustment: z.boolean().describe('調整機能の有無'),
    storageHours: z
      .number()
      .min(0)
      .max(1000)
      .multipleOf(0.01, rule('E-RES-008'))
      .nullable()
      .optional()
      .describe('継続運転可能時間(h)'),
  },
  variableSingle: {
    installedKw: kw.describe('設備容量(kW)'),
  },
  variableAggregate: {},
  dispatchOrder: {
    offerableKw: kw.describe('提供可能容量(kW)'),
  },
} as const

/** The generation type must fit the kind; storage as stable needs ≥ 3 h (rules.md §2). */
function checkKindRules(
  value: {
    kind: ResourceKind
    generationType: GenerationType
    storageHours?: number | null
    sites?: readonly ResourceSite[]
  },
  ctx: z.RefinementCtx,
) {
  if (!generationTypesByKind[value.kind].includes(value.generationType)) {
    ctx.addIssue({ code: 'custom', path: ['generationType'], ...rule('E-RES-002') })
  }
  if (
    value.kind === 'stable' &&
    storageTypes.includes(value.generationType) &&
    !((value.storageHours ?? 0) >= MIN_STABLE_STORAGE_HOURS)
  ) {
    ctx.addIssue({
      code: 'custom',
      path: ['storageHours'],
      ...rule('E-RES-009', { hours: MIN_STABLE_STORAGE_HOURS }),
    })
  }
  if (value.sites) {
    const seen = new Set<string>()
    value.sites.forEach((site, i) => {
      if (seen.has(site.supplyPointId)) {
        ctx.addIssue({
          code: 'custom',
          path: ['sites', i, 'supplyPointId'],
          ...rule('E-RES-010'),
        })
      }
      seen.add(site.supplyPointId)
    })
  }
}

/** The flat row of a kind (common + kind fields), unrefined: for CSV rows to extend. */
export const resourceRowShapes = {
  stable: { ...resourceCommonShape, ...resourceKindFieldShapes.stable },
  variableSingle: { ...resourceCommonShape, ...resourceKindFieldShapes.variableSingle },
  variableAggregate: { ...resourceCommonShape },
  dispatchOrder: { ...resourceCommonShape, ...resourceKindFieldShapes.dispatchOrder },
}

/**
 * A flat CSV row of one kind with its rules: 810–813 (registration) without a code, 820–823
 * (change) with `{ withCode: true }` (the resource code first, required).
 */
export function resourceRowSchema<K extends ResourceKind>(
  kind: K,
  options: { withCode?: boolean } = {},
) {
  const shape = resourceRowShapes[kind] as (typeof resourceRowShapes)[K]
  const object = options.withCode
    ? z.object({ resourceCode: resourceCodeSchema, ...shape })
    : z.object(shape)
  return object.superRefine((v, ctx) =>
    checkKindRules({ ...(v as { generationType: GenerationType }), kind }, ctx),
  )
}

const membersSchema = z.array(resourceMemberSchema).min(1, rule('E-RES-011')).max(1000)
const sitesSchema = z.array(resourceSiteSchema).min(1, rule('E-RES-012')).max(10_000)

/** The values of a resource of each kind, as a registration or change proposes them. */
export const stableResourceInputSchema = z
  .object({ kind: z.literal('stable'), ...resourceRowShapes.stable })
  .superRefine(checkKindRules)
  .meta({ id: 'StableResourceValues' })
export const variableSingleResourceInputSchema = z
  .object({ kind: z.literal('variableSingle'), ...resourceRowShapes.variableSingle })
  .superRefine(checkKindRules)
  .meta({ id: 'VariableSingleResourceValues' })
export const variableAggregateResourceInputSchema = z
  .object({
    kind: z.literal('variableAggregate'),
    ...resourceRowShapes.variableAggregate,
    members: membersSchema.describe('構成電源'),
  })
  .superRefine(checkKindRules)
  .meta({ id: 'VariableAggregateResourceValues' })
export const dispatchOrderResourceInputSchema = z
  .object({
    kind: z.literal('dispatchOrder'),
    ...resourceRowShapes.dispatchOrder,
    sites: sitesSchema.describe('電源等リスト'),
  })
  .superRefine(checkKindRules)
  .meta({ id: 'DispatchOrderResourceValues' })

/** The input schema of each kind (the forms pick theirs). */
export const resourceInputSchemas = {
  stable: stableResourceInputSchema,
  variableSingle: variableSingleResourceInputSchema,
  variableAggregate: variableAggregateResourceInputSchema,
  dispatchOrder: dispatchOrderResourceInputSchema,
} as const

/** The proposed values of a registration or change application: one of the four kinds. */
export const resourceInputSchema = z
  .discriminatedUnion('kind', [
    stableResourceInputSchema,
    variableSingleResourceInputSchema,
    variableAggregateResourceInputSchema,
    dispatchOrderResourceInputSchema,
  ])
  .meta({ id: 'ResourceValues' })
export type ResourceInput = z.infer<typeof resourceInputSchema>
export type StableResourceInput = z.infer<typeof stableResourceInputSchema>
export type VariableSingleResourceInput = z.infer<typeof variableSingleResourceInputSchema>
export type VariableAggregateResourceInput = z.infer<typeof variableAggregateResourceInputSchema>
export type DispatchOrderResourceInput = z.infer<typeof dispatchOrderResourceInputSchema>

// ── Output ──────────────────────────────────────────────────────────────────────────────────

export const resourceSchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    participant: z.object({ id: z.uuid(), code: z.string(), name: z.string() }),
    kind: resourceKindSchema,
    name: z.string(),
    nameKana: z.string(),
    area: areaSchema,
    generationType: generationTypeSchema,
    gridCode: z.string(),
    location: z.string(),
    commissionedOn: z.string(),
    supportScheme: supportSchemeSchema,
    installedKw: z.number().int().nullable(),
    houseLoadPercent: z.number().nullable(),
    hasAdjustment: z.boolean().nullable(),
    storageHours: z.number().nullable(),
    offerableKw: z.number().int().nullable(),
    members: z.array(resourceMemberSchema),
    sites: z.array(resourceSiteSchema),
    status: resourceStatusSchema,
    cancelledAt: timestampSchema.nullable(),
    version: z.number().int(),
    createdAt: timestampSchema,
    updatedAt: timestampSchema,
  })
  .meta({ id: 'Resource' })
export type Resource = z.infer<typeof resourceSchema>

/** One resource with its history: the applications filed on it with their events, its documents. */
export const resourceDetailSchema = resourceSchema
  .extend({
    applications: z.array(
      applicationSummarySchema.extend({ events: z.array(applicationEventSchema) }),
    ),
    documents: z.array(documentSummarySchema),
  })
  .meta({ id: 'ResourceDetail' })
export type ResourceDetail = z.infer<typeof resourceDetailSchema>

/** Filing a registration: the values, kept as a draft or submitted at once. */
export const resourceRegistrationRequestSchema = applicationRequestSchema(resourceInputSchema).meta(
  { id: 'ResourceRegistrationRequest' },
)

/** Filing a change: the values and the resource's version they are based on. */
export const resourceChangeRequestSchema = applicationRequestSchema(
  resourceInputSchema,
  "The resource's version the change is based on",
).meta({ id: 'ResourceChangeRequest' })

/** The columns the resource list (050) sorts by: every column it shows. */
export const resourceSortFields = [
  'code',
  'name',
  'kind',
  'area',
  'generationType',
  'participantCode',
  'status',
  'updatedAt',
] as const
export type ResourceSortField = (typeof resourceSortFields)[number]

export const resourceListQuerySchema = listQuerySchema.extend({
  q: z
    .string()
    .trim()
    .max(100)
    .optional()
    .describe('Part of the code, the name or its kana (taken literally)'),
  kind: resourceKindSchema.optional(),
  area: areaSchema.optional(),
  status: resourceStatusSchema.optional(),
  participantCode: z.string().max(10).optional(),
})
export type ResourceListQuery = z.infer<typeof resourceListQuerySchema>

// ── Bulk files (810–813, 820–823, 822M, 823S) ──────────────────────────────────────────────

/** A number cell of a file: the text of a number becomes the number the field's schema checks (also the bid files 850–870). */
export function numberCell<T extends z.ZodType>(schema: T) {
  return z.preprocess(
    (v) => (typeof v === 'string' && /^[+-]?(\d+\.?\d*|\.\d+)$/.test(v) ? Number(v) : v),
    schema,
  )
}
/** A yes/no cell of a file: 有 / 無 (also 1 / 0, true / false). */
function booleanCell<T extends z.ZodType>(schema: T) {
  return z.preprocess((v) => {
    if (typeof v !== 'string') return v
    if (['有', '1', 'true', 'TRUE'].includes(v)) return true
    if (['無', '0', 'false', 'FALSE'].includes(v)) return false
    return v
  }, schema)
}

const numberKeys = new Set([
  'entryNo',
  'installedKw',
  'houseLoadPercent',
  'storageHours',
  'offerableKw',
  'kw',
  'memberInstalledKw',
  'siteKw',
])
const booleanKeys = new Set(['hasAdjustment'])

/** The fields of a shape as file cells (text in, the field's own schema checks the value). */
function fileShape<S extends z.ZodRawShape>(shape: S): S {
  const out: Record<string, z.ZodType> = {}
  for (const [key, field] of Object.entries(shape)) {
    out[key] = numberKeys.has(key)
      ? numberCell(field as z.ZodType)
      : booleanKeys.has(key)
        ? booleanCell(field as z.ZodType)
        : field instanceof z.ZodEnum
          ? // A plain copy first: the item list (500) shows the values of an enumeration
            // without a schema ID; the field itself (with its refinements) checks after it.
            z
              .enum(field.options as [string, ...string[]])
              .describe(field.description ?? '')
              .pipe(field as z.ZodType<unknown, string>)
          : (field as z.ZodType)
  }
  return out as unknown as S
}

/** 整理番号: the rows of one new aggregate / dispatch-order resource in 812 / 813 share it. */
const entryNoSchema = z.number().int().min(1).max(100_000).describe('整理番号')

/** A member's fields on a row of 812 (prefixed: the resource's own fields share the names). */
const memberCellsShape = {
  memberName: resourceMemberSchema.shape.name,
  memberGenerationType: resourceMemberSchema.shape.generationType,
  memberGridCode: resourceMemberSchema.shape.gridCode,
  memberInstalledKw: resourceMemberSchema.shape.installedKw,
}
/** A site's fields on a row of 813. */
const siteCellsShape = {
  siteName: resourceSiteSchema.shape.name,
  supplyPointId: resourceSiteSchema.shape.supplyPointId,
  siteType: resourceSiteSchema.shape.siteType,
  siteKw: resourceSiteSchema.shape.kw,
}

const refineKind = (kind: ResourceKind) => (v: object, ctx: z.RefinementCtx) =>
  checkKindRules({ ...(v as { generationType: GenerationType }), kind }, ctx)

/**
 * The row schemas of the resource bulk files, cells as text. Registration (810–813): one row per
 * resource; an aggregate (812) or dispatch-order resource (813) takes one row per member / site,
 * the rows of one resource sharing its 整理番号 and its resource fields. Change (820–823): the
 * resource code first; 822 / 823 keep the members / sites, which 822M / 823S replace.
 */
export const resourceFileRowSchemas = {
  '810': z.object(fileShape(resourceRowShapes.stable)).superRefine(refineKind('stable')),
  '811': z
    .object(fileShape(resourceRowShapes.variableSingle))
    .superRefine(refineKind('variableSingle')),
  '812': z
    .object(
      fileShape({
        entryNo: entryNoSchema,
        ...resourceRowShapes.variableAggregate,
        ...memberCellsShape,
      }),
    )
    .superRefine(refineKind('variableAggregate')),
  '813': z
    .object(
      fileShape({ entryNo: entryNoSchema, ...resourceRowShapes.dispatchOrder, ...siteCellsShape }),
    )
    .superRefine(refineKind('dispatchOrder')),
  '820': z
    .object(fileShape({ resourceCode: resourceCodeSchema, ...resourceRowShapes.stable }))
    .superRefine(refineKind('stable')),
  '821': z
    .object(fileShape({ resourceCode: resourceCodeSchema, ...resourceRowShapes.variableSingle }))
    .superRefine(refineKind('variableSingle')),
  '822': z
    .object(fileShape({ resourceCode: resourceCodeSchema, ...resourceRowShapes.variableAggregate }))
    .superRefine(refineKind('variableAggregate')),
  '823': z
    .object(fileShape({ resourceCode: resourceCodeSchema, ...resourceRowShapes.dispatchOrder }))
    .superRefine(refineKind('dispatchOrder')),
  '822M': z.object(fileShape({ resourceCode: resourceCodeSchema, ...resourceMemberSchema.shape })),
  '823S': z.object(fileShape({ resourceCode: resourceCodeSchema, ...resourceSiteSchema.shape })),
} as const
