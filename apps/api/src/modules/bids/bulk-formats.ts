import type { FastifyInstance } from 'fastify'
import {
  bidFileRowSchemas,
  fiscalYearOf,
  formatAuctionCode,
  type BidAction,
  type BulkFormatCode,
} from '@yoryo/contracts'
import type { DbClient } from '@yoryo/db'
import { receiptKey } from '../../lib/receipts.ts'
import { defineBulkFormat, type BulkContext, type BulkRowError } from '../bulk-imports/public.ts'
import { maxPriceOf, writeBid } from './service.ts'

/**
 * The bid files (850 register, 860 change, 870 register or change by 処理区分): every row goes
 * through the same `writeBid` as `PUT /auctions/{id}/bids/{code}` — the window is checked at
 * apply by the database's clock, each accepted row gets its version, signed receipt and audit
 * entry. The checks before apply name every problem row by row.
 */

interface Auction {
  id: string
  code: string
  state: string
  parameters: unknown
}
interface State {
  participant: { id: string; code: string }
  auctions: Map<string, Auction | null>
  seen: Set<string>
}

/** The sample's auction: the first main auction four years ahead (the demo's open auction). */
const sampleAuction = () => formatAuctionCode(fiscalYearOf(new Date()) + 4, 'main', 1)

function columns() {
  return {
    auctionCode: {
      header: 'オークションID',
      en: 'Auction ID',
      example: sampleAuction(),
      type: 'code' as const,
      rule: { ja: '応札受付中のオークション', en: 'An auction open for bidding' },
    },
    resourceCode: {
      header: '電源等識別番号',
      en: 'Resource code',
      example: '03S0000001',
      type: 'code' as const,
      rule: {
        ja: '自社の参加資格のある電源等。同じオークションではファイル内で重複しないこと',
        en: 'A qualified resource of the participant, once per auction in the file',
      },
    },
    kw: {
      header: '応札容量(kW)',
      en: 'Bid capacity (kW)',
      example: '3000',
      rule: {
        ja: '1,000以上、参加資格の期待容量以下',
        en: 'At least 1,000, at most the qualified expected capacity',
      },
    },
    price: {
      header: '応札価格(円/kW)',
      en: 'Bid price (yen/kW)',
      example: '8000',
      rule: {
        ja: '0以上、上限価格の整数部分以下',
        en: 'From 0 to the whole yen of the price cap',
      },
    },
  }
}

async function prepare(ctx: BulkContext): Promise<State> {
  const participant = await ctx.db.participant.findUniqueOrThrow({
    where: { id: ctx.participantId },
    select: { id: true, code: true },
  })
  return { participant, auctions: new Map(), seen: new Set() }
}

async function auctionOf(db: DbClient, state: State, code: string): Promise<Auction | null> {
  if (!state.auctions.has(code)) {
    const row = await db.auction.findUnique({
      where: { code },
      select: { id: true, code: true, state: true, parameters: true },
    })
    state.auctions.set(code, row && row.state !== 'draft' ? row : null)
  }
  return state.auctions.get(code) ?? null
}

type Row = { auctionCode: string; resourceCode: string; kw: number; price: number }

function checker(fixed: 'register' | 'change' | null) {
  return async (
    rows: { line: number; row: Row & { action?: 'register' | 'change' } }[],
    ctx: BulkContext,
    state: State,
  ): Promise<BulkRowError[]> => {
    const problems: BulkRowError[] = []
    for (const { line, row } of rows) {
      const action = fixed ?? row.action ?? 'register'
      const { resourceCode } = row
      const auction = await auctionOf(ctx.db, state, row.auctionCode)
      if (!auction) {
        problems.push({
          line,
          key: 'auctionCode',
          messageId: 'E-BID-009',
          params: { auctionCode: row.auctionCode },
        })
        continue
      }
      const key = `${auction.id}/${resourceCode}`
      if (state.seen.has(key)) {
        problems.push({
          line,
          key: 'resourceCode',
          messageId: 'E-BID-010',
          params: { resourceCode },
        })
        continue
      }
      state.seen.add(key)
      const qualification = await ctx.db.auctionQualification.findFirst({
        where: {
          auctionId: auction.id,
          participantId: state.participant.id,
          state: 'qualified',
          resource: { code: resourceCode },
        },
        select: { expectedKw: true, resourceId: true },
      })
      if (!qualification) {
        problems.push({
          line,
          key: 'resourceCode',
          messageId: 'E-BID-007',
          params: { resourceCode },
        })
        continue
      }
      if (row.kw > qualification.expectedKw) {
        problems.push({
          line,
          key: 'kw',
          messageId: 'E-BID-002',
          params: { expectedKw: qualification.expectedKw },
        })
      }
      const maxPrice = maxPriceOf(auction.parameters)
      if (row.price > maxPrice) {
        problems.push({ line, key: 'price', messageId: 'E-BID-003', params: { maxPrice } })
      }
      const live = await ctx.db.bid.count({
        where: { auctionId: auction.id, resourceId: qualification.resourceId, withdrawnAt: null },
      })
      if (action === 'register' && live) {
        problems.push({
          line,
          key: 'resourceCode',
          messageId: 'E-BID-005',
          params: { resourceCode },
        })
      }
      if (action === 'change' && !live) {
        problems.push({
          line,
          key: 'resourceCode',
          messageId: 'E-BID-006',
          params: { resourceCode },
        })
      }
    }
    return problems
  }
}

/** The three bid formats, signing with the API's receipt key. */
export function bidBulkFormats(app: FastifyInstance) {
  const definitions: { code: BulkFormatCode; ja: string; en: string; action: BidAction | null }[] =
    [
      { code: '850', ja: '応札情報一括登録', en: 'Bulk bid registration', action: 'register' },
      { code: '860', ja: '応札情報一括変更', en: 'Bulk bid change', action: 'change' },
      {
        code: '870',
        ja: '応札情報一括登録・変更',
        en: 'Bulk bid registration or change',
        action: null,
      },
    ]
  return definitions.map(({ code, ja, en, action: fixed }) => {
    const base = columns()
    const apply = async (
      tx: DbClient,
      rows: { line: number; row: Row & { action?: 'register' | 'change' } }[],
      ctx: BulkContext,
      state: State,
    ) => {
      const key = await receiptKey(app.db, app.config.receiptSigningKeyFile)
      for (const { row } of rows) {
        const auction = (await auctionOf(tx, state, row.auctionCode)) as Auction
        await writeBid(tx, key, ctx.actor, {
          auctionId: auction.id,
          participant: state.participant,
          resourceCode: row.resourceCode,
          action: fixed ?? row.action ?? 'register',
          kw: row.kw,
          price: row.price,
          lang: 'ja',
        })
      }
      return rows.length
    }
    const check = checker(fixed === 'withdraw' ? null : fixed)
    if (code === '870') {
      return defineBulkFormat({
        code,
        functionKey: 'bids',
        ja,
        en,
        rowSchema: bidFileRowSchemas['870'],
        columns: {
          ...base,
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
        },
        prepare,
        check,
        apply,
      })
    }
    return defineBulkFormat({
      code,
      functionKey: 'bids',
      ja,
      en,
      rowSchema: bidFileRowSchemas[code as '850'],
      columns: base,
      prepare,
      check,
      apply,
    })
  })
}
