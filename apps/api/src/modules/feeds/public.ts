/** What other parts of the API may use of the data feeds: the one way feed data is written. */
export {
  dateValue,
  daySeries,
  putDaySeries,
  putDispatchOrder,
  putReserveNoticeDay,
  SLOTS_PER_DAY,
  type DaySeries,
  type DispatchOrderInput,
  type FeedWriter,
  type WriteOutcome,
} from './store.ts'
