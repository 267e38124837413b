/**
 * The documents of a capacity contract (800, function group 130), each frozen from the contract
 * when issued: 容量確保契約書 (本紙 + 別紙: the twelve monthly amounts) when the participant
 * confirms, 変更契約書 (本紙 + 別紙: before → after) and 解約合意書 from `amendContract`.
 * Consumption tax (rules.md §4): 10 % of the document's total (the annual amount it states),
 * rounded down.
 */
import { z } from 'zod'
import {
  areaLabels,
  areaSchema,
  contractAmendmentSourceLabels,
  contractAmendmentSourceSchema,
  deliveryMonths,
  formatFiscalYear,
  monthSchema,
} from '@yoryo/contracts'
import { computeContractAmount } from '@yoryo/domain'
import type { Contract, DbClient, Document } from '@yoryo/db'
import { audit, type Actor } from '../../lib/audit.ts'
import { defineDocument, ISSUER, issueDocument, SAMPLE_PARTICIPANT } from '../../lib/documents.ts'
import { fieldTable, listTable, type Pdf } from '../../lib/pdf.ts'

/** `document.owner_type` of every contract document. */
export const CONTRACT_DOCUMENT_OWNER = 'capacityContract'

const partySchema = z.object({ code: z.string(), name: z.string() })

/** The contract as every contract document prints it. */
const contractPartSchema = z.object({
  contractNo: z.string(),
  participant: partySchema,
  resource: partySchema.extend({ area: areaSchema }),
  auctionCode: z.string(),
  deliveryYear: z.number().int(),
  areaPrice: z.number().int(),
  deductionRate: z.number(),
  issuer: z.string(),
})

const termsSchema = z.object({
  contractKw: z.number().int(),
  annualAmount: z.number().int(),
  monthlyAmounts: z.array(z.number().int()).length(12),
})

export const contractDocumentSnapshotSchema = contractPartSchema.extend({ terms: termsSchema })
export type ContractDocumentSnapshot = z.infer<typeof contractDocumentSnapshotSchema>

export const contractChangeSnapshotSchema = contractPartSchema.extend({
  seq: z.number().int(),
  source: contractAmendmentSourceSchema,
  reason: z.string(),
  before: termsSchema,
  after: termsSchema,
  /** A replacement's allocation by month, when the change carries one. */
  allocation: z
    .array(
      z.object({ month: monthSchema, kw: z.number().int(), resourceCode: z.string().optional() }),
    )
    .optional(),
})
export type ContractChangeSnapshot = z.infer<typeof contractChangeSnapshotSchema>

const yen = (n: number) => `${n.toLocaleString('ja-JP')} 円`
const kw = (n: number) => `${n.toLocaleString('ja-JP')} kW`
const percent = (rate: number) => `${(rate * 100).toFixed(2)} %`
/** `2031-03` → `2031年3月`. */
const monthText = (m: string) => `${m.slice(0, 4)}年${Number(m.slice(5))}月`

/** Tax of a document's total (rules.md §4), from the rules engine. */
function taxOf(s: { areaPrice: number; deductionRate: number }, contractKw: number): number {
  return computeContractAmount({
    areaPrice: s.areaPrice,
    contractKw,
    deductionRate: s.deductionRate,
  }).annualTax
}

function addressee(doc: Pdf, s: z.infer<typeof contractPartSchema>) {
  doc.font('jp-bold').fontSize(12).text(`${s.participant.name} 御中`)
  doc.font('jp').fontSize(9).text(`事業者コード ${s.participant.code}`)
  doc.moveDown(0.5)
  doc.fontSize(10).text(s.issuer, { align: 'right' })
  doc.moveDown(1)
}

function contractFields(s: z.infer<typeof contractPartSchema>): [string, string][] {
  return [
    ['契約番号', s.contractNo],
    ['容量オークション', s.auctionCode],
    [
      '契約期間（実需給年度）',
      `${formatFiscalYear(s.deliveryYear)}（${s.deliveryYear}年4月1日〜${s.deliveryYear + 1}年3月31日）`,
    ],
    ['電源等識別番号', s.resource.code],
    ['電源等の名称', s.resource.name],
    ['エリア', areaLabels[s.resource.area].ja],
    ['エリアプライス', `${s.areaPrice.toLocaleString('ja-JP')} 円/kW/年`],
    ['経過措置控除率', percent(s.deductionRate)],
  ]
}

function amountRows(
  s: { areaPrice: number; deductionRate: number },
  t: z.infer<typeof termsSchema>,
) {
  const tax = taxOf(s, t.contractKw)
  return {
    fields: [
      ['契約容量', kw(t.contractKw)],
      ['容量確保契約金額（年額、税抜）', yen(t.annualAmount)],
      ['消費税額（10 %）', yen(tax)],
      ['合計（税込）', yen(t.annualAmount + tax)],
    ] as [string, string][],
  }
}

function monthlyAnnex(doc: Pdf, heading: string, year: number, t: z.infer<typeof termsSchema>) {
  listTable(
    doc,
    heading,
    [
      { header: '月', width: 20 },
      { header: '月額（税抜）', width: 30, align: 'right' },
    ],
    [
      ...deliveryMonths(year).map((m, i) => [monthText(m), yen(t.monthlyAmounts[i] ?? 0)]),
      ['合計', yen(t.monthlyAmounts.reduce((a, b) => a + b, 0))],
    ],
  )
}

/** The contract every contract document's sample (K00) prints: 10,000 kW at 9,000 円/kW/年. */
const sampleContract = {
  contractNo: 'CT2026-000000',
  participant: SAMPLE_PARTICIPANT,
  resource: { code: '03S0000000', name: '見本火力発電所1号機', area: 'tokyo' as const },
  auctionCode: 'MA2026',
  deliveryYear: 2026,
  areaPrice: 9_000,
  deductionRate: 0,
  issuer: ISSUER,
}
const sampleTerms = (contractKw: number) => {
  const annualAmount = contractKw * sampleContract.areaPrice
  const monthly = Math.floor(annualAmount / 12)
  return {
    contractKw,
    annualAmount,
    monthlyAmounts: [...Array<number>(11).fill(monthly), annualAmount - monthly * 11],
  }
}
const sampleChange = {
  ...sampleContract,
  seq: 1,
  source: 'expectedCapacityChange' as const,
  reason: '見本',
  before: sampleTerms(10_000),
  after: sampleTerms(8_000),
}

/** 容量確保契約書 (本紙 + 別紙). */
export const contractDocument = defineDocument({
  kind: 'capacityContract',
  prefix: 'CC',
  functionGroup: '130',
  schema: contractDocumentSnapshotSchema,
  title: () => '容量確保契約書',
  body(doc, s) {
    addressee(doc, s)
    doc.text(
      `${formatFiscalYear(s.deliveryYear)}を実需給年度とする容量オークション（${s.auctionCode}）の約定結果に基づき、貴社と${s.issuer}は、下記のとおり容量確保契約を締結します。`,
    )
    doc.moveDown(0.5)
    doc.text('記', { align: 'center' })
    doc.moveDown(0.5)
    fieldTable(doc, '契約の内容', [...contractFields(s), ...amountRows(s, s.terms).fields])
    doc.text('容量確保契約金額は、別紙のとおり月ごとに分割して精算します。')
    doc.moveDown(0.5)
    doc.text('以上', { align: 'right' })
    doc.addPage()
    doc.font('jp-bold').fontSize(12).text('別紙　月別の容量確保契約金額')
    doc.font('jp').fontSize(9).text(`契約番号 ${s.contractNo}`)
    doc.moveDown(0.5)
    monthlyAnnex(doc, '月別の金額', s.deliveryYear, s.terms)
    doc.fontSize(9)
    doc.text('各月の金額は年額を 12 で除した額（円未満切捨て）とし、端数は 3 月分で調整します。')
  },
  sample: { ...sampleContract, terms: sampleTerms(10_000) },
})

function changeFields(s: ContractChangeSnapshot): [string, string][] {
  const before = amountRows(s, s.before).fields
  const after = amountRows(s, s.after).fields
  return before.map(([label, value], i) => [label, `${value} → ${after[i]?.[1] ?? ''}`])
}

/** 変更契約書 (本紙 + 別紙: the monthly amounts before and after, a replacement's allocation). */
export const contractChangeDocument = defineDocument({
  kind: 'capacityContractChange',
  prefix: 'CCA',
  functionGroup: '130',
  schema: contractChangeSnapshotSchema,
  title: () => '容量確保契約 変更契約書',
  body(doc, s) {
    addressee(doc, s)
    doc.text(
      `貴社と${s.issuer}が締結した容量確保契約（契約番号 ${s.contractNo}）を、下記のとおり変更します（第 ${s.seq} 回変更）。`,
    )
    doc.moveDown(0.5)
    doc.text('記', { align: 'center' })
    doc.moveDown(0.5)
    fieldTable(doc, '変更の内容', [
      ...contractFields(s),
      [
        '変更の理由',
        `${contractAmendmentSourceLabels[s.source].ja}${s.reason ? `：${s.reason}` : ''}`,
      ],
      ...changeFields(s),
    ])
    doc.text('変更後の月別の金額は別紙のとおりとします。その他の条項は従前のとおりとします。')
    doc.moveDown(0.5)
    doc.text('以上', { align: 'right' })
    doc.addPage()
    doc.font('jp-bold').fontSize(12).text('別紙　月別の容量確保契約金額（変更前 → 変更後）')
    doc.font('jp').fontSize(9).text(`契約番号 ${s.contractNo}`)
    doc.moveDown(0.5)
    const sum = (a: number[]) => a.reduce((x, y) => x + y, 0)
    listTable(
      doc,
      '月別の金額（税抜）',
      [
        { header: '月', width: 20 },
        { header: '変更前', width: 30, align: 'right' },
        { header: '変更後', width: 30, align: 'right' },
      ],
      [
        ...deliveryMonths(s.deliveryYear).map((m, i) => [
          monthText(m),
          yen(s.before.monthlyAmounts[i] ?? 0),
          yen(s.after.monthlyAmounts[i] ?? 0),
        ]),
        ['合計', yen(sum(s.before.monthlyAmounts)), yen(sum(s.after.monthlyAmounts))],
      ],
    )
    if (s.allocation?.length) {
      listTable(
        doc,
        '差替の月別配分',
        [
          { header: '月', width: 20 },
          { header: '差替先の電源等', width: 30 },
          { header: '差替容量', width: 25, align: 'right' },
        ],
        s.allocation.map((a) => [monthText(a.month), a.resourceCode ?? '', kw(a.kw)]),
      )
    }
  },
  sample: sampleChange,
})

/** 解約合意書. */
export const contractTerminationDocument = defineDocument({
  kind: 'capacityContractTermination',
  prefix: 'CCT',
  functionGroup: '130',
  schema: contractChangeSnapshotSchema,
  title: () => '容量確保契約 解約合意書',
  body(doc, s) {
    addressee(doc, s)
    doc.text(
      `貴社と${s.issuer}は、締結した容量確保契約（契約番号 ${s.contractNo}）を、下記のとおり合意により解約します。`,
    )
    doc.moveDown(0.5)
    doc.text('記', { align: 'center' })
    doc.moveDown(0.5)
    fieldTable(doc, '解約する契約', [
      ...contractFields(s),
      ['解約前の契約容量', kw(s.before.contractKw)],
      ['解約前の容量確保契約金額（年額、税抜）', yen(s.before.annualAmount)],
      [
        '解約の理由',
        `${contractAmendmentSourceLabels[s.source].ja}${s.reason ? `：${s.reason}` : ''}`,
      ],
    ])
    doc.text(
      '本契約に基づく容量確保契約金額の支払は、解約日以降の月について行いません。市場退出に伴う経済的ペナルティは別途通知します。',
    )
    doc.moveDown(0.5)
    doc.text('以上', { align: 'right' })
  },
  sample: { ...sampleChange, source: 'marketExit' as const, after: sampleTerms(0) },
})

/** What a contract document prints of the contract row and its names. */
export interface ContractForDocument {
  contract: Contract
  participant: { code: string; name: string }
  resource: { code: string; name: string; area: z.infer<typeof areaSchema> }
  auction: { code: string }
}

function partOf(c: ContractForDocument) {
  return {
    contractNo: c.contract.contractNo,
    participant: { code: c.participant.code, name: c.participant.name },
    resource: { code: c.resource.code, name: c.resource.name, area: c.resource.area },
    auctionCode: c.auction.code,
    deliveryYear: c.contract.deliveryYear,
    areaPrice: c.contract.areaPrice,
    deductionRate: Number(c.contract.deductionRate.toString()),
    issuer: ISSUER,
  }
}

export function termsOfContract(c: Contract) {
  return {
    contractKw: c.contractKw,
    annualAmount: Number(c.annualAmount),
    monthlyAmounts: c.monthlyAmounts as number[],
  }
}

/** Loads what the documents print of a contract. */
export async function contractForDocument(tx: DbClient, contractId: string) {
  const row = await tx.contract.findUniqueOrThrow({
    where: { id: contractId },
    include: {
      participant: { select: { code: true, name: true } },
      resource: { select: { code: true, name: true, area: true } },
      auction: { select: { code: true } },
    },
  })
  return {
    contract: row,
    participant: row.participant,
    resource: row.resource as ContractForDocument['resource'],
    auction: row.auction,
  }
}

async function issued(tx: DbClient, actor: Actor, contract: Contract, document: Document) {
  await audit(tx, actor, {
    action: 'document.issue',
    entityType: 'document',
    entityId: document.id,
    participantId: contract.participantId,
    after: {
      kind: document.kind,
      documentNo: document.documentNo,
      contractNo: contract.contractNo,
    },
  })
  return document
}

/** Issues the 容量確保契約書 of a contract (its terms now). */
export async function issueContractDocument(
  tx: DbClient,
  actor: Actor,
  c: ContractForDocument,
): Promise<Document> {
  const document = await issueDocument(tx, contractDocument, {
    participantId: c.contract.participantId,
    ownerType: CONTRACT_DOCUMENT_OWNER,
    ownerId: c.contract.id,
    snapshot: { ...partOf(c), terms: termsOfContract(c.contract) },
  })
  return issued(tx, actor, c.contract, document)
}

/** Issues the 変更契約書 or 解約合意書 of an amendment. */
export async function issueChangeDocument(
  tx: DbClient,
  actor: Actor,
  c: ContractForDocument,
  change: {
    termination: boolean
    seq: number
    source: z.infer<typeof contractAmendmentSourceSchema>
    reason: string
    before: Contract
    allocation?: ContractChangeSnapshot['allocation']
  },
): Promise<Document> {
  const template = change.termination ? contractTerminationDocument : contractChangeDocument
  const document = await issueDocument(tx, template, {
    participantId: c.contract.participantId,
    ownerType: CONTRACT_DOCUMENT_OWNER,
    ownerId: c.contract.id,
    snapshot: {
      ...partOf(c),
      seq: change.seq,
      source: change.source,
      reason: change.reason,
      before: termsOfContract(change.before),
      after: termsOfContract(c.contract),
      ...(change.allocation?.length ? { allocation: change.allocation } : {}),
    },
  })
  return issued(tx, actor, c.contract, document)
}
