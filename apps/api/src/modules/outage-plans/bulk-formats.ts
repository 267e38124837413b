import {
  deliveryYearOfPlan,
  fiscalYearOf,
  outagePlanFileRowSchemas,
  type ApplicationKind,
  type BulkFormatCode,
  type MessageId,
  type OutagePlanFileRow,
} from '@yoryo/contracts'
import { AppError } from '../../lib/errors.ts'
import {
  checkApplication,
  createApplications,
  type ApplicationFiling,
  type EntityHandlers,
} from '../applications/public.ts'
import { defineBulkFormat, type BulkColumn, type BulkRowError } from '../bulk-imports/public.ts'

/**
 * The outage plan files (880 register, 890 change by 計画ID, 891 either by 処理区分). Each row
 * files what the 180 screen files — a submitted application for the operator's review — checked
 * by the same handler (`checkApplication`: schema, contract, kW, overlap, window); the delivery
 * year of a registered plan is the fiscal year of its start. All or nothing.
 */

/**
 * The sample's delivery year: the published demo auction's (FY+3), whose submission window the
 * demo opens; the samples import once P00001's 03S0000001 has a contract of that year (and, for
 * 890, its plan OP<year>-000001).
 */
const sampleYear = () => fiscalYearOf(new Date()) + 3

function columns(code: '880' | '890' | '891') {
  const y = sampleYear()
  const plan = {
    resourceCode: {
      header: '電源等識別番号',
      en: 'Resource code',
      example: '03S0000001',
      type: 'code',
      rule: {
        ja: '自社の電源等で、停止の年度に容量確保契約（解約済みを除く）があること',
        en: 'A resource of the participant with a contract (not terminated) in the outage’s year',
      },
    },
    startAt: {
      header: '停止開始日時',
      en: 'Outage start',
      example: code === '880' ? `${y}/05/01 09:00` : `${y}/05/02 09:00`,
      type: 'dateTime',
      rule: {
        ja: '日本時間「YYYY/MM/DD HH:MM」、00分または30分。この日時の年度が対象実需給年度',
        en: 'JST YYYY/MM/DD HH:MM at :00 or :30; its fiscal year is the delivery year',
      },
    },
    endAt: {
      header: '停止終了日時',
      en: 'Outage end',
      example: `${y}/05/03 18:00`,
      type: 'dateTime',
      rule: {
        ja: '00分または30分、開始より後、同じ年度内（3月31日24:00まで。24:00と書けます）',
        en: 'At :00 or :30, after the start, in the same delivery year (up to March 31 24:00)',
      },
    },
    reducedKw: {
      header: '停止容量(kW)',
      en: 'Reduced capacity (kW)',
      example: '1000',
      type: 'integer',
      rule: {
        ja: '1以上、契約容量以下（停止期間が重なる計画との合計も契約容量以下）',
        en: 'From 1 to the contract kW (with overlapping plans, too)',
      },
    },
    reason: {
      header: '停止理由',
      en: 'Reason',
      example: 'inspection',
      type: 'code',
      rule: {
        ja: 'inspection（点検）・repair（補修）・construction（工事）・other（その他）。日本語でも書けます',
        en: 'inspection, repair, construction or other (also 点検 / 補修 / 工事 / その他)',
      },
    },
    note: {
      header: '備考',
      en: 'Note',
      example: '定期点検',
      rule: { ja: '500文字まで', en: 'Up to 500 characters' },
    },
  } satisfies Record<string, BulkColumn>
  const planNo = {
    header: '計画ID',
    en: 'Plan ID',
    example: `OP${y}-000001`,
    type: 'code',
    rule: {
      ja: '変更する自社の容量停止計画（1ファイルに1回）',
      en: 'A plan of the participant to change (once per file)',
    },
  } satisfies BulkColumn
  if (code === '880') return plan
  if (code === '890') return { planNo, ...plan }
  return {
    action: {
      header: '処理区分',
      en: 'Action',
      example: 'register',
      type: 'code',
      rule: {
        ja: 'register（登録）または change（変更）。登録・変更とも書けます',
        en: 'register or change (also 登録 / 変更)',
      },
    },
    planNo: {
      ...planNo,
      example: '',
      rule: {
        ja: '変更の行は必須、登録の行は空欄',
        en: 'Required on a change row, empty on a register row',
      },
    },
    ...plan,
  } satisfies Record<string, BulkColumn>
}

interface Filing {
  kind: ApplicationKind
  entityId: string | null
  proposed: unknown
}
interface State {
  plans: Map<string, number>
  filings: Map<number, Filing>
}

/** The file column of a field of the proposed values. */
function columnOf(path: readonly (string | number)[]): string {
  const [first] = path
  if (first === 'resourceId') return 'resourceCode'
  if (first === 'deliveryYear') return 'startAt'
  return typeof first === 'string' ? first : ''
}
const COLUMN_OF_MESSAGE: Partial<Record<MessageId, string>> = {
  'E-OUT-007': 'planNo',
  'E-APP-004': '',
}

function problemsOf(line: number, error: AppError): BulkRowError[] {
  if (error.errors?.length) {
    return error.errors.map((e) => ({
      line,
      key: columnOf(e.path),
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

type Row = Omit<OutagePlanFileRow, 'action' | 'planNo'> & {
  action?: 'register' | 'change'
  planNo?: string | undefined
}

function outagePlanFormat(
  handlers: EntityHandlers,
  code: '880' | '890' | '891',
  names: { ja: string; en: string },
) {
  const fixed = code === '880' ? 'register' : code === '890' ? 'change' : null
  return defineBulkFormat({
    code,
    functionKey: 'outagePlans',
    ...names,
    rowSchema: outagePlanFileRowSchemas[code],
    columns: columns(code) as never,
    maxRows: 10_000,
    prepare: async (): Promise<State> => ({ plans: new Map(), filings: new Map() }),
    check: async (rows, ctx, state) => {
      const typed = rows as unknown as { line: number; row: Row }[]
      const resources = new Map(
        (
          await ctx.db.resource.findMany({
            where: {
              participantId: ctx.participantId,
              code: { in: [...new Set(typed.map((r) => r.row.resourceCode))] },
            },
            select: { id: true, code: true },
          })
        ).map((r) => [r.code, r]),
      )
      const planNos = [...new Set(typed.map((r) => r.row.planNo).filter((p): p is string => !!p))]
      const plans = new Map(
        (
          await ctx.db.outagePlan.findMany({
            where: { participantId: ctx.participantId, planNo: { in: planNos } },
            select: {
              id: true,
              planNo: true,
              deliveryYear: true,
              resource: { select: { code: true } },
            },
          })
        ).map((p) => [p.planNo, p]),
      )
      const errors: BulkRowError[] = []
      for (const { line, row } of typed) {
        const action = fixed ?? row.action ?? 'register'
        if (fixed === null && (action === 'change') !== !!row.planNo) {
          errors.push({ line, key: 'planNo', messageId: 'E-OUT-013' })
          continue
        }
        const resource = resources.get(row.resourceCode)
        if (!resource) {
          errors.push({
            line,
            key: 'resourceCode',
            messageId: 'E-OUT-015',
            params: { resourceCode: row.resourceCode },
          })
          continue
        }
        const values = {
          startAt: row.startAt,
          endAt: row.endAt,
          reducedKw: row.reducedKw,
          reason: row.reason,
          note: row.note,
        }
        let filing: Filing
        if (action === 'register') {
          filing = {
            kind: 'register',
            entityId: null,
            proposed: {
              resourceId: resource.id,
              deliveryYear: deliveryYearOfPlan(row.startAt),
              ...values,
            },
          }
        } else {
          const planNo = row.planNo as string
          const plan = plans.get(planNo)
          if (!plan) {
            errors.push({ line, key: 'planNo', messageId: 'E-OUT-011', params: { planNo } })
            continue
          }
          const first = state.plans.get(planNo)
          if (first !== undefined) {
            errors.push({
              line,
              key: 'planNo',
              messageId: 'E-OUT-014',
              params: { planNo, line: first },
            })
            continue
          }
          state.plans.set(planNo, line)
          if (plan.resource.code !== row.resourceCode) {
            errors.push({
              line,
              key: 'resourceCode',
              messageId: 'E-OUT-012',
              params: {
                resourceCode: row.resourceCode,
                planNo,
                planResourceCode: plan.resource.code,
              },
            })
            continue
          }
          filing = {
            kind: 'change',
            entityId: plan.id,
            proposed: { deliveryYear: plan.deliveryYear, ...values },
          }
        }
        try {
          await checkApplication(ctx.db, handlers, {
            kind: filing.kind,
            entityType: 'outagePlan',
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
      const filings: ApplicationFiling[] = rows.map(({ line }) => ({
        ...(state.filings.get(line) as Filing),
        entityType: 'outagePlan',
        participantId: ctx.participantId,
        submit: true,
        lang: 'ja',
      }))
      await createApplications(tx, handlers, ctx.actor, filings)
      return rows.length
    },
  })
}

/** The three outage plan formats, to register on `app.bulkFormats`. */
export function outagePlanBulkFormats(handlers: EntityHandlers) {
  return [
    outagePlanFormat(handlers, '880', {
      ja: '容量停止計画一括登録',
      en: 'Outage plan registration file',
    }),
    outagePlanFormat(handlers, '890', {
      ja: '容量停止計画一括変更',
      en: 'Outage plan change file',
    }),
    outagePlanFormat(handlers, '891', {
      ja: '容量停止計画一括登録・変更',
      en: 'Outage plan registration or change file',
    }),
  ] satisfies { code: BulkFormatCode }[]
}
