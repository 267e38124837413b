import { z } from 'zod'
import {
  areaLabels,
  auctionTypeLabels,
  auctionTypeSchema,
  areaSchema,
  formatFiscalYear,
  resourceKindLabels,
  resourceKindSchema,
} from '@yoryo/contracts'
import { defineDocument, ISSUER, SAMPLE_PARTICIPANT } from '../../lib/documents.ts'
import { fieldTable, listTable } from '../../lib/pdf.ts'

/** What the qualification notice prints, frozen when the operator issues the notices. */
export const qualificationNoticeSnapshotSchema = z.object({
  participant: z.object({ code: z.string(), name: z.string() }),
  issuer: z.string(),
  auction: z.object({ code: z.string(), type: auctionTypeSchema, deliveryYear: z.number().int() }),
  rows: z.array(
    z.object({
      resourceCode: z.string(),
      resourceName: z.string(),
      kind: resourceKindSchema,
      area: areaSchema,
      expectedKw: z.number().int(),
      qualified: z.boolean(),
      /** Why not (the operator's reason or the catalogue text of why it was not proposed). */
      reason: z.string(),
    }),
  ),
})
export type QualificationNoticeSnapshot = z.infer<typeof qualificationNoticeSnapshotSchema>

const kw = (n: number) => `${n.toLocaleString('ja-JP')} kW`

/**
 * 容量オークション参加資格通知書 (800, function 100): per participant and auction, the result of the
 * qualification of each of its resources with approved expected capacity for the delivery year.
 */
export const qualificationNotice = defineDocument({
  kind: 'auctionQualificationNotice',
  prefix: 'AQ',
  functionGroup: '100',
  schema: qualificationNoticeSnapshotSchema,
  title: () => '容量オークション参加資格通知書',
  body(doc, s) {
    doc.font('jp-bold').fontSize(12).text(`${s.participant.name} 御中`)
    doc.font('jp').fontSize(9).text(`事業者コード ${s.participant.code}`)
    doc.moveDown(0.5)
    doc.fontSize(10).text(s.issuer, { align: 'right' })
    doc.moveDown(1)
    doc.text(
      `${formatFiscalYear(s.auction.deliveryYear)}を対象実需給年度とする容量オークション（${s.auction.code}）への貴社電源等の参加資格について、下記のとおり通知します。`,
    )
    doc.moveDown(0.5)
    doc.text('記', { align: 'center' })
    doc.moveDown(0.5)
    const qualified = s.rows.filter((r) => r.qualified)
    fieldTable(doc, 'オークション', [
      ['オークションID', s.auction.code],
      ['オークション種別', auctionTypeLabels[s.auction.type].ja],
      ['対象実需給年度', formatFiscalYear(s.auction.deliveryYear)],
      [
        '参加資格ありの電源等',
        `${qualified.length} 件（${kw(qualified.reduce((t, r) => t + r.expectedKw, 0))}）`,
      ],
      ['対象外の電源等', `${s.rows.length - qualified.length} 件`],
    ])
    listTable(
      doc,
      '電源等ごとの参加資格',
      [
        { header: '電源等識別番号', width: 22 },
        { header: '電源等の名称', width: 32 },
        { header: '区分', width: 18 },
        { header: 'エリア', width: 10 },
        { header: '期待容量', width: 18, align: 'right' },
        { header: '参加資格', width: 16 },
        { header: '理由', width: 40 },
      ],
      s.rows.map((r) => [
        r.resourceCode,
        r.resourceName,
        resourceKindLabels[r.kind].ja,
        areaLabels[r.area].ja,
        kw(r.expectedKw),
        r.qualified ? 'あり' : '対象外',
        r.reason,
      ]),
    )
    doc.text('参加資格ありの電源等は、応札受付期間内に応札できます。', { align: 'left' })
    doc.moveDown(0.5)
    doc.text('以上', { align: 'right' })
  },
  sample: {
    participant: SAMPLE_PARTICIPANT,
    issuer: ISSUER,
    auction: { code: 'MA2030', type: 'main', deliveryYear: 2030 },
    rows: [
      {
        resourceCode: '03S0000000',
        resourceName: '見本火力発電所1号機',
        kind: 'stable',
        area: 'tokyo',
        expectedKw: 95_000,
        qualified: true,
        reason: '',
      },
      {
        resourceCode: '03V0000001',
        resourceName: '見本太陽光発電所',
        kind: 'variableSingle',
        area: 'tokyo',
        expectedKw: 1_200,
        qualified: false,
        reason: '見本（期待容量が未承認）',
      },
    ],
  },
})
