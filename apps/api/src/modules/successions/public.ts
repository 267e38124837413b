/**
 * What other modules may use of the successions (G50): the holder of a contract or resource in
 * a month (settlement pays the holder OF THE MONTH).
 */
export { contractHolderOfMonth, holdersOfMonth, type Party } from './holders.ts'
