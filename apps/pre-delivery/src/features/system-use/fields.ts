import type { SystemUseApplication } from '@yoryo/contracts'
import {
  ADMINISTRATOR_FIELDS,
  PROFILE_FIELDS,
  emptyProfile,
  profileOf,
} from '../participants/profile.ts'

/** The form of a system use application (700): the company and its first administrator. */
export type SystemUseFormValues = {
  participant: Partial<SystemUseApplication['participant']>
  administrator: SystemUseApplication['administrator']
}

/** Every field of the form, as react-hook-form paths (API field errors land on these). */
export const SYSTEM_USE_FIELDS = [
  ...PROFILE_FIELDS.map((field) => `participant.${field}` as const),
  ...ADMINISTRATOR_FIELDS.map((field) => `administrator.${field}` as const),
]

export function emptySystemUse(): SystemUseFormValues {
  return {
    participant: emptyProfile(),
    administrator: { userId: '', name: '', email: '', phone: '' },
  }
}

/** The proposed values of an application as the form's values (to correct a returned one). */
export function systemUseValuesOf(proposed: Record<string, unknown>): SystemUseFormValues {
  const participant = (proposed.participant ?? {}) as Record<string, unknown>
  const administrator = (proposed.administrator ?? {}) as Record<string, unknown>
  const text = (value: unknown) => (typeof value === 'string' ? value : '')
  return {
    participant: profileOf(participant),
    administrator: {
      userId: text(administrator.userId),
      name: text(administrator.name),
      email: text(administrator.email),
      phone: text(administrator.phone),
    },
  }
}
