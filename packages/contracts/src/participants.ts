import { z } from 'zod'
import { timestampSchema } from './common.ts'
import { listQuerySchema } from './list.ts'
import { participantKindSchema } from './roles.ts'
import { rule } from './validation.ts'

/** 法人番号: 13 digits; the first is a check digit over the other twelve (NTA specification). */
export function isValidCorporateNumber(value: string): boolean {
  if (!/^\d{13}$/.test(value)) return false
  const base = value.slice(1)
  let sum = 0
  for (let n = 1; n <= 12; n++) {
    const digit = Number(base[12 - n])
    sum += digit * (n % 2 === 1 ? 1 : 2)
  }
  return Number(value[0]) === 9 - (sum % 9)
}

/** Half-width katakana, digits, capitals and the symbols banks accept in an account holder. */
export const HALF_WIDTH_KANA_HOLDER = /^[0-9A-Zｦ-ﾟ ().,\-/]+$/

export const licenseCategorySchema = z
  .enum(['generation', 'retail', 'specifiedWholesale', 'none'])
  .meta({ id: 'LicenseCategory' })
export type LicenseCategory = z.infer<typeof licenseCategorySchema>

export const bankAccountTypeSchema = z
  .enum(['ordinary', 'current', 'savings'])
  .meta({ id: 'BankAccountType' })

const text = (max: number) => z.string().trim().min(1).max(max)
const fullWidthKana = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .refine((v) => /^[ァ-ヶー\u3000\s]+$/.test(v), rule('E-PART-003'))

/**
 * The company details of a participant (700 application form, 030 participant information).
 * The one schema validates the API request, the form and a CSV row.
 */
export const participantProfileSchema = z
  .object({
    name: text(100).describe('事業者名'),
    nameKana: fullWidthKana.describe('事業者名(カナ)'),
    nameEn: text(100).describe('事業者名(英語)'),
    corporateNumber: z
      .string()
      .trim()
      .regex(/^\d{13}$/, rule('E-PART-001'))
      .refine(isValidCorporateNumber, rule('E-PART-002'))
      .describe('法人番号'),
    postalCode: z
      .string()
      .trim()
      .regex(/^\d{3}-?\d{4}$/, rule('E-PART-004'))
      .describe('郵便番号'),
    address: text(200).describe('所在地'),
    representativeName: text(50).describe('代表者氏名'),
    representativeTitle: text(50).describe('代表者役職'),
    licenseCategory: licenseCategorySchema.describe('ライセンス区分'),
    contactName: text(50).describe('担当者氏名'),
    contactDepartment: text(100).describe('担当部署'),
    contactEmail: z.email(rule('E-PART-005')).max(254).describe('担当者メールアドレス'),
    contactPhone: z
      .string()
      .trim()
      .regex(/^0\d{1,4}-?\d{1,4}-?\d{3,4}$/, rule('E-PART-006'))
      .describe('担当者電話番号'),
    bankCode: z
      .string()
      .regex(/^\d{4}$/, rule('E-PART-007'))
      .describe('金融機関コード'),
    bankBranchCode: z
      .string()
      .regex(/^\d{3}$/, rule('E-PART-009'))
      .describe('支店コード'),
    bankAccountType: bankAccountTypeSchema.describe('預金種目'),
    bankAccountNumber: z
      .string()
      .regex(/^\d{7}$/, rule('E-PART-010'))
      .describe('口座番号'),
    bankAccountHolder: z
      .string()
      .min(1)
      .max(30)
      .regex(HALF_WIDTH_KANA_HOLDER, rule('E-PART-008'))
      .describe('口座名義(半角カナ)'),
  })
  .meta({ id: 'ParticipantProfile' })
export type ParticipantProfile = z.infer<typeof participantProfileSchema>

/** The first administrator named in a system use application (700). */
export const administratorSchema = z
  .object({
    userId: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{2,31}$/, rule('E-USER-002'))
      .describe('ユーザID'),
    name: text(50).describe('氏名'),
    email: z.email(rule('E-PART-005')).max(254).describe('メールアドレス'),
    phone: z
      .string()
      .trim()
      .regex(/^0\d{1,4}-?\d{1,4}-?\d{3,4}$/, rule('E-PART-006'))
      .describe('電話番号'),
  })
  .meta({ id: 'Administrator' })

/** 容量市場システム利用申込書 (700/701): the company and its first administrator. */
export const systemUseApplicationSchema = z
  .object({ participant: participantProfileSchema, administrator: administratorSchema })
  .meta({ id: 'SystemUseApplication' })
export type SystemUseApplication = z.infer<typeof systemUseApplicationSchema>

export const participantSchema = participantProfileSchema
  .partial()
  .extend({
    id: z.uuid(),
    code: z.string(),
    kind: participantKindSchema,
    name: z.string(),
    status: z.enum(['active', 'cancelled']),
    version: z.number().int(),
    createdAt: timestampSchema,
    updatedAt: timestampSchema,
  })
  .meta({ id: 'Participant' })
export type Participant = z.infer<typeof participantSchema>

/** The columns the participant list (030) sorts by: every column it shows. */
export const participantSortFields = [
  'code',
  'name',
  'nameKana',
  'corporateNumber',
  'licenseCategory',
  'status',
  'createdAt',
] as const
export type ParticipantSortField = (typeof participantSortFields)[number]

export const participantListQuerySchema = listQuerySchema.extend({
  q: z
    .string()
    .trim()
    .max(100)
    .optional()
    .describe('Part of the code, the name or its kana (taken literally)'),
  status: z.enum(['active', 'cancelled']).optional(),
})
export type ParticipantListQuery = z.infer<typeof participantListQuerySchema>
