import { z } from 'zod'
import {
  formatFiscalYear,
  penaltyCalculationSchema,
  penaltyFactorTypeLabels,
  penaltyFactorTypeSchema,
  type PenaltyCalculationLine,
} from '@yoryo/contracts'
import { defineDocument, ISSUER, SAMPLE_PARTICIPANT } from '../../lib/documents.ts'
import { fieldTable } from '../../lib/pdf.ts'

export const penaltyNoticeEvents = ['register', 'change', 'refund'] as const
export type PenaltyNoticeEvent = (typeof penaltyNoticeEvents)[number]

/** What the penalty amount notice prints, frozen when issued. */
export const penaltyNoticeSnapshotSchema = z.object({
  event: z.enum(penaltyNoticeEvents),
  issuer: z.string(),
  participant: z.object({ code: z.string(), name: z.string() }),
  factorNo: z.string(),
  factorType: penaltyFactorTypeSchema,
  contractNo: z.string(),
  resource: z.object({ code: z.string(), name: z.string() }),
  deliveryYear: z.number().int(),
  kw: z.number().int(),
  occurredOn: z.string(),
  basis: z.string(),
  calculation: penaltyCalculationSchema,
})
export type PenaltyNoticeSnapshot = z.infer<typeof penaltyNoticeSnapshotSchema>

const yen = (text: string) => `${Number(text).toLocaleString('ja-JP')} 円`
const kw = (text: string) => `${Number(text).toLocaleString('ja-JP')} kW`
const percent = (text: string) => `${(Number(text) * 100).toLocaleString('ja-JP')} %`

/** One calculation line as printed (Japanese label, value with its unit). */
export function noticeLine(line: PenaltyCalculationLine, afterDeadline: boolean): [string, string] {
  switch (line.item) {
    case 'areaPrice':
      return ['エリアプライス', `${Number(line.value).toLocaleString('ja-JP')} 円/kW/年`]
    case 'contractKw':
      return ['契約容量', kw(line.value)]
    case 'exitedKw':
      return ['退出容量', kw(line.value)]
    case 'deadline':
      return [
        '追加オークション開催判断期限',
        `${line.value.replaceAll('-', '/')}（発生日は期限${afterDeadline ? '後' : '前'}）`,
      ]
    case 'rate':
      return ['退出率', percent(line.value)]
    case 'givenAmount':
      return ['算定額（個別算定）', yen(line.value)]
    case 'grossAmount':
      return ['算定額', yen(line.value)]
    case 'refund':
      return ['返還額（追加オークション不開催）', `△ ${yen(line.value)}`]
    case 'netAmount':
      return ['ご請求額', yen(line.value)]
  }
}

const LEAD: Record<PenaltyNoticeEvent, string> = {
  register: '下記のペナルティ要素について、ペナルティ算定額を通知します。',
  change: '下記のペナルティ要素の変更に伴い、ペナルティ算定額を改めて通知します。',
  refund:
    '対象実需給年度の追加オークションが開催されないため、下記のペナルティ算定額を全額返還します。',
}

/**
 * 算定額通知書 (800, function 190): per participant and penalty event (registration, change,
 * refund), the factor and its calculation line by line.
 */
export const penaltyAmountNotice = defineDocument({
  kind: 'penaltyAmountNotice',
  prefix: 'PN',
  functionGroup: '190',
  schema: penaltyNoticeSnapshotSchema,
  title: (s) => (s.event === 'refund' ? 'ペナルティ算定額返還通知書' : 'ペナルティ算定額通知書'),
  body(doc, s) {
    doc.font('jp-bold').fontSize(12).text(`${s.participant.name} 御中`)
    doc.font('jp').fontSize(9).text(`事業者コード ${s.participant.code}`)
    doc.moveDown(0.5)
    doc.fontSize(10).text(s.issuer, { align: 'right' })
    doc.moveDown(1)
    doc.text(LEAD[s.event])
    doc.moveDown(0.5)
    doc.text('記', { align: 'center' })
    doc.moveDown(0.5)
    fieldTable(doc, 'ペナルティ要素', [
      ['要素番号', s.factorNo],
      ['要素区分', penaltyFactorTypeLabels[s.factorType].ja],
      ['契約番号', s.contractNo],
      ['電源等', `${s.resource.code} ${s.resource.name}`],
      ['対象実需給年度', formatFiscalYear(s.deliveryYear)],
      ['対象容量', kw(String(s.kw))],
      ['発生日', s.occurredOn.replaceAll('-', '/')],
      ['根拠', s.basis],
    ])
    fieldTable(
      doc,
      '算定内容',
      s.calculation.lines.map((line) => noticeLine(line, s.calculation.afterDeadline)),
    )
    if (s.calculation.rate !== null) {
      doc.text(`算定式: エリアプライス × 退出容量 × 退出率（円未満切捨て）`, { align: 'left' })
      doc.moveDown(0.5)
    }
    doc.text('以上', { align: 'right' })
  },
  sample: {
    event: 'register',
    issuer: ISSUER,
    participant: SAMPLE_PARTICIPANT,
    factorNo: 'PF2026-000000',
    factorType: 'marketExit',
    contractNo: 'CT2026-000000',
    resource: { code: '03S0000000', name: '見本火力発電所1号機' },
    deliveryYear: 2026,
    kw: 10_000,
    occurredOn: '2026-06-01',
    basis: '見本（市場退出）',
    calculation: {
      exitedKw: 10_000,
      afterDeadline: false,
      rate: '0.05',
      grossAmount: 4_500_000,
      refundAmount: 0,
      netAmount: 4_500_000,
      lines: [
        { item: 'areaPrice', value: '9000' },
        { item: 'contractKw', value: '10000' },
        { item: 'exitedKw', value: '10000' },
        { item: 'deadline', value: '2026-09-30' },
        { item: 'rate', value: '0.05' },
        { item: 'grossAmount', value: '4500000' },
        { item: 'netAmount', value: '4500000' },
      ],
      parameters: {
        deliveryYear: 2026,
        rateBeforeDeadline: 0.05,
        rateAfterDeadline: 0.1,
        decisionDeadline: '2026-09-30',
        version: 1,
      },
    },
  },
})
