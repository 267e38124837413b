import type { ja } from './ja.ts'
import type { applicationsSections } from './sections/applications.ts'
import type { bulkSections } from './sections/bulk.ts'
import type { auctionsSections } from './sections/auctions.ts'
import type { bidsSections } from './sections/bids.ts'
import type { auctionResultsSections } from './sections/auction-results.ts'
import type { contractsSections } from './sections/contracts.ts'
import type { replacementBoardSections } from './sections/replacement-board.ts'
import type { replacementsSections } from './sections/replacements.ts'
import type { outagePlansSections } from './sections/outage-plans.ts'
import type { penaltyFactorsSections } from './sections/penalty-factors.ts'
import type { noticesSections } from './sections/notices.ts'
import type { assessmentBasisSections } from './sections/assessment-basis.ts'
import type { assessmentSections } from './sections/assessment.ts'
import type { deliveryDataSections } from './sections/delivery-data.ts'
import type { feedsSections } from './sections/feeds.ts'
import type { outputFilesSections } from './sections/output-files.ts'
import type { settlementSections } from './sections/settlement.ts'
import type { economicPenaltiesSections } from './sections/economic-penalties.ts'
import type { successionsSections } from './sections/successions.ts'
import type { releaseAmountsSections } from './sections/release-amounts.ts'
import type { paymentsSections } from './sections/payments.ts'
import type { expectedCapacitySections } from './sections/expected-capacity.ts'
import type { resourcesSections } from './sections/resources.ts'
import type { authSections } from './sections/auth.ts'
import type { listsSections } from './sections/lists.ts'
import type { portalSections } from './sections/portal.ts'
import type { shellSections } from './sections/shell.ts'
import type { systemSections } from './sections/system.ts'
import type { usersSections } from './sections/users.ts'

/** The shape of a UI catalogue: every leaf of `ja.ts` is a string in every language. */
export type CatalogueShape<T> = {
  [K in keyof T]: T[K] extends string ? string : CatalogueShape<T[K]>
}

/** The core of the catalogue (`ja.ts` / `en.ts`): what the entry chunk holds. */
export type CoreCatalogue = CatalogueShape<typeof ja>

/** Every text of the UI in Japanese: the core and every section (see `loader.ts`). */
export type FullCatalogue = typeof ja &
  (typeof authSections)['ja'] &
  (typeof shellSections)['ja'] &
  (typeof portalSections)['ja'] &
  (typeof systemSections)['ja'] &
  (typeof applicationsSections)['ja'] &
  (typeof usersSections)['ja'] &
  (typeof listsSections)['ja'] &
  (typeof resourcesSections)['ja'] &
  (typeof expectedCapacitySections)['ja'] &
  (typeof bulkSections)['ja'] &
  (typeof auctionsSections)['ja'] &
  (typeof bidsSections)['ja'] &
  (typeof auctionResultsSections)['ja'] &
  (typeof contractsSections)['ja'] &
  (typeof replacementBoardSections)['ja'] &
  (typeof replacementsSections)['ja'] &
  (typeof outagePlansSections)['ja'] &
  (typeof penaltyFactorsSections)['ja'] &
  (typeof noticesSections)['ja'] &
  (typeof assessmentBasisSections)['ja'] &
  (typeof assessmentSections)['ja'] &
  (typeof deliveryDataSections)['ja'] &
  (typeof feedsSections)['ja'] &
  (typeof outputFilesSections)['ja'] &
  (typeof settlementSections)['ja'] &
  (typeof economicPenaltiesSections)['ja'] &
  (typeof successionsSections)['ja'] &
  (typeof releaseAmountsSections)['ja'] &
  (typeof paymentsSections)['ja']

export type Catalogue = CatalogueShape<FullCatalogue>

export type Language = 'ja' | 'en'

export const LANGUAGES: readonly Language[] = ['ja', 'en']

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value)
}

/** All dotted keys of a catalogue, sorted (used by the key-parity test). */
export function catalogueKeys(catalogue: object, prefix = ''): string[] {
  return Object.entries(catalogue)
    .flatMap(([key, value]) =>
      typeof value === 'string'
        ? [`${prefix}${key}`]
        : catalogueKeys(value as object, `${prefix}${key}.`),
    )
    .sort()
}
