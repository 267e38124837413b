import type { ApplicationView } from '@yoryo/ui'

/** How the application screens show a resource application (050). */
export const resourceApplicationView: ApplicationView = {
  functionGroup: '050',
  contentGroups: () => [],
  fieldLabel: (path) => path,
  valueText: (_path, value) =>
    value === null || value === undefined
      ? ''
      : typeof value === 'object'
        ? JSON.stringify(value)
        : String(value as string),
  corrections: {},
  documents: [],
}
