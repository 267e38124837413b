import { zodResolver } from '@hookform/resolvers/zod'
import {
  Button,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core'
import {
  areas,
  deliveryYearOfMonth,
  fiscalYearMonths,
  fiscalYearOf,
  replacementPostingInputSchema,
  replacementPostingTypes,
  resourceKinds,
  type ReplacementPosting,
} from '@yoryo/contracts'
import {
  ApiErrorAlert,
  applyFieldErrors,
  DateField,
  isShownOnFields,
  useFieldErrorText,
  useFocusWhenEnabled,
  useTranslation,
  zodIssueToMessage,
} from '@yoryo/ui'
import { Controller, useForm, useWatch } from 'react-hook-form'
import type { z } from 'zod'
import { useSavePosting } from '../api.ts'

type Schema = typeof replacementPostingInputSchema
type Input = z.input<Schema>
const FIELDS = [
  'postingType',
  'area',
  'kind',
  'kw',
  'fromMonth',
  'toMonth',
  'contact',
  'note',
  'expiresOn',
] as const

/** The delivery years offered: this fiscal year and the next four (the auctions' horizon). */
function yearsOffered(now = new Date()): number[] {
  const first = fiscalYearOf(now)
  return [0, 1, 2, 3, 4].map((i) => first + i)
}

/**
 * 差替掲示板に掲載 / 掲載の変更 (140): the posting's fields (the contract's schema is the
 * resolver); months are chosen from one delivery year, so the period stays inside it. A change
 * sends the version shown (E-COMMON-004 when changed meanwhile).
 */
export function PostingDialog({
  posting,
  onSaved,
  onClose,
}: {
  posting: ReplacementPosting | null
  onSaved: (saved: ReplacementPosting) => void
  onClose: () => void
}) {
  const { t } = useTranslation()
  const fieldErrorText = useFieldErrorText()
  const save = useSavePosting()
  const years = yearsOffered()
  const initialYear = posting ? deliveryYearOfMonth(posting.fromMonth) : (years[1] ?? years[0]!)
  const form = useForm<Input & { deliveryYear: string }, unknown, z.output<Schema>>({
    resolver: zodResolver(replacementPostingInputSchema, { error: zodIssueToMessage }) as never,
    defaultValues: posting
      ? {
          deliveryYear: String(initialYear),
          postingType: posting.postingType,
          area: posting.area,
          kind: posting.kind,
          kw: posting.kw,
          fromMonth: posting.fromMonth,
          toMonth: posting.toMonth,
          contact: posting.contact,
          note: posting.note,
          expiresOn: null,
        }
      : {
          deliveryYear: String(initialYear),
          postingType: 'offer',
          area: undefined as never,
          kind: null,
          kw: undefined as never,
          fromMonth: fiscalYearMonths(initialYear)[0],
          toMonth: fiscalYearMonths(initialYear)[11],
          contact: '',
          note: '',
          expiresOn: null,
        },
  })
  const { errors } = form.formState
  const busy = save.isPending
  const focusField = useFocusWhenEnabled(form.setFocus, busy)
  const year = Number(useWatch({ control: form.control, name: 'deliveryYear' }))
  const monthOptions = fiscalYearMonths(year).map((m) => ({ value: m, label: m.replace('-', '/') }))
  const onSubmit = form.handleSubmit(async (values) => {
    try {
      onSaved(await save.mutateAsync({ posting, values }))
    } catch (error) {
      applyFieldErrors(error, form.setError, FIELDS, focusField)
    }
  })
  const select = (
    name: 'postingType' | 'area' | 'kind' | 'fromMonth' | 'toMonth',
    label: string,
    data: { value: string; label: string }[],
    required = true,
  ) => (
    <Controller
      control={form.control}
      name={name}
      render={({ field }) => (
        <Select
          label={label}
          required={required}
          data={data}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
          value={(field.value as string | null) ?? ''}
          onChange={(v) => field.onChange(v === '' ? null : v)}
          onBlur={field.onBlur}
          ref={field.ref}
          name={field.name}
          error={fieldErrorText(errors[name])}
          data-testid={`posting-${name}`}
        />
      )}
    />
  )
  return (
    <Modal
      opened
      onClose={busy ? () => undefined : onClose}
      size="lg"
      centered
      title={
        <Text fw={700}>
          {posting ? t('replacementBoard.form.editTitle') : t('replacementBoard.form.createTitle')}
        </Text>
      }
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={onSubmit} noValidate data-testid="posting-form">
        <Stack gap="sm">
          {save.error && !isShownOnFields(save.error, FIELDS) ? (
            <ApiErrorAlert error={save.error} />
          ) : null}
          <fieldset disabled={busy} className="yoryo-fieldset">
            <Stack gap="sm">
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                {select(
                  'postingType',
                  t('replacementBoard.fields.postingType'),
                  replacementPostingTypes.map((v) => ({
                    value: v,
                    label: t(`replacementBoard.postingType.${v}`),
                  })),
                )}
                {select(
                  'area',
                  t('replacementBoard.fields.area'),
                  areas.map((v) => ({ value: v, label: t(`resources.area.${v}`) })),
                )}
                {select(
                  'kind',
                  t('replacementBoard.fields.kind'),
                  [
                    { value: '', label: t('replacementBoard.anyKind') },
                    ...resourceKinds.map((v) => ({ value: v, label: t(`resources.kind.${v}`) })),
                  ],
                  false,
                )}
                <Controller
                  control={form.control}
                  name="kw"
                  render={({ field }) => (
                    <NumberInput
                      label={t('replacementBoard.fields.kw')}
                      required
                      allowDecimal={false}
                      allowNegative={false}
                      thousandSeparator=","
                      value={field.value ?? ''}
                      onChange={(v) => field.onChange(typeof v === 'number' ? v : undefined)}
                      onBlur={field.onBlur}
                      ref={field.ref}
                      name={field.name}
                      error={fieldErrorText(errors.kw)}
                      data-testid="posting-kw"
                    />
                  )}
                />
              </SimpleGrid>
              <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
                <Controller
                  control={form.control}
                  name="deliveryYear"
                  render={({ field }) => (
                    <Select
                      label={t('replacements.fields.deliveryYear')}
                      data={years.map((y) => ({
                        value: String(y),
                        label: t('replacements.fiscalYear', { year: y }),
                      }))}
                      allowDeselect={false}
                      comboboxProps={{ withinPortal: true }}
                      value={field.value}
                      onChange={(v) => {
                        const months = fiscalYearMonths(Number(v))
                        field.onChange(v)
                        form.setValue('fromMonth', months[0] ?? '')
                        form.setValue('toMonth', months[11] ?? '')
                      }}
                      data-testid="posting-deliveryYear"
                    />
                  )}
                />
                {select('fromMonth', t('replacementBoard.fields.fromMonth'), monthOptions)}
                {select('toMonth', t('replacementBoard.fields.toMonth'), monthOptions)}
              </SimpleGrid>
              <TextInput
                label={t('replacementBoard.fields.contact')}
                description={t('replacementBoard.form.contactHint')}
                required
                maxLength={200}
                {...form.register('contact')}
                error={fieldErrorText(errors.contact)}
                data-testid="posting-contact"
              />
              <Textarea
                label={t('replacementBoard.fields.note')}
                autosize
                minRows={2}
                maxLength={1000}
                {...form.register('note')}
                error={fieldErrorText(errors.note)}
              />
              <Controller
                control={form.control}
                name="expiresOn"
                render={({ field }) => (
                  <DateField
                    label={t('replacementBoard.fields.expiresOn')}
                    description={t('replacementBoard.form.expiresHint')}
                    w={220}
                    value={field.value ?? ''}
                    onChange={(v) => field.onChange(v === '' ? null : v)}
                    onBlur={field.onBlur}
                    ref={field.ref}
                    name={field.name}
                    error={fieldErrorText(errors.expiresOn)}
                  />
                )}
              />
            </Stack>
          </fieldset>
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose} disabled={busy}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy} data-testid="posting-submit">
              {t('replacementBoard.form.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
