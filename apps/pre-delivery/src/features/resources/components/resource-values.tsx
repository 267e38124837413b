import { Stack, Text, Title } from '@mantine/core'
import type { ResourceInput, ResourceMember, ResourceSite } from '@yoryo/contracts'
import { DataTable, ValueRow, createColumnHelper, formatNumber, useTranslation } from '@yoryo/ui'
import { useMemo } from 'react'
import {
  CODE_FIELDS,
  COMMON_FIELDS,
  KIND_FIELDS,
  resourceFieldLabel,
  resourceValueText,
} from '../values.ts'

const memberColumn = createColumnHelper<ResourceMember & { n: number }>()
const siteColumn = createColumnHelper<ResourceSite & { n: number }>()

/** The members of an aggregate as a dense table, with the total. */
export function MembersTable({ members }: { members: readonly ResourceMember[] }) {
  const { t } = useTranslation()
  const columns = useMemo(
    () => [
      memberColumn.accessor('n', {
        header: t('resources.form.rowNumber'),
        meta: { width: 50, numeric: true },
      }),
      memberColumn.accessor('name', { header: t('resources.memberFields.name') }),
      memberColumn.accessor((m) => t(`resources.generationType.${m.generationType}`), {
        id: 'generationType',
        header: t('resources.memberFields.generationType'),
        meta: { width: 160 },
      }),
      memberColumn.accessor('gridCode', {
        header: t('resources.memberFields.gridCode'),
        meta: { width: 160, mono: true },
      }),
      memberColumn.accessor('installedKw', {
        header: t('resources.memberFields.installedKw'),
        cell: (info) => formatNumber(info.getValue()),
        meta: { width: 120, numeric: true },
      }),
    ],
    [t],
  )
  const total = members.reduce((sum, m) => sum + m.installedKw, 0)
  return (
    <Stack gap={4}>
      <DataTable
        label={t('resources.sections.members')}
        data={members.map((m, i) => ({ ...m, n: i + 1 }))}
        columns={columns}
        getRowId={(row) => String(row.n)}
        testId="resource-members"
      />
      <Text fz="sm" ta="right">
        {t('resources.detail.total', { value: formatNumber(total), count: members.length })}
      </Text>
    </Stack>
  )
}

/** The site list of a dispatch-order resource as a dense table, with the total. */
export function SitesTable({ sites }: { sites: readonly ResourceSite[] }) {
  const { t } = useTranslation()
  const columns = useMemo(
    () => [
      siteColumn.accessor('n', {
        header: t('resources.form.rowNumber'),
        meta: { width: 50, numeric: true },
      }),
      siteColumn.accessor('name', { header: t('resources.siteFields.name') }),
      siteColumn.accessor('supplyPointId', {
        header: t('resources.siteFields.supplyPointId'),
        meta: { width: 220, mono: true },
      }),
      siteColumn.accessor((s) => t(`resources.siteType.${s.siteType}`), {
        id: 'siteType',
        header: t('resources.siteFields.siteType'),
        meta: { width: 110 },
      }),
      siteColumn.accessor('kw', {
        header: t('resources.siteFields.kw'),
        cell: (info) => formatNumber(info.getValue()),
        meta: { width: 110, numeric: true },
      }),
    ],
    [t],
  )
  const total = sites.reduce((sum, s) => sum + s.kw, 0)
  return (
    <Stack gap={4}>
      <DataTable
        label={t('resources.sections.sites')}
        data={sites.map((s, i) => ({ ...s, n: i + 1 }))}
        columns={columns}
        getRowId={(row) => String(row.n)}
        testId="resource-sites"
      />
      <Text fz="sm" ta="right">
        {t('resources.detail.total', { value: formatNumber(total), count: sites.length })}
      </Text>
    </Stack>
  )
}

/**
 * A resource's values read-only, in the groups of the form: basic information, the kind's
 * capacity fields, members or sites. `extra` rows lead the basic group (e.g. the code).
 */
export function ResourceValues({
  values,
  extra,
  testId,
}: {
  values: ResourceInput
  extra?: React.ReactNode
  testId?: string
}) {
  const { t } = useTranslation()
  const record = values as unknown as Record<string, unknown>
  const row = (field: string) => (
    <ValueRow
      key={field}
      label={resourceFieldLabel(field, t, values.kind)}
      value={resourceValueText(field, record[field], t)}
      code={CODE_FIELDS.has(field)}
      testId={`resource-${field}`}
    />
  )
  const kindFields = KIND_FIELDS[values.kind]
  return (
    <Stack gap="lg" data-testid={testId}>
      <section aria-labelledby="resource-basic">
        <Title order={2} id="resource-basic" className="yoryo-section-title" mb="xs">
          {t('resources.sections.basic')}
        </Title>
        <dl className="yoryo-dl-table">
          {extra}
          {['kind', ...COMMON_FIELDS].map(row)}
        </dl>
      </section>
      {kindFields.length > 0 ? (
        <section aria-labelledby="resource-capacity">
          <Title order={2} id="resource-capacity" className="yoryo-section-title" mb="xs">
            {t('resources.sections.capacity')}
          </Title>
          <dl className="yoryo-dl-table">{kindFields.map(row)}</dl>
        </section>
      ) : null}
      {values.kind === 'variableAggregate' ? (
        <section aria-labelledby="resource-members">
          <Title order={2} id="resource-members" className="yoryo-section-title" mb="xs">
            {t('resources.sections.members')}
          </Title>
          <MembersTable members={values.members} />
        </section>
      ) : null}
      {values.kind === 'dispatchOrder' ? (
        <section aria-labelledby="resource-sites">
          <Title order={2} id="resource-sites" className="yoryo-section-title" mb="xs">
            {t('resources.sections.sites')}
          </Title>
          <SitesTable sites={values.sites} />
        </section>
      ) : null}
    </Stack>
  )
}
