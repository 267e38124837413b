/**
 * Which records follow the holder when a succession or merger takes effect, and which keep the
 * historic party (G50, README "Succession, merger and exit"). Every model of the Prisma schema
 * with a `participantId` is classified here; `consistency.test.ts` fails on one that is not and
 * checks the rows after a succession and a merger against the classification.
 *
 * - `follows`: the current holder — the row's participant is switched by `effectSuccession`
 *   (only the rows the rule names: `scope`).
 * - `keeps`: the historic party — what was filed, issued, bid, settled or logged by a party stays
 *   that party's (past documents keep the old party; money from the effective month goes to the
 *   new one through the holder of the month, not by rewriting rows).
 * - `history`: the holder history itself (rows per holder and month).
 */
export type ParticipantRule =
  | { rule: 'follows'; scope: string }
  | { rule: 'keeps'; why: string }
  | { rule: 'history'; why: string }

export const participantTables: Record<string, ParticipantRule> = {
  Resource: { rule: 'follows', scope: 'the moved resources' },
  Contract: {
    rule: 'follows',
    scope: 'the moved contracts (not terminated, delivery year reaching the effective month)',
  },
  ExpectedCapacity: {
    rule: 'follows',
    scope: 'of the moved resources, delivery years from the effective month’s on',
  },
  OutagePlan: {
    rule: 'follows',
    scope: 'of the moved contracts, starting on or after the effective month’s first day',
  },
  ContractHolder: { rule: 'history', why: 'the holder of each contract per month' },
  ResourceHolder: { rule: 'history', why: 'the holder of each resource per month' },
  User: {
    rule: 'keeps',
    why: 'logins stay with their company (a closed one can no longer log in)',
  },
  Attachment: { rule: 'keeps', why: 'uploaded by that party' },
  Application: { rule: 'keeps', why: 'filed by that party (past and open)' },
  AuditLog: { rule: 'keeps', why: 'what happened, as it happened' },
  Document: { rule: 'keeps', why: 'issued documents name their addressee' },
  EffectivenessTest: { rule: 'keeps', why: 'a past test of that party' },
  BulkImport: { rule: 'keeps', why: 'uploaded by that party' },
  AuctionQualification: { rule: 'keeps', why: 'the party that took part in the auction' },
  Bid: { rule: 'keeps', why: 'the party that bid' },
  ReplacementPosting: { rule: 'keeps', why: 'the party’s own board posting' },
  Replacement: {
    rule: 'keeps',
    why: 'filed by the holder of the time (the money follows the holder of the month)',
  },
  PenaltyFactor: { rule: 'keeps', why: 'a pre-delivery failure of that party, with its notice' },
  NoticeRecipient: { rule: 'keeps', why: 'notices addressed to that party' },
  AssessmentResult: { rule: 'keeps', why: 'a run’s result as computed' },
  OutageOmission: { rule: 'keeps', why: 'flagged on a run' },
  SettlementLine: { rule: 'keeps', why: 'each line stores the holder of its month' },
  SettlementDocument: { rule: 'keeps', why: 'issued documents keep the old party' },
  Succession: { rule: 'keeps', why: 'the applicant' },
  ReleaseOffer: { rule: 'keeps', why: 'the party that offered in the release auction' },
  Payment: { rule: 'keeps', why: 'money received from or paid to that party (its documents)' },
  ContractRelease: {
    rule: 'keeps',
    why: 'the party whose offer was released (the billed amount goes on the contract line, to the holder of the month)',
  },
}
