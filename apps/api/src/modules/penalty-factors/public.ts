/** What other modules may use of the penalty factors (190): the §6 computation and registration. */
export { calculatePenalty, contractTermsOf, registerPenaltyFactor } from './service.ts'
