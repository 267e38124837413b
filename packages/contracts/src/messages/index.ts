import { auctionMessages } from './auctions.ts'
import { authMessages } from './auth.ts'
import { bidMessages } from './bids.ts'
import { clearingMessages } from './clearing.ts'
import { contractMessages } from './contracts.ts'
import { replacementMessages } from './replacements.ts'
import { outagePlanMessages } from './outage-plans.ts'
import { penaltyFactorMessages } from './penalty-factors.ts'
import { noticeMessages } from './notices.ts'
import { assessmentBasisMessages } from './assessment-basis.ts'
import { assessmentMessages } from './assessment.ts'
import { outageOmissionMessages } from './outage-omissions.ts'
import { deliveryDataMessages } from './delivery-data.ts'
import { feedMessages } from './feeds.ts'
import { outputFileMessages } from './output-files.ts'
import { settlementMessages } from './settlement.ts'
import { economicPenaltyMessages } from './economic-penalties.ts'
import { successionMessages } from './successions.ts'
import { releaseAmountMessages } from './release-amounts.ts'
import { paymentMessages } from './payments.ts'
import { bulkMessages } from './bulk.ts'
import { commonMessages } from './common.ts'
import { expectedCapacityMessages } from './expected-capacity.ts'
import { participantMessages } from './participants.ts'
import { resourceMessages } from './resources.ts'
import { rulesMessages } from './rules.ts'
import { systemMessages } from './system.ts'
import { userMessages } from './users.ts'
import type { MessageDefinition } from './types.ts'

export type { MessageDefinition, Severity } from './types.ts'

/** The one message catalogue (600 / G30) shared by the API, both SPAs and the rules engine. */
export const messages = {
  ...commonMessages,
  ...authMessages,
  ...systemMessages,
  ...participantMessages,
  ...userMessages,
  ...resourceMessages,
  ...rulesMessages,
  ...expectedCapacityMessages,
  ...bulkMessages,
  ...auctionMessages,
  ...bidMessages,
  ...clearingMessages,
  ...contractMessages,
  ...replacementMessages,
  ...outagePlanMessages,
  ...penaltyFactorMessages,
  ...noticeMessages,
  ...assessmentBasisMessages,
  ...assessmentMessages,
  ...outageOmissionMessages,
  ...deliveryDataMessages,
  ...feedMessages,
  ...outputFileMessages,
  ...settlementMessages,
  ...economicPenaltyMessages,
  ...successionMessages,
  ...releaseAmountMessages,
  ...paymentMessages,
} as const

export type MessageId = keyof typeof messages

export function isMessageId(id: string): id is MessageId {
  return Object.hasOwn(messages, id)
}

/** The text of a message in one language, with `{name}` placeholders filled in. */
export function formatMessage(
  id: MessageId,
  lang: 'ja' | 'en',
  params: Record<string, string | number> = {},
): string {
  const def: MessageDefinition = messages[id]
  return def[lang].replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in params ? String(params[key]) : whole,
  )
}
