import { functionCodeLabels, functionLabels, labelsIn, roleLabels } from '@yoryo/contracts'
import type { CoreCatalogue } from './catalogue.ts'

/** English UI catalogue, its core: the same keys as `ja.ts`; loaded when English is chosen. */
export const en: CoreCatalogue = {
  app: {
    systemName: 'Capacity Market System',
    documentTitle: '[{{code}}] {{title}} | {{system}}',
    appName: {
      preDelivery: 'Pre-delivery',
      delivery: 'Delivery period',
    },
    skipToContent: 'Skip to main content',
    loadingSession: 'Checking your login',
  },
  language: {
    label: 'Language',
    ja: '日本語',
    en: 'English',
  },
  roles: labelsIn(roleLabels, 'en'),
  // Function and function-code names: declared once, in the registry of @yoryo/contracts.
  functions: functionLabels('en'),
  functionGroups: functionCodeLabels('en'),
  common: {
    save: 'Save',
    titleWith: '{{title}} ({{code}})',
    cancel: 'Cancel',
    close: 'Close',
    retry: 'Retry',
    reload: 'Reload',
    back: 'Go back',
    toPortal: 'Go to portal',
    search: 'Search',
    clear: 'Clear',
    all: 'All',
    loading: 'Loading',
    copy: 'Copy',
    copied: 'Copied',
    actions: 'Actions',
    requestId: 'Request ID',
    labelSeparator: ': ',
    messageId: 'Message ID',
    count_one: '{{count}} record',
    count_other: '{{count}} records',
    filteredCount: '{{count}} of {{total}} records',
    jstDateTime: '{{value}} JST',
    showPassword: 'Show password',
    notSet: 'Not set',
    dismiss: 'Dismiss',
  },
  /** The month field of the screens about one month (MonthField). */
  monthField: {
    label: 'Month',
    previous: 'Previous month',
    next: 'Next month',
    invalid: 'Enter the month as YYYY-MM.',
  },
  table: {
    empty: 'No data to show.',
    sortAscending: 'ascending',
    sortDescending: 'descending',
    sortBy: 'Sort by {{column}}',
  },
  severity: {
    info: 'Info',
    warning: 'Warning',
    error: 'Error',
  },
  maintenanceScreen: {
    title: 'Under maintenance',
    endedTitle: 'Maintenance has ended',
    endsAt: 'Planned end: {{value}} (JST)',
    endsAtUnknown: 'The end time has not been fixed yet.',
    resume: 'Continue',
    checkAgain: 'Check again',
  },
  errors: {
    notFoundTitle: 'Page not found',
    forbiddenTitle: 'You cannot use this screen',
    serverTitle: 'System error',
    networkTitle: 'Cannot reach the server',
  },
  format: {
    bytes: {
      b: '{{value}} B',
      kb: '{{value}} KB',
      mb: '{{value}} MB',
    },
  },
}
