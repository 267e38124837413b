import type { ParticipantProfile } from '@yoryo/contracts'
import { useTranslation } from 'react-i18next'
import { useCallback } from 'react'

/** The fields of a participant's profile (030, 700), in the order of the form and the views. */
export type ProfileField = keyof ParticipantProfile

export type ProfileGroup = 'basic' | 'contact' | 'bank'

export const PROFILE_GROUPS: readonly { group: ProfileGroup; fields: readonly ProfileField[] }[] = [
  {
    group: 'basic',
    fields: [
      'name',
      'nameKana',
      'nameEn',
      'corporateNumber',
      'postalCode',
      'address',
      'representativeTitle',
      'representativeName',
      'licenseCategory',
    ],
  },
  {
    group: 'contact',
    fields: ['contactDepartment', 'contactName', 'contactEmail', 'contactPhone'],
  },
  {
    group: 'bank',
    fields: [
      'bankCode',
      'bankBranchCode',
      'bankAccountType',
      'bankAccountNumber',
      'bankAccountHolder',
    ],
  },
]

export const PROFILE_FIELDS: readonly ProfileField[] = PROFILE_GROUPS.flatMap((g) => g.fields)

/** Codes and numbers: shown in the fixed-width face. */
export const CODE_FIELDS: ReadonlySet<string> = new Set([
  'corporateNumber',
  'postalCode',
  'contactPhone',
  'bankCode',
  'bankBranchCode',
  'bankAccountNumber',
  'code',
  'userId',
  'phone',
])

export function isProfileField(name: string): name is ProfileField {
  return (PROFILE_FIELDS as readonly string[]).includes(name)
}

/** The first administrator of a system use application (700). */
export const ADMINISTRATOR_FIELDS = ['userId', 'name', 'email', 'phone'] as const
export type AdministratorField = (typeof ADMINISTRATOR_FIELDS)[number]

/** An empty profile for a new form (no choice made: the schema reports them as required). */
export function emptyProfile(): Partial<ParticipantProfile> {
  return {
    name: '',
    nameKana: '',
    nameEn: '',
    corporateNumber: '',
    postalCode: '',
    address: '',
    representativeName: '',
    representativeTitle: '',
    licenseCategory: undefined,
    contactName: '',
    contactDepartment: '',
    contactEmail: '',
    contactPhone: '',
    bankCode: '',
    bankBranchCode: '',
    bankAccountType: undefined,
    bankAccountNumber: '',
    bankAccountHolder: '',
  }
}

/** The profile fields of any record (a participant, proposed values), for a form. */
export function profileOf(
  source: Partial<Record<ProfileField, unknown>>,
): Partial<ParticipantProfile> {
  const profile: Record<string, unknown> = emptyProfile()
  for (const field of PROFILE_FIELDS) {
    const value = source[field]
    if (typeof value === 'string' && value !== '') profile[field] = value
  }
  return profile as Partial<ParticipantProfile>
}

/** A profile value as shown: choices by their label, other values as they are. */
export function useProfileValueText(): (field: string, value: unknown) => string {
  const { t } = useTranslation()
  return useCallback(
    (field: string, value: unknown) => {
      if (value === null || value === undefined || value === '') return ''
      if (field === 'licenseCategory' && typeof value === 'string') {
        return t(`participant.licenseCategory.${value as ParticipantProfile['licenseCategory']}`)
      }
      if (field === 'bankAccountType' && typeof value === 'string') {
        return t(`participant.bankAccountType.${value as ParticipantProfile['bankAccountType']}`)
      }
      if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
        return String(value)
      }
      return JSON.stringify(value)
    },
    [t],
  )
}
