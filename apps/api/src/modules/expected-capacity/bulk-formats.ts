import type { z } from 'zod'
import {
  deliveredKwOfRow,
  effectivenessTestRowSchema,
  expectedCapacityAfterAuctionRowSchema,
  expectedCapacityChangeRowSchema,
  expectedCapacityRegisterRowSchema,
  fiscalYearOf,
  overridesOfRow,
  type ApplicationKind,
  type BulkFormatCode,
  type ExpectedCapacityRegisterRow,
  type MessageId,
} from '@yoryo/contracts'
import { AppError } from '../../lib/errors.ts'
import { checkApplication, createApplication, type EntityHandlers } from '../applications/public.ts'
import {
  defineBulkFormat,
  type BulkColumn,
  type BulkContext,
  type BulkRowError,
} from '../bulk-imports/public.ts'
import { recordEffectivenessTest } from './effectiveness-tests.ts'

/**
 * The expected capacity files (830 register, 840 change, 841 changed after the auction) and the
 * effectiveness test results (824). Each row files what the 070 / 824 screens file: a submitted
 * application for the operator's review, checked by the same handler (schema, checks, window:
 * 841 is accepted outside it), or a recorded effectiveness test; one audit entry per record.
 */

const none = { ja: '', en: '' }

/**
 * The sample's delivery year: 830 registers for FY+2 (no demo auction of its own, so the demo window
 * for any year applies); 840 / 841 change the demo expected capacities (FY+4).
 */
const sampleYear = (offset: number) => String(fiscalYearOf(new Date()) + offset)

function expectedCapacityColumns(resourceCode: string, note: string, yearOffset: number) {
  return {
    resourceCode: {
      header: '電源等識別番号',
      en: 'Resource code',
      example: resourceCode,
      type: 'code',
      rule: { ja: '自社の廃止されていない電源等', en: 'An active resource of the participant' },
    },
    deliveryYear: {
      header: '対象実需給年度',
      en: 'Delivery year',
      example: sampleYear(yearOffset),
      type: 'integer',
      rule: {
        ja: '電源等と年度の組はファイル内で重複しないこと',
        en: 'A resource and year once per file',
      },
    },
    installedKw: {
      header: '設備容量(kW)',
      en: 'Installed capacity (kW)',
      example: '',
      type: 'integer',
      rule: {
        ja: '空欄は電源等情報の値。入力すると上書き（根拠資料が必要）',
        en: 'Empty: the resource’s value; a value overrides it (needs evidence)',
      },
    },
    houseLoadPercent: {
      header: '所内率(%)',
      en: 'House load (%)',
      example: '',
      type: 'decimal',
      rule: {
        ja: '小数2桁まで。空欄は電源等情報の値（上書きには根拠資料が必要）',
        en: 'Up to 2 decimals; empty: the resource’s value (overriding needs evidence)',
      },
    },
    storageHours: {
      header: '継続運転可能時間(h)',
      en: 'Continuous operation (h)',
      example: '',
      type: 'decimal',
      rule: {
        ja: '空欄は電源等情報の値（上書きには根拠資料が必要）',
        en: 'Empty: the resource’s value (overriding needs evidence)',
      },
    },
    offerableKw: {
      header: '提供可能容量(kW)',
      en: 'Offerable capacity (kW)',
      example: '',
      type: 'integer',
      rule: {
        ja: '発動指令電源。空欄は電源等情報の値（上書きには根拠資料が必要）',
        en: 'Dispatch order; empty: the resource’s value (overriding needs evidence)',
      },
    },
    evidenceAttachmentIds: {
      header: '根拠資料ID',
      en: 'Evidence attachment IDs',
      example: '',
      rule: {
        ja: '期待容量の画面で添付した自社の根拠資料のID（空白区切り、10件まで）',
        en: 'IDs of the participant’s evidence attached on the 070 screen (space-separated, up to 10)',
      },
    },
    note: { header: '備考', en: 'Note', example: note, rule: none },
  } satisfies Record<keyof ExpectedCapacityRegisterRow, BulkColumn>
}

interface FoundResource {
  id: string
  code: string
  kind: string
  status: string
  participantId: string
}

/** The participant's resources with these codes (any kind, any status). */
async function resourcesByCode(
  ctx: BulkContext,
  codes: string[],
): Promise<Map<string, FoundResource>> {
  const rows = await ctx.db.resource.findMany({
    where: { participantId: ctx.participantId, code: { in: [...new Set(codes)] } },
    select: { id: true, code: true, kind: true, status: true, participantId: true },
  })
  return new Map(rows.map((r) => [r.code, r]))
}

/** The file column of a field of the proposed values (a resource ID is given by its code). */
function columnOf(path: readonly (string | number)[]): string {
  const [first, second] = path
  if (first === 'resourceId') return 'resourceCode'
  if (first === 'overrides' && typeof second === 'string') return second
  if (first === 'deliveryYear' || first === 'evidenceAttachmentIds' || first === 'note') {
    return first
  }
  return ''
}
/** The column a refusal of the whole application concerns. */
const COLUMN_OF_MESSAGE: Partial<Record<MessageId, string>> = {
  'E-EC-012': 'deliveryYear',
  'E-EC-013': 'evidenceAttachmentIds',
  'E-EC-014': 'evidenceAttachmentIds',
  'E-EC-015': 'resourceCode',
  'E-EC-016': 'resourceCode',
  'E-EC-017': 'resourceCode',
}

/** The row problems of an AppError the application's checks threw. */
function problemsOf(line: number, error: AppError): BulkRowError[] {
  if (error.errors?.length) {
    return error.errors.map((e) => ({
      line,
      key: COLUMN_OF_MESSAGE[e.messageId as MessageId] ?? columnOf(e.path),
      messageId: e.messageId as MessageId,
      ...(e.params ? { params: e.params } : {}),
    }))
  }
  return [
    {
      line,
      key: COLUMN_OF_MESSAGE[error.messageId] ?? '',
      messageId: error.messageId,
      params: error.params,
    },
  ]
}

type EcRow = z.output<typeof expectedCapacityRegisterRowSchema>
interface Filing {
  kind: ApplicationKind
  entityId: string | null
  proposed: unknown
}

/**
 * 830 / 840 / 841: one row per resource and delivery year; each row is checked exactly as the
 * 070 screen's application (`checkApplication`), then filed (`createApplication`).
 */
function expectedCapacityFormat(
  handlers: EntityHandlers,
  code: '830' | '840' | '841',
  rowSchema: typeof expectedCapacityRegisterRowSchema,
  sample: { resourceCode: string; note: string; yearOffset: number },
  names: { ja: string; en: string },
) {
  const afterAuction = code === '841'
  return defineBulkFormat({
    code,
    functionKey: 'expectedCapacities',
    ...names,
    rowSchema,
    columns: expectedCapacityColumns(sample.resourceCode, sample.note, sample.yearOffset),
    maxRows: 10_000,
    prepare: async () => ({
      seen: new Map<string, number>(),
      filings: new Map<number, Filing>(),
    }),
    check: async (rows, ctx, state) => {
      const found = await resourcesByCode(
        ctx,
        rows.map((r) => r.row.resourceCode),
      )
      const errors: BulkRowError[] = []
      for (const { line, row } of rows) {
        const resource = found.get(row.resourceCode)
        if (!resource) {
          errors.push({ line, key: 'resourceCode', messageId: 'E-EC-020' })
          continue
        }
        const key = `${resource.id}/${row.deliveryYear}`
        const first = state.seen.get(key)
        if (first !== undefined) {
          errors.push({ line, key: '', messageId: 'E-EC-022', params: { line: first } })
          continue
        }
        state.seen.set(key, line)
        const filing = await filingOf(ctx, resource, row)
        if ('problem' in filing) {
          errors.push({ line, ...filing.problem })
          continue
        }
        try {
          await checkApplication(ctx.db, handlers, {
            kind: filing.kind,
            entityType: 'expectedCapacity',
            entityId: filing.entityId,
            proposed: filing.proposed,
            submit: true,
            lang: 'ja',
          })
          state.filings.set(line, filing)
        } catch (error) {
          if (!(error instanceof AppError)) throw error
          errors.push(...problemsOf(line, error))
        }
      }
      return errors
    },
    apply: async (tx, rows, ctx, state) => {
      for (const { line } of rows) {
        const filing = state.filings.get(line) as Filing
        await createApplication(tx, handlers, ctx.actor, {
          ...filing,
          entityType: 'expectedCapacity',
          participantId: ctx.participantId,
          submit: true,
          lang: 'ja',
        })
      }
      return rows.length
    },
  })

  /** What a row files: a registration (830), or a change of the registered record (840 / 841). */
  async function filingOf(
    ctx: BulkContext,
    resource: FoundResource,
    row: EcRow,
  ): Promise<Filing | { problem: Omit<BulkRowError, 'line'> }> {
    const values = {
      overrides: overridesOfRow(row),
      evidenceAttachmentIds: row.evidenceAttachmentIds,
      note: row.note,
    }
    if (code === '830') {
      return {
        kind: 'register',
        entityId: null,
        proposed: { resourceId: resource.id, deliveryYear: row.deliveryYear, ...values },
      }
    }
    const record = await ctx.db.expectedCapacity.findUnique({
      where: {
        resourceId_deliveryYear: { resourceId: resource.id, deliveryYear: row.deliveryYear },
      },
      select: { id: true },
    })
    if (!record) {
      return {
        problem: {
          key: 'deliveryYear',
          messageId: 'E-EC-021',
          params: { deliveryYear: row.deliveryYear },
        },
      }
    }
    return { kind: 'change', entityId: record.id, proposed: { afterAuction, ...values } }
  }
}

/** 824: one effectiveness test per row, recorded as on the 824 screen. */
function effectivenessTestFormat() {
  return defineBulkFormat({
    code: '824',
    functionKey: 'effectivenessTests',
    ja: '実効性テスト結果一括登録（発動指令電源）',
    en: 'Effectiveness test results file (dispatch order)',
    rowSchema: effectivenessTestRowSchema,
    columns: {
      resourceCode: {
        header: '電源等識別番号',
        en: 'Resource code',
        example: '03D0000001',
        type: 'code',
        rule: {
          ja: '自社の廃止されていない発動指令電源',
          en: 'An active dispatch-order resource of the participant',
        },
      },
      testDate: {
        header: '実施日',
        en: 'Test date',
        example: '2025-07-15',
        type: 'date',
        rule: { ja: 'YYYY-MM-DD', en: 'YYYY-MM-DD' },
      },
      instructedKw: {
        header: '指令容量(kW)',
        en: 'Instructed capacity (kW)',
        example: '2000',
        type: 'integer',
        rule: none,
      },
      ...Object.fromEntries(
        ['1980', '2010', '1995', '2000', '1990', '2005'].map((example, i) => [
          `deliveredKw${i + 1}`,
          {
            header: `実績(kW)${i + 1}コマ目`,
            en: `Delivered (kW), slot ${i + 1}`,
            example,
            type: 'integer',
            rule: { ja: '30分コマごとの実績', en: 'Delivered in the 30-minute slot' },
          } satisfies BulkColumn,
        ]),
      ),
    } as Record<keyof z.output<typeof effectivenessTestRowSchema>, BulkColumn>,
    maxRows: 10_000,
    prepare: async (ctx) => {
      const user = ctx.actor.userId
        ? await ctx.db.user.findUnique({
            where: { id: ctx.actor.userId },
            select: { id: true, name: true },
          })
        : null
      return {
        by: user ?? { id: '', name: ctx.actor.label },
        found: new Map<string, FoundResource>(),
      }
    },
    check: async (rows, ctx, state) => {
      const found = await resourcesByCode(
        ctx,
        rows.map((r) => r.row.resourceCode),
      )
      const errors: BulkRowError[] = []
      for (const { line, row } of rows) {
        const resource = found.get(row.resourceCode)
        if (!resource) errors.push({ line, key: 'resourceCode', messageId: 'E-EC-020' })
        else if (resource.kind !== 'dispatchOrder' || resource.status !== 'active') {
          errors.push({ line, key: 'resourceCode', messageId: 'E-EC-016' })
        } else state.found.set(resource.code, resource)
      }
      return errors
    },
    apply: async (tx, rows, ctx, state) => {
      for (const { row } of rows) {
        await recordEffectivenessTest(
          tx,
          ctx.actor,
          state.by,
          state.found.get(row.resourceCode) as FoundResource,
          {
            testDate: row.testDate,
            instructedKw: row.instructedKw,
            deliveredKw: deliveredKwOfRow(row),
          },
        )
      }
      return rows.length
    },
  })
}

/** Every format of expected capacity and effectiveness tests, to register on `app.bulkFormats`. */
export function expectedCapacityBulkFormats(handlers: EntityHandlers) {
  const formats = [
    expectedCapacityFormat(
      handlers,
      '830',
      expectedCapacityRegisterRowSchema,
      { resourceCode: '03D0000001', note: '一括登録', yearOffset: 2 },
      { ja: '期待容量情報一括登録', en: 'Expected capacity registration file' },
    ),
    expectedCapacityFormat(
      handlers,
      '840',
      expectedCapacityChangeRowSchema,
      { resourceCode: '03S0000001', note: '一括変更', yearOffset: 4 },
      { ja: '期待容量情報一括変更', en: 'Expected capacity change file' },
    ),
    expectedCapacityFormat(
      handlers,
      '841',
      expectedCapacityAfterAuctionRowSchema,
      { resourceCode: '03V0000001', note: 'オークション後の変更', yearOffset: 4 },
      {
        ja: '変更後期待容量一括変更（オークション後）',
        en: 'Changed expected capacity file (after the auction)',
      },
    ),
    effectivenessTestFormat(),
  ]
  return formats satisfies { code: BulkFormatCode }[]
}
