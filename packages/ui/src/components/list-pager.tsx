import { Group, Pagination, Select, Skeleton, Text } from '@mantine/core'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { formatNumber } from '../format/format.ts'

export const PAGE_SIZES = [20, 50, 100, 200] as const

export interface ListPagerProps {
  page: number
  pageSize: number
  /** Rows of the whole (filtered) list; undefined while the first page loads. */
  total: number | undefined
  onPageChange: (page: number) => void
  /** Offer a page-size choice (else the size is fixed). */
  onPageSizeChange?: (pageSize: number) => void
  testId?: string
}

/**
 * The footer of a list paged by the server: "全123件中 1～50件", page buttons with accessible
 * names, and the page size. Keeps its height while the count is unknown (no layout jump).
 */
export function ListPager({
  page,
  pageSize,
  total,
  onPageChange,
  onPageSizeChange,
  testId,
}: ListPagerProps) {
  const { t } = useTranslation()
  const sizeId = useId()
  const pages = total === undefined ? 1 : Math.max(1, Math.ceil(total / pageSize))
  const from = total ? (page - 1) * pageSize + 1 : 0
  const to = total ? Math.min(total, page * pageSize) : 0
  const controlLabels = {
    first: t('listPager.first'),
    previous: t('listPager.previous'),
    next: t('listPager.next'),
    last: t('listPager.last'),
  }
  return (
    <Group justify="space-between" gap="sm" mih={36} wrap="nowrap" data-testid={testId}>
      {total === undefined ? (
        <Skeleton h={14} w={160} />
      ) : (
        <Text fz="sm" c="dimmed" className="yoryo-figures" aria-live="polite">
          {t('listPager.range', {
            total: formatNumber(total),
            from: formatNumber(from),
            to: formatNumber(to),
          })}
        </Text>
      )}
      <Group gap="md" wrap="nowrap">
        {onPageSizeChange ? (
          <Group gap={6} wrap="nowrap">
            <Text component="label" htmlFor={sizeId} fz="sm" c="dimmed">
              {t('listPager.pageSize')}
            </Text>
            <Select
              id={sizeId}
              size="xs"
              w={96}
              allowDeselect={false}
              data={PAGE_SIZES.map((size) => ({
                value: String(size),
                label: t('listPager.pageSizeOption', { value: size }),
              }))}
              value={String(pageSize)}
              onChange={(value) => {
                if (value) onPageSizeChange(Number(value))
              }}
            />
          </Group>
        ) : null}
        <nav aria-label={t('listPager.navigation')}>
          <Pagination
            total={pages}
            value={Math.min(page, pages)}
            onChange={onPageChange}
            size="sm"
            withEdges
            getItemProps={(item) => ({ 'aria-label': t('listPager.page', { page: item }) })}
            getControlProps={(control) => ({ 'aria-label': controlLabels[control] })}
            className="yoryo-figures"
          />
        </nav>
      </Group>
    </Group>
  )
}
