import {
  Group,
  Radio,
  Stack,
  Text,
  TextInput,
  Title,
  rem,
  type TextInputProps,
} from '@mantine/core'
import {
  bankAccountTypeSchema,
  licenseCategorySchema,
  type ParticipantProfile,
} from '@yoryo/contracts'
import { useTranslation } from 'react-i18next'
import { useFieldErrorText } from '../messages/message-text.tsx'
import type { FocusEvent, ReactNode } from 'react'
import { Controller, get, useFormContext } from 'react-hook-form'
import { toBankHolder, toFullWidthKatakana, toHalfWidthAscii } from './normalize.ts'
import { PROFILE_GROUPS, type ProfileField, type ProfileGroup } from './profile.ts'

/** Hint, then error, under the input (the label sits at the left in `.yoryo-form-table`). */
export const FORM_ROW: {
  inputWrapperOrder: ('label' | 'input' | 'description' | 'error')[]
} = { inputWrapperOrder: ['label', 'input', 'description', 'error'] }

type Normalize = (value: string) => string

const digits: Normalize = (v) => toHalfWidthAscii(v, { hyphens: true }).replace(/\s/g, '')
/** 〒 as written on mail: 1000005 → 100-0005. */
const postal: Normalize = (v) => digits(v).replace(/^(\d{3})(\d{4})$/, '$1-$2')
const ascii: Normalize = (v) => toHalfWidthAscii(v).trim()

/** Per field: width, keyboard, autofill, normalisation and hint. */
const FIELD_PROPS: Record<
  Exclude<ProfileField, 'licenseCategory' | 'bankAccountType'>,
  {
    width?: number
    maxLength: number
    inputMode?: TextInputProps['inputMode']
    type?: string
    autoComplete?: string
    normalize?: Normalize
    code?: boolean
  }
> = {
  name: { maxLength: 100, autoComplete: 'organization' },
  nameKana: { maxLength: 100, normalize: toFullWidthKatakana },
  nameEn: { maxLength: 100, autoComplete: 'off' },
  corporateNumber: {
    width: 200,
    maxLength: 13,
    inputMode: 'numeric',
    normalize: digits,
    code: true,
  },
  postalCode: {
    width: 140,
    maxLength: 8,
    inputMode: 'numeric',
    autoComplete: 'postal-code',
    normalize: postal,
    code: true,
  },
  address: { maxLength: 200, autoComplete: 'street-address' },
  representativeTitle: { width: 280, maxLength: 50 },
  representativeName: { width: 280, maxLength: 50 },
  contactDepartment: { maxLength: 100 },
  contactName: { width: 280, maxLength: 50, autoComplete: 'name' },
  contactEmail: {
    width: 360,
    maxLength: 254,
    type: 'email',
    autoComplete: 'email',
    normalize: ascii,
  },
  contactPhone: {
    width: 200,
    maxLength: 15,
    type: 'tel',
    autoComplete: 'tel',
    normalize: digits,
    code: true,
  },
  bankCode: { width: 100, maxLength: 4, inputMode: 'numeric', normalize: digits, code: true },
  bankBranchCode: { width: 100, maxLength: 3, inputMode: 'numeric', normalize: digits, code: true },
  bankAccountNumber: {
    width: 140,
    maxLength: 7,
    inputMode: 'numeric',
    normalize: digits,
    code: true,
  },
  bankAccountHolder: { width: 360, maxLength: 30, normalize: toBankHolder, code: false },
}

const HINTS = {
  nameKana: 'participant.hints.nameKana',
  corporateNumber: 'participant.hints.corporateNumber',
  postalCode: 'participant.hints.postalCode',
  contactPhone: 'participant.hints.phone',
  bankCode: 'participant.hints.bankCode',
  bankBranchCode: 'participant.hints.bankBranchCode',
  bankAccountNumber: 'participant.hints.bankAccountNumber',
  bankAccountHolder: 'participant.hints.bankAccountHolder',
} as const
type HintKey = (typeof HINTS)[keyof typeof HINTS]
const hintOf = (field: ProfileField): HintKey | undefined =>
  (HINTS as Partial<Record<ProfileField, HintKey>>)[field]

export interface ProfileFieldsProps {
  /** Where the profile sits in the form's values: `participant` (700) or the root (030). */
  prefix?: string
  /** Rows to mark as changed from the current values (030 change application). */
  changed?: ReadonlySet<string>
  /** Heading level of the groups. */
  headingOrder?: 2 | 3
}

/**
 * The profile of a participant as a form, in three groups (基本情報・連絡先・支払先口座), inside
 * a react-hook-form `FormProvider` whose resolver is the contract's schema. Shared by the system
 * use application (700) and the change application (030).
 */
export function ProfileFields({ prefix, changed, headingOrder = 2 }: ProfileFieldsProps) {
  const { t } = useTranslation()
  const fieldErrorText = useFieldErrorText()
  const form = useFormContext()
  const { errors, isSubmitted } = form.formState
  const nameOf = (field: ProfileField) => (prefix ? `${prefix}.${field}` : field)
  const errorOf = (field: ProfileField) =>
    fieldErrorText(get(errors, nameOf(field)) as { message?: string } | undefined)

  const textField = (field: Exclude<ProfileField, 'licenseCategory' | 'bankAccountType'>) => {
    const props = FIELD_PROPS[field]
    const name = nameOf(field)
    const registered = form.register(name)
    const hint = hintOf(field)
    return (
      <TextInput
        key={field}
        {...FORM_ROW}
        label={t(`participant.fields.${field}`)}
        description={hint ? t(hint) : undefined}
        required
        maxLength={props.maxLength}
        inputMode={props.inputMode}
        type={props.type}
        autoComplete={props.autoComplete ?? 'off'}
        spellCheck={false}
        styles={props.width ? { wrapper: { maxWidth: rem(props.width) } } : undefined}
        classNames={props.code ? { input: 'yoryo-code' } : undefined}
        wrapperProps={{ 'data-changed': changed?.has(field) || undefined }}
        {...registered}
        onBlur={(event: FocusEvent<HTMLInputElement>) => {
          const normalize = props.normalize
          if (normalize) {
            const next = normalize(event.currentTarget.value)
            if (next !== event.currentTarget.value) {
              form.setValue(name, next, { shouldDirty: true, shouldValidate: isSubmitted })
            }
          }
          return registered.onBlur(event)
        }}
        error={errorOf(field)}
      />
    )
  }

  const choiceField = (
    field: 'licenseCategory' | 'bankAccountType',
    options: readonly string[],
  ) => (
    <Controller
      key={field}
      control={form.control}
      name={nameOf(field)}
      render={({ field: control }) => (
        <Radio.Group
          {...FORM_ROW}
          label={t(`participant.fields.${field}`)}
          required
          value={(control.value as string | undefined) ?? ''}
          onChange={control.onChange}
          name={control.name}
          error={errorOf(field)}
          wrapperProps={{ 'data-changed': changed?.has(field) || undefined }}
        >
          <Group gap="lg" py={6}>
            {options.map((option, i) => (
              <Radio
                key={option}
                value={option}
                label={
                  field === 'licenseCategory'
                    ? t(
                        `participant.licenseCategory.${option as ParticipantProfile['licenseCategory']}`,
                      )
                    : t(
                        `participant.bankAccountType.${option as ParticipantProfile['bankAccountType']}`,
                      )
                }
                onBlur={control.onBlur}
                ref={i === 0 ? control.ref : undefined}
              />
            ))}
          </Group>
        </Radio.Group>
      )}
    />
  )

  const renderField = (field: ProfileField) => {
    if (field === 'licenseCategory') return choiceField(field, licenseCategorySchema.options)
    if (field === 'bankAccountType') return choiceField(field, bankAccountTypeSchema.options)
    return textField(field)
  }

  return (
    <Stack gap="lg">
      {PROFILE_GROUPS.map(({ group, fields }) => (
        <ProfileGroupSection key={group} group={group} order={headingOrder}>
          {fields.map(renderField)}
        </ProfileGroupSection>
      ))}
    </Stack>
  )
}

function ProfileGroupSection({
  group,
  order,
  children,
}: {
  group: ProfileGroup
  order: 2 | 3
  children: ReactNode
}) {
  const { t } = useTranslation()
  const id = `profile-group-${group}`
  return (
    <section aria-labelledby={id}>
      <Title order={order} id={id} className="yoryo-section-title" mb="xs">
        {t(`participant.sections.${group}`)}
      </Title>
      {group === 'bank' ? <BankNote /> : null}
      <div className="yoryo-form-table">{children}</div>
    </section>
  )
}

function BankNote() {
  const { t } = useTranslation()
  return (
    <Text fz="sm" c="dimmed" mb="xs">
      {t('systemUse.sections.bankNote')}
    </Text>
  )
}
