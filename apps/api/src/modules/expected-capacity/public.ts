/**
 * What other modules may use of expected capacity (070) and effectiveness tests (824): the
 * auction reads achievement rates for its tie-break, the bulk pipeline files the same
 * applications the screens do.
 */
export { latestAchievementRate } from './effectiveness-tests.ts'
export { calculateExpectedCapacity, factorTableInForce } from './calculation.ts'
export { expectedCapacityHandler, EXPECTED_CAPACITY_WINDOW } from './handler.ts'
export { seedDemoExpectedCapacities } from './demo.ts'
