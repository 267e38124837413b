import {
  ActionIcon,
  Alert,
  Button,
  FileButton,
  Group,
  List,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core'
import {
  generationTypesByKind,
  resourceMemberSchema,
  resourceSiteSchema,
  siteTypeSchema,
} from '@yoryo/contracts'
import { TrashIcon, useFieldErrorText, useMessageFormatter, useTranslation } from '@yoryo/ui'
import { useMemo, useState } from 'react'
import { Controller, useFieldArray, useFormContext, type FieldPath } from 'react-hook-form'
import { csvColumns, decodeCsv, parseListCsv, type CsvRowError } from '../csv.ts'
import type { FormValues } from '../form.ts'
import { MEMBER_FIELDS, SITE_FIELDS } from '../values.ts'

const memberColumns = csvColumns(resourceMemberSchema, {
  installedKw: 'number',
  generationType: 'generationType',
})
const siteColumns = csvColumns(resourceSiteSchema, { kw: 'number', siteType: 'siteType' })

const EMPTY_MEMBER = { name: '', generationType: '', gridCode: '', installedKw: '' } as const
const EMPTY_SITE = { name: '', supplyPointId: '', siteType: '', kw: '' } as const

/**
 * The members of an aggregate or the site list of a dispatch-order resource: editable rows
 * (add, remove), or loaded from a CSV file (Shift_JIS or UTF-8, header by the item names) with
 * every bad row and column listed and nothing loaded.
 */
export function ListEditor({ list }: { list: 'members' | 'sites' }) {
  const { t } = useTranslation()
  const format = useMessageFormatter()
  const fieldErrorText = useFieldErrorText()
  const form = useFormContext<FormValues>()
  const array = useFieldArray({ control: form.control, name: list })
  const fields = list === 'members' ? MEMBER_FIELDS : SITE_FIELDS
  const columns = list === 'members' ? memberColumns : siteColumns
  const [csv, setCsv] = useState<
    { loaded: number } | { errors: CsvRowError[] } | { missing: string[] } | { empty: true } | null
  >(null)
  const listError = form.formState.errors[list]
  const rowsError =
    listError && 'message' in listError
      ? listError
      : (listError as { root?: { message?: string } } | undefined)?.root

  const memberTypes = useMemo(
    () =>
      generationTypesByKind.variableAggregate.map((g) => ({
        value: g,
        label: t(`resources.generationType.${g}`),
      })),
    [t],
  )
  const siteTypes = useMemo(
    () => siteTypeSchema.options.map((s) => ({ value: s, label: t(`resources.siteType.${s}`) })),
    [t],
  )

  const load = async (file: File | null) => {
    if (!file) return
    const text = decodeCsv(await file.arrayBuffer())
    const result =
      list === 'members'
        ? parseListCsv(text, resourceMemberSchema, memberColumns)
        : parseListCsv(text, resourceSiteSchema, siteColumns)
    if (result.missing.length > 0) setCsv({ missing: result.missing })
    else if (result.errors.length > 0) setCsv({ errors: result.errors })
    else if (result.rows.length === 0) setCsv({ empty: true })
    else {
      array.replace(result.rows as never)
      setCsv({ loaded: result.rows.length })
    }
  }

  const label = (field: string) =>
    list === 'members'
      ? t(`resources.memberFields.${field as (typeof MEMBER_FIELDS)[number]}`)
      : t(`resources.siteFields.${field as (typeof SITE_FIELDS)[number]}`)

  const cell = (index: number, field: string) => {
    const name = `${list}.${index}.${field}` as FieldPath<FormValues>
    const error = fieldErrorText(
      (form.formState.errors[list]?.[index] as Record<string, { message?: string }> | undefined)?.[
        field
      ],
    )
    const aria = `${list === 'members' ? t('resources.memberFieldLabel', { n: index + 1, field: label(field) }) : t('resources.siteFieldLabel', { n: index + 1, field: label(field) })}`
    if (field === 'generationType' || field === 'siteType') {
      return (
        <Controller
          control={form.control}
          name={name}
          render={({ field: f }) => (
            <Select
              size="xs"
              aria-label={aria}
              data={field === 'generationType' ? memberTypes : siteTypes}
              value={(f.value as string) || null}
              onChange={(v) => f.onChange(v ?? '')}
              onBlur={f.onBlur}
              ref={f.ref}
              error={error}
              allowDeselect={false}
            />
          )}
        />
      )
    }
    if (field === 'installedKw' || field === 'kw') {
      return (
        <Controller
          control={form.control}
          name={name}
          render={({ field: f }) => (
            <NumberInput
              size="xs"
              aria-label={aria}
              value={f.value as number | string}
              onChange={(v) => f.onChange(v)}
              onBlur={f.onBlur}
              ref={f.ref}
              error={error}
              thousandSeparator=","
              allowDecimal={false}
              allowNegative={false}
              hideControls
              styles={{ input: { textAlign: 'right' } }}
            />
          )}
        />
      )
    }
    return (
      <TextInput
        size="xs"
        aria-label={aria}
        {...form.register(name)}
        error={error}
        classNames={
          field === 'supplyPointId' || field === 'gridCode' ? { input: 'yoryo-code' } : undefined
        }
      />
    )
  }

  return (
    <Stack gap="xs" data-testid={`resource-${list}-editor`}>
      <Table.ScrollContainer minWidth={640} type="native">
        <Table
          withTableBorder
          withColumnBorders
          verticalSpacing={4}
          horizontalSpacing={6}
          className="yoryo-edit-table"
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={44}>{t('resources.form.rowNumber')}</Table.Th>
              {fields.map((f) => (
                <Table.Th key={f}>{label(f)}</Table.Th>
              ))}
              <Table.Th w={44} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {array.fields.length === 0 ? (
              <Table.Tr>
                <Table.Td colSpan={fields.length + 2}>
                  <Text fz="sm" c="dimmed">
                    {t('resources.form.noRows')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ) : (
              array.fields.map((row, index) => (
                <Table.Tr key={row.id}>
                  <Table.Td ta="right">
                    <Text fz="sm">{index + 1}</Text>
                  </Table.Td>
                  {fields.map((f) => (
                    <Table.Td key={f}>{cell(index, f)}</Table.Td>
                  ))}
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={t('resources.form.removeRow', { n: index + 1 })}
                      onClick={() => array.remove(index)}
                    >
                      <TrashIcon size={14} />
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              ))
            )}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {rowsError?.message ? (
        <Text fz="sm" c="red" role="alert">
          {fieldErrorText(rowsError)}
        </Text>
      ) : null}
      <Group gap="xs">
        <Button
          size="xs"
          variant="default"
          onClick={() => array.append((list === 'members' ? EMPTY_MEMBER : EMPTY_SITE) as never)}
          data-testid={`resource-${list}-add`}
        >
          {t('resources.form.addRow')}
        </Button>
        <FileButton onChange={(file) => void load(file)} accept=".csv,text/csv">
          {(props) => (
            <Button size="xs" variant="default" {...props} data-testid={`resource-${list}-csv`}>
              {t('resources.form.loadCsv')}
            </Button>
          )}
        </FileButton>
      </Group>
      <Text fz="xs" c="dimmed">
        {t('resources.form.csvHint', { headers: columns.map((c) => c.header).join('、') })}
      </Text>
      {csv && 'loaded' in csv ? (
        <Text fz="sm" role="status">
          {t('resources.form.csvLoaded', { count: csv.loaded })}
        </Text>
      ) : null}
      {csv && !('loaded' in csv) ? (
        <Alert variant="light" color="red" role="alert" data-testid={`resource-${list}-csv-errors`}>
          {'errors' in csv ? (
            <>
              <Text fz="sm" fw={700}>
                {t('resources.form.csvFailed', { count: csv.errors.length })}
              </Text>
              <List size="sm" mt={4}>
                {csv.errors.slice(0, 50).map((e, i) => (
                  <List.Item key={i}>
                    {t('resources.form.csvRowError', {
                      row: e.row,
                      column: e.column,
                      message: format({ id: e.messageId, params: e.params }),
                    })}
                  </List.Item>
                ))}
              </List>
            </>
          ) : 'missing' in csv ? (
            <Text fz="sm">
              {t('resources.form.csvMissingHeader', { header: csv.missing.join('、') })}
            </Text>
          ) : (
            <Text fz="sm">{t('resources.form.csvNoRows')}</Text>
          )}
        </Alert>
      ) : null}
    </Stack>
  )
}
