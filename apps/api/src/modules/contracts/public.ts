/**
 * What other modules may use of contracts (130): `amendContract`, the one way a contract
 * changes (replacement 160, exit 190, changed expected capacity 841), and the contract as the
 * API shows it.
 */
export { amendContract, ContractAmendmentError, type ContractAmendmentInput } from './amend.ts'
export { contractInclude, toContract, type ContractRow } from './contract.ts'
