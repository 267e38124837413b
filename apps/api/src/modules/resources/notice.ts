import { z } from 'zod'
import {
  areaLabels,
  generationTypeLabels,
  resourceInputSchema,
  resourceKindLabels,
  siteTypeLabels,
  supportSchemeLabels,
  type ResourceInput,
} from '@yoryo/contracts'
import { defineDocument, ISSUER, SAMPLE_PARTICIPANT } from '../../lib/documents.ts'
import { fieldTable, listTable } from '../../lib/pdf.ts'

/** What the registration notice prints, frozen when the registration is approved. */
export const registrationNoticeSnapshotSchema = z.object({
  participant: z.object({ code: z.string(), name: z.string() }),
  issuer: z.string(),
  receiptNo: z.string(),
  resourceCode: z.string(),
  resource: resourceInputSchema,
})
export type RegistrationNoticeSnapshot = z.infer<typeof registrationNoticeSnapshotSchema>

export { ISSUER } from '../../lib/documents.ts'

const kw = (n: number) => `${n.toLocaleString('ja-JP')} kW`
const yesNo = (b: boolean) => (b ? 'あり' : 'なし')

function kindRows(r: ResourceInput): [string, string][] {
  switch (r.kind) {
    case 'stable':
      return [
        ['設備容量(発電端)', kw(r.installedKw)],
        ['所内率', `${r.houseLoadPercent.toFixed(2)} %`],
        ['調整機能の有無', yesNo(r.hasAdjustment)],
        [
          '継続運転可能時間',
          r.storageHours === null || r.storageHours === undefined ? '' : `${r.storageHours} 時間`,
        ],
      ]
    case 'variableSingle':
      return [['設備容量', kw(r.installedKw)]]
    case 'variableAggregate':
      return [
        ['構成電源の数', `${r.members.length} 件`],
        ['設備容量の合計', kw(r.members.reduce((sum, m) => sum + m.installedKw, 0))],
      ]
    case 'dispatchOrder':
      return [
        ['提供可能容量', kw(r.offerableKw)],
        ['電源等リストの件数', `${r.sites.length} 件`],
      ]
  }
}

/**
 * 電源等登録通知書 (800) of each of the four kinds: issued when the operator approves a resource
 * registration, addressed to the participant, with the issued resource code and the values
 * registered (members of an aggregate, the site list of a dispatch-order resource).
 */
export const registrationNotice = defineDocument({
  kind: 'resourceRegistrationNotice',
  prefix: 'RN',
  functionGroup: '050',
  schema: registrationNoticeSnapshotSchema,
  title: (s) => `電源等登録通知書（${resourceKindLabels[s.resource.kind].ja}）`,
  body(doc, s) {
    const r = s.resource
    doc.font('jp-bold').fontSize(12).text(`${s.participant.name} 御中`)
    doc.font('jp').fontSize(9).text(`事業者コード ${s.participant.code}`)
    doc.moveDown(0.5)
    doc.fontSize(10).text(s.issuer, { align: 'right' })
    doc.moveDown(1)
    doc.text(
      `貴社から申込のあった電源等（受付番号 ${s.receiptNo}）について、下記のとおり登録しましたので通知します。`,
    )
    doc.moveDown(0.5)
    doc.text('記', { align: 'center' })
    doc.moveDown(0.5)
    fieldTable(doc, '電源等情報', [
      ['電源等識別番号', s.resourceCode],
      ['電源等の名称', r.name],
      ['電源等の名称(カナ)', r.nameKana],
      ['電源等の区分', resourceKindLabels[r.kind].ja],
      ['エリア', areaLabels[r.area].ja],
      ['発電方式', generationTypeLabels[r.generationType].ja],
      ['系統コード', r.gridCode],
      ['所在地', r.location],
      ['運転開始年月', r.commissionedOn.replace('-', '年') + '月'],
      ['FIT・FIP区分', supportSchemeLabels[r.supportScheme].ja],
      ...kindRows(r),
    ])
    if (r.kind === 'variableAggregate') {
      listTable(
        doc,
        '構成電源',
        [
          { header: 'No.', width: 8, align: 'right' },
          { header: '名称', width: 40 },
          { header: '発電方式', width: 22 },
          { header: '系統コード', width: 22 },
          { header: '設備容量', width: 18, align: 'right' },
        ],
        r.members.map((m, i) => [
          String(i + 1),
          m.name,
          generationTypeLabels[m.generationType].ja,
          m.gridCode,
          kw(m.installedKw),
        ]),
      )
    }
    if (r.kind === 'dispatchOrder') {
      listTable(
        doc,
        '電源等リスト',
        [
          { header: 'No.', width: 8, align: 'right' },
          { header: '名称', width: 36 },
          { header: '供給地点特定番号', width: 40 },
          { header: '種別', width: 16 },
          { header: '容量', width: 16, align: 'right' },
        ],
        r.sites.map((site, i) => [
          String(i + 1),
          site.name,
          site.supplyPointId,
          siteTypeLabels[site.siteType].ja,
          kw(site.kw),
        ]),
      )
    }
    doc.text('以上', { align: 'right' })
  },
  sample: {
    participant: SAMPLE_PARTICIPANT,
    issuer: ISSUER,
    receiptNo: 'R2026-000000',
    resourceCode: '03S0000000',
    resource: {
      kind: 'stable',
      name: '見本火力発電所1号機',
      nameKana: 'ミホンカリョクハツデンショ',
      area: 'tokyo',
      generationType: 'lng',
      gridCode: 'SAMPLE001',
      location: '東京都千代田区丸の内0-0-0',
      commissionedOn: '2000-04',
      supportScheme: 'none',
      installedKw: 100_000,
      houseLoadPercent: 3.5,
      hasAdjustment: true,
      storageHours: null,
    },
  },
})
