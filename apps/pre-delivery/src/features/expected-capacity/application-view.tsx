import type { ApplicationView } from '@yoryo/ui'

/** How the application screens show an expected capacity application (070). */
export const expectedCapacityApplicationView: ApplicationView = {
  functionGroup: '070',
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
