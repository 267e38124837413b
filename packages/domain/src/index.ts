/**
 * @yoryo/domain — the market rules of the capacity market as pure functions
 * (shared/spec/rules.md, interface in shared/spec/rules-api.md).
 */
export { clearAuction, explainClearing } from './clearing.ts'
export type {
  BlockAdditionStep,
  BlockExplanation,
  ClearingExplanation,
  IntersectionCase,
  IntersectionExplanation,
  MaxFlowAreaReport,
  MaxFlowReport,
  MeritOrderEntry,
} from './clearing.ts'
export {
  computeExpectedCapacity,
  MINIMUM_EXPECTED_KW,
  MINIMUM_STORAGE_HOURS,
} from './expected-capacity.ts'
export {
  computeAchievementRate,
  ACHIEVEMENT_RATE_DECIMALS,
  EFFECTIVENESS_TEST_SLOTS,
} from './achievement-rate.ts'
export type { AchievementRateInput, AchievementRateResult } from './achievement-rate.ts'
export {
  computePreDeliveryPenalty,
  DEFAULT_EXIT_RATE_AFTER_DEADLINE,
  DEFAULT_EXIT_RATE_BEFORE_DEADLINE,
  PENALTY_FACTOR_TYPES,
} from './pre-delivery-penalty.ts'
export type {
  PenaltyCalculationLine,
  PenaltyFactorType,
  PreDeliveryPenaltyInput,
  PreDeliveryPenaltyResult,
} from './pre-delivery-penalty.ts'
export { computeContractAmount, DEFAULT_TAX_RATE } from './contract-amount.ts'
export { assessMonth, ASSESSMENT_REQUIREMENTS } from './assessment.ts'
export type {
  AssessmentInput,
  AssessmentLine,
  AssessmentParameters,
  AssessmentRequirement,
  AssessmentResult,
  AssessmentSlot,
  OrderEvidence,
  SlotEvidence,
} from './assessment.ts'
export { RulesValidationError, formatPath } from './errors.ts'
export type { InputPath, RulesMessageId, RulesProblem } from './errors.ts'
export { Rational, decimalPlaces } from './rational.ts'
export { runRulesCommand, RULES_COMMANDS } from './command.ts'
export type { RulesCommand, CommandOutcome, CommandOptions } from './command.ts'
export { ALGORITHM_VERSION, AREAS, RESOURCE_KINDS } from './types.ts'
export type * from './types.ts'
export {
  computeOutageAllowance,
  equivalentOutageDays,
  peakConcurrentKw,
  DEFAULT_OUTAGE_ALLOWANCE_DAYS,
} from './outage-allowance.ts'
export type {
  KwInterval,
  OutageAllowanceInput,
  OutageAllowanceResult,
  OutageSpan,
} from './outage-allowance.ts'
export {
  clearRelease,
  compareReleaseOrder,
  releaseBilledAmounts,
  releaseGrantedAmount,
  RELEASE_CLEARING_VERSION,
} from './release.ts'
export type {
  ReleaseClearingInput,
  ReleaseClearingResult,
  ReleaseOfferInput,
  ReleaseOfferResult,
} from './release.ts'
