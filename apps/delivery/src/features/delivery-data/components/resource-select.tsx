import { Select } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { useQuery } from '@tanstack/react-query'
import type { DeliveryResource, ResourceKind } from '@yoryo/contracts'
import { useTranslation } from '@yoryo/ui'
import { useState } from 'react'
import { deliveryDataQueries, type ResourceBase } from '../api.ts'

/** A resource in a choice list: code and name, apart by an ideographic space. */
export function resourceLabel(resource: Pick<DeliveryResource, 'code' | 'name'>): string {
  return `${resource.code}\u3000${resource.name}`
}

/**
 * The resource of a delivery-data screen, searched on the server by part of its code or name
 * (a participant has a few, the operator thousands: the first 20 matches are offered).
 */
export function ResourceSelect({
  base,
  value,
  onChange,
  kind,
  withAll = false,
}: {
  /** The function's API path (the picker is asked with that function's access). */
  base: ResourceBase
  value: string
  onChange: (id: string) => void
  kind?: ResourceKind
  /** Offer "all resources" as the empty choice (filters). */
  withAll?: boolean
}) {
  const { t } = useTranslation()
  const [search, setSearch] = useState('')
  const selected = useQuery({ ...deliveryDataQueries.resource(base, value), enabled: !!value })
  const selectedLabel = selected.data ? resourceLabel(selected.data) : ''
  const [debounced] = useDebouncedValue(search === selectedLabel ? '' : search, 250)
  const results = useQuery(deliveryDataQueries.resources(base, debounced, kind))
  const options = new Map<string, string>()
  if (selected.data) options.set(selected.data.id, selectedLabel)
  for (const r of results.data?.items ?? []) options.set(r.id, resourceLabel(r))
  const data = [
    ...(withAll ? [{ value: '', label: t('deliveryData.resourceAll') }] : []),
    ...[...options].map(([id, label]) => ({ value: id, label })),
  ]
  return (
    <Select
      label={t('deliveryData.resource')}
      placeholder={t('deliveryData.resourcePlaceholder')}
      data={data}
      value={value}
      onChange={(next) => onChange(next ?? '')}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      nothingFoundMessage={t('deliveryData.resourceNone')}
      allowDeselect={false}
      w={360}
      comboboxProps={{ withinPortal: true }}
      data-testid="delivery-resource"
    />
  )
}
