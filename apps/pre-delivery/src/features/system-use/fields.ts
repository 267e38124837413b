import type { SystemUseApplication } from '@yoryo/contracts'
import { ADMINISTRATOR_FIELDS, PROFILE_FIELDS, emptyProfile, profileOf } from '@yoryo/ui'

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

/** A nested object of proposed values (an empty one when absent). */
export function objectAt(value: unknown): { [key: string]: unknown } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? { ...value } : {}
}

/** The proposed values of an application as the form's values (to correct a returned one). */
export function systemUseValuesOf(proposed: { [key: string]: unknown }): SystemUseFormValues {
  const participant = objectAt(proposed.participant)
  const administrator = objectAt(proposed.administrator)
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
