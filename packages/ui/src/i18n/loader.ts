import type { BackendModule, i18n as I18n } from 'i18next'
import { LANGUAGES, isLanguage, type Language } from './catalogue.ts'
import { ja } from './ja.ts'

/**
 * What of the UI catalogue a page loads when. The entry holds only the Japanese core (`ja.ts`:
 * names, common words, roles, function names, the error and maintenance screens); the English
 * core (`en.ts`) is loaded when English is chosen (through i18next's backend, so a language
 * switch shows the new texts only once they are there), and the sections (`sections/*.ts`, both
 * languages each) are loaded by the lazy routes that show them, with their screen
 * (`lazyComponent(load, name, sections)`), so no screen renders before its texts are in:
 *
 *   auth          login, password change, API tokens
 *   shell         header, session-expiry warning, unsaved-input guard (the logged-in shell)
 *   portal        portal top, deadline countdowns
 *   system        message catalogue, maintenance mode, attachments
 *   applications  700/701, applications and review, participant, audit log
 *   users         users, client certificates, permissions
 *   lists         list kit, pager, CSV export, date field, audit detail
 *   resources, expected-capacity, bulk   050, 070/824, the bulk-file screens
 *   auctions      auction set-up (operator), qualification (100)
 *   bids          bids (110), receipts, bulk bids
 *   auction-results  clearing and results (120), the what-if simulator
 *   contracts     capacity contracts (130), their documents and changes
 *   replacement-board, replacements   140, 160
 *   outage-plans  outage plans (180), bulk 880/890/891
 *   penalty-factors  penalty factors and market exit (190)
 *   notices       notices (A30) and the delivery portal's unread panel
 *   feeds         data feeds in (TSO / operator), G00 delivery bulk files
 *   economic-penalties  D00 penalty targets, D20 penalty amounts
 *   successions  G50 succession, merger, exit
 *   release-amounts  F30 release offers and amounts
 *   payments  F10 payments made and received
 *   settlement    E10 contract amounts, F00 payment notices and invoices
 *   output-files  K00 document samples, K20 screen ↔ file map, K21 CSV samples
 *   delivery-data delivery-period data of participants (B60, B70, B80, B90, C10)
 *   assessment    the monthly assessment (B40, B50, C00)
 *   assessment-basis  B00 outage plans in the year, B10 parameters, B20 allocation
 *
 * A new section file is added here and to `FullCatalogue` (catalogue.ts).
 */
const sectionLoaders = {
  auth: () => import('./sections/auth.ts').then((m) => m.authSections),
  shell: () => import('./sections/shell.ts').then((m) => m.shellSections),
  portal: () => import('./sections/portal.ts').then((m) => m.portalSections),
  system: () => import('./sections/system.ts').then((m) => m.systemSections),
  applications: () => import('./sections/applications.ts').then((m) => m.applicationsSections),
  users: () => import('./sections/users.ts').then((m) => m.usersSections),
  lists: () => import('./sections/lists.ts').then((m) => m.listsSections),
  resources: () => import('./sections/resources.ts').then((m) => m.resourcesSections),
  'expected-capacity': () =>
    import('./sections/expected-capacity.ts').then((m) => m.expectedCapacitySections),
  bulk: () => import('./sections/bulk.ts').then((m) => m.bulkSections),
  auctions: () => import('./sections/auctions.ts').then((m) => m.auctionsSections),
  bids: () => import('./sections/bids.ts').then((m) => m.bidsSections),
  'auction-results': () =>
    import('./sections/auction-results.ts').then((m) => m.auctionResultsSections),
  contracts: () => import('./sections/contracts.ts').then((m) => m.contractsSections),
  'replacement-board': () =>
    import('./sections/replacement-board.ts').then((m) => m.replacementBoardSections),
  replacements: () => import('./sections/replacements.ts').then((m) => m.replacementsSections),
  'outage-plans': () => import('./sections/outage-plans.ts').then((m) => m.outagePlansSections),
  'penalty-factors': () =>
    import('./sections/penalty-factors.ts').then((m) => m.penaltyFactorsSections),
  notices: () => import('./sections/notices.ts').then((m) => m.noticesSections),
  'assessment-basis': () =>
    import('./sections/assessment-basis.ts').then((m) => m.assessmentBasisSections),
  assessment: () => import('./sections/assessment.ts').then((m) => m.assessmentSections),
  'delivery-data': () => import('./sections/delivery-data.ts').then((m) => m.deliveryDataSections),
  feeds: () => import('./sections/feeds.ts').then((m) => m.feedsSections),
  'output-files': () => import('./sections/output-files.ts').then((m) => m.outputFilesSections),
  settlement: () => import('./sections/settlement.ts').then((m) => m.settlementSections),
  'economic-penalties': () =>
    import('./sections/economic-penalties.ts').then((m) => m.economicPenaltiesSections),
  successions: () => import('./sections/successions.ts').then((m) => m.successionsSections),
  'release-amounts': () =>
    import('./sections/release-amounts.ts').then((m) => m.releaseAmountsSections),
  payments: () => import('./sections/payments.ts').then((m) => m.paymentsSections),
} satisfies Record<string, () => Promise<Record<Language, object>>>

export type CatalogueSection = keyof typeof sectionLoaders

export const CATALOGUE_SECTIONS = Object.keys(sectionLoaders) as CatalogueSection[]

const coreLoaders: Record<Language, () => Promise<object>> = {
  ja: () => Promise.resolve(ja),
  en: () => import('./en.ts').then((m) => m.en),
}

const NAMESPACE = 'translation'

/** Loaded cores and sections, shared by every i18next instance of the page. */
const cores = new Map<Language, object>([['ja', ja]])
const sections = new Map<CatalogueSection, Record<Language, object>>()
const pendingSections = new Map<CatalogueSection, Promise<void>>()
const instances = new Set<I18n>()

/** The texts of a language loaded so far (core and sections), or undefined before its core. */
export function loadedTexts(language: Language): Record<string, unknown> | undefined {
  const core = cores.get(language)
  if (!core) return undefined
  return Object.assign({}, core, ...[...sections.values()].map((section) => section[language]))
}

async function loadLanguage(language: Language): Promise<Record<string, unknown>> {
  if (!cores.has(language)) cores.set(language, await coreLoaders[language]())
  return loadedTexts(language) ?? {}
}

/** i18next backend: a language's core and the sections loaded so far, on first use. */
export const catalogueBackend: BackendModule = {
  type: 'backend',
  init() {},
  read(language, _namespace, callback) {
    if (!isLanguage(language)) {
      callback(null, {})
      return
    }
    loadLanguage(language).then(
      (texts) => callback(null, texts),
      (error: unknown) => callback(error instanceof Error ? error : String(error), null),
    )
  },
}

/** Registers an instance so that sections loaded later reach it; returns its initial resources. */
export function attachInstance(instance: I18n): Record<string, { translation: object }> {
  instances.add(instance)
  return Object.fromEntries(
    LANGUAGES.flatMap((language) => {
      const texts = loadedTexts(language)
      return texts ? [[language, { [NAMESPACE]: texts }]] : []
    }),
  )
}

/**
 * Loads catalogue sections (all by default) into every i18next instance, for each language whose
 * core is there (a language loaded later gets them through the backend). Resolves once added.
 */
export function loadCatalogueSections(
  names: readonly CatalogueSection[] = CATALOGUE_SECTIONS,
): Promise<void> {
  return Promise.all(
    names.map((name) => {
      let pending = pendingSections.get(name)
      if (!pending) {
        pending = sectionLoaders[name]().then((texts) => {
          sections.set(name, texts)
          for (const instance of instances) {
            for (const language of LANGUAGES) {
              if (instance.hasResourceBundle(language, NAMESPACE)) {
                instance.addResourceBundle(language, NAMESPACE, texts[language], true, true)
              }
            }
          }
        })
        // A failed chunk (network) is tried again on the next navigation.
        pending.catch(() => pendingSections.delete(name))
        pendingSections.set(name, pending)
      }
      return pending
    }),
  ).then(() => undefined)
}

/** Every language and section, e.g. before tests that render screens synchronously. */
export async function loadWholeCatalogue(): Promise<void> {
  await Promise.all([...LANGUAGES.map(loadLanguage), loadCatalogueSections()])
}
