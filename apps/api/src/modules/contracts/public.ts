/** What other modules may use of the contracts module (130). */
export { amendContract, ContractAmendmentError, type ContractAmendmentInput } from './amend.ts'
export { contractInclude, toContract, type ContractRow } from './contract.ts'
