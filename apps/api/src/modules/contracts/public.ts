/**
 * What other modules may use of capacity contracts (130): the one way a contract changes
 * (`amendContract`), the API shape (`toContract`), and drafting on publication (clearing, 120).
 */
export { amendContract, ContractAmendmentError, type ContractAmendmentInput } from './amend.ts'
export { contractInclude, toContract, type ContractRow } from './contract.ts'
export { amendContractsToExpectedCapacity, draftContracts } from './drafting.ts'
export { seedDemoContracts } from './demo.ts'
