import { attachmentSchema } from '@yoryo/contracts'

/**
 * Response schemas of the calls the entry chunk makes (session, maintenance, portal, the shared
 * queries), loaded on demand through `responseSchema(name)` so that zod stays out of the SPAs'
 * first load (issue 7 budget). Feature chunks import their schemas directly.
 */
export {
  maintenanceStatusSchema,
  noticePageSchema,
  noticeSchema,
  noticeUnreadSchema,
  okSchema,
  portalSchema,
  sessionUserSchema,
} from '@yoryo/contracts'

export const attachmentListSchema = attachmentSchema.array()
