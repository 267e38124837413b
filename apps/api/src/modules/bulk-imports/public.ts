/** What other API modules may use of the bulk-file pipeline: defining their formats. */
export {
  bulkFileNames,
  defineBulkFormat,
  type BulkColumn,
  type BulkContext,
  type BulkRow,
  type BulkRowError,
} from './formats.ts'
