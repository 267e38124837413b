import {
  AUCTION_WINDOW_KINDS,
  auctionParametersSchema,
  auctionStateLabels,
  formatJstDateTime,
  formatMessage,
  isMessageId,
  type Auction,
  type AuctionParameters,
  type AuctionState,
  type AuctionSummary,
  type AuctionWindows,
  type Lang,
  type MessageId,
} from '@yoryo/contracts'
import { clearAuction, RulesValidationError } from '@yoryo/domain'
import type { DbClient, MarketWindow, Prisma } from '@yoryo/db'
import { AppError } from '../../lib/errors.ts'

export const summaryInclude = {
  windows: { where: { auctionId: { not: null } } },
} as const satisfies Prisma.AuctionInclude
export type SummaryRow = Prisma.AuctionGetPayload<{ include: typeof summaryInclude }>

/** The auction's two windows from its market windows (null when one is missing). */
export function windowsOf(windows: MarketWindow[]): AuctionWindows | null {
  const ec = windows.find((w) => w.kind === AUCTION_WINDOW_KINDS.expectedCapacity)
  const bidding = windows.find((w) => w.kind === AUCTION_WINDOW_KINDS.bidding)
  if (!ec || !bidding) return null
  const iso = (w: MarketWindow) => ({
    opensAt: w.opensAt.toISOString(),
    closesAt: w.closesAt.toISOString(),
  })
  return { expectedCapacity: iso(ec), bidding: iso(bidding) }
}

export function toAuctionSummary(row: SummaryRow): AuctionSummary {
  return {
    id: row.id,
    code: row.code,
    type: row.type,
    subtype: row.subtype,
    deliveryYear: row.deliveryYear,
    state: row.state,
    windows: windowsOf(row.windows),
    parametersVersion: row.parametersVersion,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  }
}

export interface ParameterIssue {
  path: (string | number)[]
  messageId: MessageId
  params: Record<string, string | number>
}

/**
 * Why the parameters cannot clear (the rules engine's own validation of a `ClearingInput`
 * without bids): empty when the auction may open.
 */
export function rulesIssues(parameters: unknown): ParameterIssue[] {
  const shape = auctionParametersSchema.safeParse(parameters)
  if (!shape.success) {
    return shape.error.issues.map((i) => ({
      path: i.path.filter((p): p is string | number => typeof p !== 'symbol'),
      messageId: 'E-COMMON-008',
      params: {},
    }))
  }
  const { deductionTable: _, ...clearing } = shape.data
  try {
    clearAuction({ ...clearing, bids: [] })
    return []
  } catch (error) {
    if (error instanceof RulesValidationError && isMessageId(error.messageId)) {
      const params: Record<string, string | number> = {}
      for (const [k, v] of Object.entries(error.params)) {
        if (typeof v === 'string' || typeof v === 'number') params[k] = v
      }
      return [{ path: [...error.path], messageId: error.messageId, params }]
    }
    throw error
  }
}

export function parameterIssues(parameters: unknown, lang: Lang): Auction['parameterIssues'] {
  return rulesIssues(parameters).map((i) => ({
    path: i.path,
    messageId: i.messageId,
    message: formatMessage(i.messageId, lang, i.params),
  }))
}

/**
 * Parameters and windows change only in draft or open, before bidding opens by the server's
 * clock (the bids are made against them): else E-AUC-001 / E-AUC-002 saying why.
 */
export function editLock(
  state: AuctionState,
  windows: AuctionWindows | null,
  now: Date,
  lang: Lang,
): AppError | null {
  if (state !== 'draft' && state !== 'open') {
    return new AppError('E-AUC-001', 409, { params: { state: auctionStateLabels[state][lang] } })
  }
  if (windows && Date.parse(windows.bidding.opensAt) <= now.getTime()) {
    return new AppError('E-AUC-002', 409, {
      params: { opensAt: formatJstDateTime(windows.bidding.opensAt) },
    })
  }
  return null
}

export async function loadAuction(db: DbClient, id: string, lang: Lang): Promise<Auction | null> {
  const row = await db.auction.findUnique({
    where: { id },
    include: { ...summaryInclude, parameterSets: { orderBy: { versionNo: 'desc' } } },
  })
  if (!row) return null
  const summary = toAuctionSummary(row)
  return {
    ...summary,
    note: row.note,
    parameters: row.parameters as AuctionParameters,
    parameterVersions: row.parameterSets.map((s) => ({
      versionNo: s.versionNo,
      createdAt: s.createdAt.toISOString(),
      createdByName: s.createdByName,
      parameters: s.parameters as AuctionParameters,
    })),
    parameterIssues: parameterIssues(row.parameters, lang),
    editable: editLock(row.state, summary.windows, new Date(), lang) === null,
  }
}
