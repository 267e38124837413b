import { Button, Menu } from '@mantine/core'
import { useMutation } from '@tanstack/react-query'
import type { MouseEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { QueryValue } from '../api/api-fetch.ts'
import { downloadFile } from '../api/download.ts'
import { DownloadIcon } from './icons.tsx'

type CsvEncoding = 'shift_jis' | 'utf-8'

/** `path?query&format=csv&encoding=…` (empty values left out). */
export function csvExportHref(
  path: string,
  query: Record<string, QueryValue>,
  encoding: CsvEncoding,
): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (key === 'page' || key === 'pageSize') continue
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value))
  }
  params.set('format', 'csv')
  params.set('encoding', encoding)
  return `${path}?${params.toString()}`
}

export interface CsvExportMenuProps {
  /** The list endpoint, e.g. `/api/v1/applications`. */
  path: string
  /** The list's current filter and sort (paging is left out: the export holds every row). */
  query: Record<string, QueryValue>
  /** File name offered to the browser, e.g. `applications.csv`. */
  fileName: string
  /** A failed download (its message ID is shown by the page). */
  onError?: (error: unknown) => void
  onStart?: () => void
}

/**
 * "CSV出力" with the encoding to choose: Shift_JIS with CRLF for Excel (the default, first) or
 * UTF-8. The entries are real links to the export (new tab, copy address); a plain click
 * downloads through the API client, so an expired session leads to the login.
 */
export function CsvExportMenu({ path, query, fileName, onError, onStart }: CsvExportMenuProps) {
  const { t } = useTranslation()
  const download = useMutation({
    mutationFn: (href: string) => downloadFile(href, fileName),
    onError,
  })
  const onClick = (event: MouseEvent<HTMLAnchorElement>, href: string) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
      return
    }
    event.preventDefault()
    if (download.isPending) return
    onStart?.()
    download.mutate(href)
  }
  const options: { encoding: CsvEncoding; label: string }[] = [
    { encoding: 'shift_jis', label: t('listTools.shiftJis') },
    { encoding: 'utf-8', label: t('listTools.utf8') },
  ]
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="default"
          leftSection={<DownloadIcon size={14} />}
          loading={download.isPending}
          aria-haspopup="menu"
        >
          {t('listTools.csv')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('listTools.csvEncoding')}</Menu.Label>
        {options.map((option) => {
          const href = csvExportHref(path, query, option.encoding)
          return (
            <Menu.Item
              key={option.encoding}
              component="a"
              href={href}
              download={fileName}
              onClick={(event: MouseEvent<HTMLAnchorElement>) => onClick(event, href)}
            >
              {option.label}
            </Menu.Item>
          )
        })}
      </Menu.Dropdown>
    </Menu>
  )
}
