/** What other parts of the API may use of the release auction (F30): the released kW per month. */
export { releasesInMonth, type MonthRelease } from './amounts.ts'
