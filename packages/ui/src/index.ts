// Public API of @yoryo/ui, shared by the pre-delivery and delivery SPAs.

// Set-up
export { UiProvider, type UiProviderProps } from './ui-provider.tsx'
export { theme, cssVariablesResolver } from './theme.ts'
export { APP_CONFIGS, useAppConfig, type AppConfig } from './app-config.tsx'

// i18n
export { createI18n, useLanguage, readStoredLanguage, LANGUAGE_STORAGE_KEY } from './i18n/i18n.ts'
export { LANGUAGES, catalogueKeys, type Language, type Catalogue } from './i18n/catalogue.ts'
export { functionLabelKey, functionGroupLabelKey } from './i18n/keys.ts'
export { LanguageSwitch } from './i18n/language-switch.tsx'
export { useTranslation } from 'react-i18next'
export type { TFunction } from 'i18next'

// Messages
export {
  encodeMessageRef,
  decodeMessageRef,
  resolveMessage,
  severityOf,
  zodIssueToMessage,
  type MessageRef,
} from './messages/message-ref.ts'
export {
  MessageText,
  RunFailureText,
  MessageId,
  MessageAlert,
  ApiErrorAlert,
  SeverityIcon,
  useMessageFormatter,
  useFieldErrorText,
  type MessageAlertProps,
} from './messages/message-text.tsx'

// Forms
export { useFocusWhenEnabled } from './forms/use-focus-when-enabled.ts'
export {
  useUnsavedChangesGuard,
  useDialogCloseGuard,
  useFormDraft,
  readDraft,
  writeDraft,
  clearDraft,
} from './forms/unsaved-changes.tsx'

// API
export { ApiError, isApiError } from './api/api-error.ts'
export { apiFetch, toApiError, type ApiFetchOptions } from './api/api-fetch.ts'
export { downloadFile, saveBlob } from './api/download.ts'
export {
  applyFieldErrors,
  isShownOnFields,
  unmappedFieldErrors,
  type SetFieldError,
} from './api/form-errors.ts'
export { createQueryClient } from './api/query-client.ts'
export {
  userKeys,
  userQueries,
  invalidateUsers,
  participantOptionKeys,
  participantOptionQueries,
  type UserListParams,
} from './api/users.ts'
export {
  authKeys,
  authQueries,
  invalidateAuth,
  portalKeys,
  portalQueries,
  invalidatePortal,
  maintenanceKeys,
  maintenanceQueries,
  invalidateMaintenance,
  messageKeys,
  messageQueries,
  bundledCatalogue,
  invalidateMessages,
  attachmentKeys,
  attachmentQueries,
  invalidateAttachments,
  attachmentContentUrl,
  type AttachmentOwner,
  type CatalogueEntry,
} from './api/queries.ts'

// Session
export {
  useSession,
  useLoginMutation,
  usePasswordChangeMutation,
  useLogout,
  loginHref,
  safeNextPath,
} from './session/session.ts'
export { RequireSession } from './session/require-session.tsx'
export { RequireFunction, functionRoutes, routePaths } from './session/function-routes.tsx'
export { ApiErrorRedirects } from './session/api-error-redirects.tsx'
export { SessionExpiryWarning, sessionDeadline } from './session/session-expiry.tsx'

// Shell and screens
export { AppLayout } from './shell/app-layout.tsx'
export { StandaloneLayout } from './shell/standalone-layout.tsx'
export { ShellSkeleton } from './shell/shell-skeleton.tsx'
export { StandaloneSkeleton } from './shell/standalone-skeleton.tsx'
export { NavigationProgress } from './shell/navigation-progress.tsx'
export { functionHref, lazyComponent, lazyScreens } from './routes.ts'
export { SideMenu, groupMenu } from './shell/side-menu.tsx'
export { PasswordChangePage } from './pages/password-change-page.tsx'
export {
  NotFoundPage,
  ForbiddenPage,
  ServerErrorPage,
  RouteErrorPage,
} from './pages/error-pages.tsx'
export { MaintenancePage } from './pages/maintenance-page.tsx'
export { MessageCataloguePage, SeverityBadge } from './pages/message-catalogue-page.tsx'
export { SessionExpiredRedirect } from './pages/session-expired.tsx'
export { PortalTop, appOfFunction } from './portal/portal-top.tsx'

// Components
export { Page, useDocumentTitle, type PageProps } from './components/page.tsx'
export { FlashNotice, noticeState } from './components/flash-notice.tsx'
export {
  COLUMN_WIDTHS,
  DataTable,
  createColumnHelper,
  type ColumnWidthClass,
  type DataTableProps,
  type ColumnDef,
  type SortingState,
} from './components/data-table.tsx'
export { AttachmentPanel, type AttachmentPanelProps } from './components/attachment-panel.tsx'
export { ConfirmDialog, type ConfirmDialogProps } from './components/confirm-dialog.tsx'
export { MonthField, lastEndedMonth, shiftMonth } from './components/month-field.tsx'
export { DeadlineCountdown, useNow } from './components/deadline-countdown.tsx'
export { ListPager, PAGE_SIZES, type ListPagerProps } from './components/list-pager.tsx'
export {
  CsvExportMenu,
  csvExportHref,
  type CsvExportMenuProps,
} from './components/csv-export-menu.tsx'
export * from './components/icons.tsx'

// Notices (A30): queries shared by the notice screens and the delivery portal's panel
export {
  NOTICES_PATH,
  noticeKeys,
  noticeQueries,
  type NoticeListParams,
} from './notices/notices-api.ts'
export { NoticeCategoryBadge, NoticeStateBadge, UnreadDot } from './notices/notice-bits.tsx'

// List kit: every list screen of both SPAs
export { ListScreen, type ListScreenProps } from './list/list-screen.tsx'
export {
  FilterBar,
  DateRangeFilter,
  type FilterBarProps,
  type DateRangeFilterProps,
} from './list/filter-bar.tsx'
export {
  ChoiceFilter,
  KeywordFilter,
  type ChoiceFilterProps,
  type KeywordFilterProps,
} from './list/filter-fields.tsx'
export {
  ParticipantFilter,
  ParticipantSelect,
  participantLabel,
  type ParticipantSelectProps,
} from './list/participant-select.tsx'
export { useListState, type ListState } from './list/use-list-state.ts'
export {
  DEFAULT_PAGE_SIZE,
  readPage,
  readSorting,
  sortParam,
  readChoice,
  readDate,
  readText,
  readId,
  nextParams,
  exportFileName,
} from './list/list-params.ts'
export {
  DateField,
  DateTimeField,
  type DateFieldProps,
  type DateTimeFieldProps,
} from './forms/date-field.tsx'

// Formatting
export {
  TIME_ZONE,
  formatDateTime,
  formatDate,
  formatNumber,
  byteSize,
  remainingUntil,
  timestampOf,
  toJstInputValue,
  fromJstInputValue,
} from './format/format.ts'

// Applications (申込 → 審査) shared by the record features, and the per-kind view registry
export {
  APPLICATIONS_PATH,
  applicationKeys,
  applicationPdfPath,
  applicationQueries,
  invalidateApplications,
  isConflict,
  useTransitionApplication,
  type ApplicationListParams,
  type TransitionInput,
} from './applications/api.ts'
export { withoutProposedPrefix } from './applications/errors.ts'
export { canEditGroup } from './applications/permissions.ts'
export {
  APPLICATION_KINDS,
  APPLICATION_STATES,
  OPEN_STATES,
  useApplicationTitle,
  useEntityTypeLabel,
  useHistoryActionLabel,
} from './applications/labels.ts'
export {
  CancelReasonCorrection,
  CorrectionButtons,
  useCorrect,
  type CorrectionPanelProps,
} from './applications/correction.tsx'
export { CancelApplicationDialog } from './applications/cancel-dialog.tsx'
export { DoneNotice, type DoneKey } from './applications/done-notice.tsx'
export { HistoryTimeline } from './applications/history-timeline.tsx'
export { StateBadge } from './applications/state-badge.tsx'
export {
  ApplicationViewsProvider,
  useApplicationViews,
  type ApplicationView,
  type ApplicationViews,
  type ContentGroup,
  type ContentRow,
  type Translate,
} from './applications/views.tsx'
export { CopyField } from './components/copy-field.tsx'

// Participant information (030, 700): the profile's fields, their form and their view
export { toBankHolder, toFullWidthKatakana, toHalfWidthAscii } from './participants/normalize.ts'
export {
  ADMINISTRATOR_FIELDS,
  CODE_FIELDS,
  PROFILE_FIELDS,
  PROFILE_GROUPS,
  emptyProfile,
  isProfileField,
  profileOf,
  useProfileValueText,
  type AdministratorField,
  type ProfileField,
  type ProfileGroup,
} from './participants/profile.ts'
export { FORM_ROW, ProfileFields, type ProfileFieldsProps } from './participants/profile-fields.tsx'
export { ProfileView, ValueRow, type ProfileViewProps } from './participants/profile-view.tsx'

// Bulk files (220 / 500 / G10 / K10): the one upload panel, result and item-list screens
export {
  BULK_IMPORTS_PATH,
  BULK_FORMATS_PATH,
  bulkKeys,
  bulkQueries,
  formatsOfApp,
  isRunning,
  useStartBulkImport,
  type BulkImportListParams,
} from './bulk/api.ts'
export {
  BulkUploadPanel,
  SampleButton,
  useFormatName,
  type BulkUploadPanelProps,
} from './bulk/bulk-upload-panel.tsx'
export { BulkImportResult, BulkStateBadge, ErrorFileButton } from './bulk/bulk-import-result.tsx'
export { FileItemsScreen, type FileItemsScreenProps } from './bulk/file-items-screen.tsx'
export { BulkSamplesScreen } from './bulk/bulk-samples-screen.tsx'
export {
  BulkImportScreen,
  BulkImportsScreen,
  type BulkImportsScreenProps,
} from './bulk/bulk-imports-screen.tsx'
