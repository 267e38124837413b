import { zodResolver } from '@hookform/resolvers/zod'
import {
  Alert,
  Button,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import {
  areas,
  diffValues,
  generationTypesByKind,
  resourceKinds,
  supportSchemeSchema,
  type ResourceInput,
  type ResourceKind,
} from '@yoryo/contracts'
import {
  ApiErrorAlert,
  DataTable,
  applyFieldErrors,
  createColumnHelper,
  isShownOnFields,
  useFieldErrorText,
  useFocusWhenEnabled,
  useTranslation,
  withoutProposedPrefix,
  zodIssueToMessage,
  type TFunction,
} from '@yoryo/ui'
import { useEffect, useRef, useState, type ReactNode } from 'react'
import {
  Controller,
  FormProvider,
  useForm,
  useFormContext,
  useWatch,
  type FieldPath,
} from 'react-hook-form'
import { formSchema, toFormValues, type FormValues } from '../form.ts'
import {
  CODE_FIELDS,
  COMMON_FIELDS,
  KIND_FIELDS,
  MEMBER_FIELDS,
  SITE_FIELDS,
  resourceDiffLabel,
  resourceFieldLabel,
  resourceValueText,
} from '../values.ts'
import { ListEditor } from './list-editor.tsx'
import { ResourceValues } from './resource-values.tsx'

const diffColumn = createColumnHelper<{
  path: string
  label: string
  current: string
  proposed: string
}>()

function ChangeTable({
  current,
  proposed,
  t,
}: {
  current: ResourceInput
  proposed: ResourceInput
  t: TFunction
}) {
  const rows = diffValues(current, proposed).map((d) => ({
    path: d.path,
    label: resourceDiffLabel(d, t, proposed.kind),
    current: resourceValueText(d.path, d.current, t),
    proposed: resourceValueText(d.path, d.proposed, t),
  }))
  const columns = [
    diffColumn.accessor('label', {
      header: t('resources.form.item'),
      meta: { width: 260 },
      enableSorting: false,
    }),
    diffColumn.accessor('current', {
      header: t('resources.form.currentValue'),
      cell: (info) => info.getValue() || t('resources.form.empty'),
      enableSorting: false,
    }),
    diffColumn.accessor('proposed', {
      header: t('resources.form.newValue'),
      cell: (info) => (
        <span className="yoryo-changed-value">{info.getValue() || t('resources.form.empty')}</span>
      ),
      enableSorting: false,
    }),
  ]
  return (
    <DataTable
      label={t('resources.form.confirmTitle')}
      data={rows}
      columns={columns}
      getRowId={(row) => row.path}
      testId="resource-change-confirm"
    />
  )
}

/** What a resource form files: a new application, or the corrected values of one. */
export interface ResourceFormProps {
  /** The form's start (empty: a new registration). */
  initial?: ResourceInput
  /** The resource as it is (a change): kind and area fixed, 確認 shows the difference. */
  current?: ResourceInput
  /** Files the confirmed values; throws the API's error (shown on the fields). */
  onFile: (proposed: ResourceInput) => Promise<void>
  busy: boolean
  error: unknown
  /** With a 確認 step before filing (else the values are filed at once: a draft saved). */
  confirmStep?: boolean
  /** The label of the filing button (on 確認, or of the form without one). */
  fileLabel: string
  /** What 確認 says (default: applying with the values, or changing the items shown). */
  confirmDescription?: string
  /** The button that leaves the form. */
  cancel: ReactNode
  /** Heading level of the form's sections (2 on a page, 3 inside a panel). */
  headingOrder?: 2 | 3
}

/**
 * The per-kind resource form (members and sites editable as rows or loaded from CSV), its 確認
 * step and the filing: one implementation for a new application and the correction of one.
 */
export function ResourceForm({
  initial,
  current,
  onFile,
  busy,
  error: fileError,
  confirmStep = true,
  fileLabel,
  confirmDescription,
  cancel,
  headingOrder = 2,
}: ResourceFormProps) {
  const { t } = useTranslation()
  const form = useForm<FormValues, unknown, ResourceInput>({
    resolver: zodResolver(formSchema, { error: zodIssueToMessage }),
    defaultValues: toFormValues(initial?.kind ?? 'stable', initial),
  })
  const focusField = useFocusWhenEnabled(form.setFocus, busy)
  const kind = useWatch({ control: form.control, name: 'kind' })
  const [confirmed, setConfirmed] = useState<ResourceInput | null>(null)
  const [unchanged, setUnchanged] = useState(false)
  const confirmHeading = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    if (confirmed) confirmHeading.current?.focus()
  }, [confirmed])

  const fieldNames = (): FieldPath<FormValues>[] => {
    const values = form.getValues()
    return [
      ...COMMON_FIELDS,
      ...KIND_FIELDS[values.kind],
      ...values.members.flatMap((_, i) => MEMBER_FIELDS.map((f) => `members.${i}.${f}` as const)),
      ...values.sites.flatMap((_, i) => SITE_FIELDS.map((f) => `sites.${i}.${f}` as const)),
      'members',
      'sites',
    ] as FieldPath<FormValues>[]
  }

  const file = async (proposed: ResourceInput) => {
    try {
      await onFile(proposed)
    } catch (error) {
      setConfirmed(null)
      applyFieldErrors(withoutProposedPrefix(error), form.setError, fieldNames(), focusField)
    }
  }

  const onSubmit = form.handleSubmit(async (proposed) => {
    if (current && diffValues(current, proposed).length === 0) {
      setUnchanged(true)
      return
    }
    setUnchanged(false)
    if (!confirmStep) {
      await file(proposed)
      return
    }
    setConfirmed(proposed)
  })

  const error = fileError ? withoutProposedPrefix(fileError) : null
  const sectionTitle = (text: string) => (
    <Title order={headingOrder} className="yoryo-section-title">
      {text}
    </Title>
  )

  return (
    <FormProvider {...form}>
      {confirmed ? (
        <Stack gap="md" data-testid="resource-confirm">
          <Paper withBorder p="md" className="yoryo-panel">
            <Title
              order={headingOrder}
              ref={confirmHeading}
              tabIndex={-1}
              className="yoryo-section-title"
            >
              {t('resources.form.confirmTitle')}
            </Title>
            <Text fz="sm" mb="md">
              {confirmDescription ??
                (current
                  ? t('resources.form.changeConfirmDescription')
                  : t('resources.form.confirmDescription'))}
            </Text>
            {current ? (
              <ChangeTable current={current} proposed={confirmed} t={t} />
            ) : (
              <ResourceValues values={confirmed} />
            )}
          </Paper>
          <Group justify="space-between">
            <Button variant="default" disabled={busy} onClick={() => setConfirmed(null)}>
              {t('resources.form.back')}
            </Button>
            <Button
              loading={busy}
              onClick={() => void file(confirmed)}
              data-testid="resource-apply"
            >
              {fileLabel}
            </Button>
          </Group>
        </Stack>
      ) : null}
      <form onSubmit={onSubmit} noValidate hidden={confirmed !== null} data-testid="resource-form">
        <fieldset disabled={busy} className="yoryo-fieldset">
          <Stack gap="md">
            <Paper withBorder p="md" className="yoryo-panel">
              <Stack gap="md">
                {sectionTitle(t('resources.sections.basic'))}
                <CommonFields kind={kind} fixed={!!current} />
              </Stack>
            </Paper>
            {KIND_FIELDS[kind].length > 0 ? (
              <Paper withBorder p="md" className="yoryo-panel">
                <Stack gap="md">
                  {sectionTitle(t('resources.sections.capacity'))}
                  <KindFields kind={kind} />
                </Stack>
              </Paper>
            ) : null}
            {kind === 'variableAggregate' || kind === 'dispatchOrder' ? (
              <Paper withBorder p="md" className="yoryo-panel">
                <Stack gap="md">
                  {sectionTitle(
                    t(`resources.sections.${kind === 'variableAggregate' ? 'members' : 'sites'}`),
                  )}
                  <ListEditor list={kind === 'variableAggregate' ? 'members' : 'sites'} />
                </Stack>
              </Paper>
            ) : null}
            {unchanged ? (
              <Alert variant="light" color="orange" role="alert">
                <Text fz="sm">{t('resources.form.noChanges')}</Text>
              </Alert>
            ) : null}
            {error && !isShownOnFields(error, fieldNames()) ? (
              <ApiErrorAlert error={error} />
            ) : null}
            <Group justify="space-between">
              {cancel}
              <Button
                type="submit"
                loading={busy && !confirmStep}
                data-testid={confirmStep ? 'resource-next' : 'resource-apply'}
              >
                {confirmStep ? t('resources.form.next') : fileLabel}
              </Button>
            </Group>
          </Stack>
        </fieldset>
      </form>
    </FormProvider>
  )
}

function ChoiceField({
  name,
  label,
  options,
  disabled,
  testId,
}: {
  name: FieldPath<FormValues>
  label: string
  options: { value: string; label: string }[]
  disabled?: boolean
  testId?: string
}) {
  const form = useFormContext<FormValues>()
  const fieldErrorText = useFieldErrorText()
  return (
    <Controller
      control={form.control}
      name={name}
      render={({ field, fieldState }) => (
        <Select
          label={label}
          required
          data={options}
          value={(field.value as string) || null}
          onChange={(v) => field.onChange(v ?? '')}
          onBlur={field.onBlur}
          ref={field.ref}
          name={field.name}
          allowDeselect={false}
          disabled={disabled}
          error={fieldErrorText(fieldState.error)}
          data-testid={testId}
        />
      )}
    />
  )
}

function CommonFields({ kind, fixed }: { kind: ResourceKind; fixed: boolean }) {
  const { t } = useTranslation()
  const form = useFormContext<FormValues>()
  const fieldErrorText = useFieldErrorText()
  const errors = form.formState.errors
  const text = (name: (typeof COMMON_FIELDS)[number], hint?: string, maxLength?: number) => (
    <TextInput
      label={t(`resources.fields.${name}`)}
      description={hint}
      required
      maxLength={maxLength}
      classNames={CODE_FIELDS.has(name) ? { input: 'yoryo-code' } : undefined}
      {...form.register(name)}
      error={fieldErrorText(errors[name])}
      data-testid={`resource-field-${name}`}
    />
  )
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
      <ChoiceField
        name="kind"
        label={t('resources.form.chooseKind')}
        options={resourceKinds.map((k) => ({ value: k, label: t(`resources.kind.${k}`) }))}
        disabled={fixed}
        testId="resource-field-kind"
      />
      <ChoiceField
        name="area"
        label={t('resources.fields.area')}
        options={areas.map((a) => ({ value: a, label: t(`resources.area.${a}`) }))}
        disabled={fixed}
        testId="resource-field-area"
      />
      {text('name', undefined, 50)}
      {text('nameKana', t('resources.hints.nameKana'), 100)}
      <ChoiceField
        name="generationType"
        label={t('resources.fields.generationType')}
        options={generationTypesByKind[kind].map((g) => ({
          value: g,
          label: t(`resources.generationType.${g}`),
        }))}
        testId="resource-field-generationType"
      />
      <ChoiceField
        name="supportScheme"
        label={t('resources.fields.supportScheme')}
        options={supportSchemeSchema.options.map((s) => ({
          value: s,
          label: t(`resources.supportScheme.${s}`),
        }))}
      />
      {text('gridCode', t('resources.hints.gridCode'), 20)}
      {text('commissionedOn', t('resources.hints.commissionedOn'), 7)}
      {text('location', t('resources.hints.location'), 200)}
    </SimpleGrid>
  )
}

function KindFields({ kind }: { kind: ResourceKind }) {
  const { t } = useTranslation()
  const form = useFormContext<FormValues>()
  const fieldErrorText = useFieldErrorText()
  const number = (
    name: 'installedKw' | 'houseLoadPercent' | 'storageHours' | 'offerableKw',
    unit: string,
    options: { decimals?: number; hint?: string; required?: boolean } = {},
  ) => (
    <Controller
      key={name}
      control={form.control}
      name={name}
      render={({ field, fieldState }) => (
        <NumberInput
          label={resourceFieldLabel(name, t, kind)}
          description={options.hint}
          required={options.required ?? true}
          value={field.value}
          onChange={(v) => field.onChange(v)}
          onBlur={field.onBlur}
          ref={field.ref}
          name={field.name}
          thousandSeparator=","
          decimalScale={options.decimals ?? 0}
          allowDecimal={(options.decimals ?? 0) > 0}
          allowNegative={false}
          hideControls
          rightSection={
            <Text fz="xs" c="dimmed">
              {unit}
            </Text>
          }
          rightSectionWidth={44}
          styles={{ input: { textAlign: 'right' } }}
          error={fieldErrorText(fieldState.error)}
          data-testid={`resource-field-${name}`}
        />
      )}
    />
  )
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
      {kind === 'stable' || kind === 'variableSingle' ? number('installedKw', 'kW') : null}
      {kind === 'stable' ? (
        <>
          {number('houseLoadPercent', '%', {
            decimals: 2,
            hint: t('resources.hints.houseLoadPercent'),
          })}
          <ChoiceField
            name="hasAdjustment"
            label={t('resources.fields.hasAdjustment')}
            options={[
              { value: 'yes', label: t('resources.yes') },
              { value: 'no', label: t('resources.no') },
            ]}
            testId="resource-field-hasAdjustment"
          />
          {number('storageHours', 'h', {
            decimals: 2,
            hint: t('resources.hints.storageHours'),
            required: false,
          })}
        </>
      ) : null}
      {kind === 'dispatchOrder' ? number('offerableKw', 'kW') : null}
    </SimpleGrid>
  )
}
