import { z } from 'zod'

/**
 * Every list endpoint takes paging, sorting and its own filters, and exports the same filtered
 * list as CSV with `format=csv` (K21). CSV is Shift_JIS with CRLF by default (Excel), or UTF-8.
 */
export const listQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
  sort: z.string().max(50).optional().describe('Field to sort by; prefix "-" for descending'),
  format: z.enum(['json', 'csv']).default('json'),
  encoding: z.enum(['shift_jis', 'utf-8']).default('shift_jis').describe('CSV encoding'),
})
export type ListQuery = z.infer<typeof listQuerySchema>

export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
}
