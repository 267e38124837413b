/**
 * What other parts of the API may use of the data feeds: the one way feed data is written, and
 * the one rule of whose data a caller may feed and read (`feedScope`).
 */
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
export {
  areaInScope,
  feedScope,
  feedScopeOfParticipant,
  mayFeed,
  resourceInScope,
  resourceScopeSql,
  resourceScopeWhere,
  type FeedScope,
} from './scope.ts'
