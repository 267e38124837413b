/**
 * What the applications module offers the modules of reviewed records: declare a handler,
 * file an application, show one. Other modules import only this file (the lint zone of eslint.config.js); this module imports none
 * of them (each registers its handler on `app.entityHandlers` when the app is built).
 */
export {
  defineEntityHandler,
  EntityHandlers,
  parseOrFieldErrors,
  type Applied,
  type CheckContext,
  type EntityHandler,
  type FiledApplication,
  type KindDefinition,
} from './handler.ts'
export {
  checkApplication,
  createApplication,
  createApplications,
  type ApplicationFiling,
  type FiledReceipt,
  forPublicApplicant,
  loadByAccessKey,
  toApplication,
  transition,
  updateProposed,
  applicationDocument,
  newReceiptNo,
} from './service.ts'
export { findApplicationSummaries, reviewQueueCounts } from './service.ts'
export { applicationRoutes, type ApplicationRoutesOptions } from './application-routes.ts'
export { currentWindow, windowsFor } from './window.ts'
