import { Box, Group, Text, Title } from '@mantine/core'
import { useEffect, useRef, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useLocation } from 'react-router'
import { FlashNotice } from './flash-notice.tsx'

/** Sets `[code] title｜容量市場システム` as the document title. */
export function useDocumentTitle(functionCode: string, title: string) {
  const { t } = useTranslation()
  const full = t('app.documentTitle', {
    code: functionCode,
    title,
    system: t('app.systemName'),
  })
  useEffect(() => {
    document.title = full
  }, [full])
}

/**
 * Moves focus to `ref` after an in-app navigation (not on the first load), so keyboard and
 * screen-reader users start at the new page's heading.
 */
export function useFocusOnNavigation(ref: React.RefObject<HTMLElement | null>) {
  const location = useLocation()
  useEffect(() => {
    if (location.key !== 'default') ref.current?.focus({ preventScroll: true })
  }, [location.key, ref])
}

export interface PageProps {
  /** Function code of functions.md (e.g. `010`), set as `data-function-code` and in the title. */
  functionCode: string
  title: string
  description?: ReactNode
  /** Buttons at the right of the heading. */
  actions?: ReactNode
  children?: ReactNode
  maxWidth?: number | string
}

/** The root of every screen: function code metadata, document title, heading, notices. */
export function Page({ functionCode, title, description, actions, children, maxWidth }: PageProps) {
  useDocumentTitle(functionCode, title)
  const headingRef = useRef<HTMLHeadingElement>(null)
  useFocusOnNavigation(headingRef)
  return (
    <Box data-function-code={functionCode} className="yoryo-page" maw={maxWidth}>
      <Group justify="space-between" align="flex-end" wrap="nowrap" gap="md" mb="sm">
        <Group gap="xs" align="baseline" wrap="nowrap">
          <Text span className="yoryo-function-code" aria-hidden="true">
            {functionCode}
          </Text>
          <Title order={1} ref={headingRef} tabIndex={-1} className="yoryo-page-title">
            {title}
          </Title>
        </Group>
        {actions ? (
          <Group gap="xs" wrap="nowrap">
            {actions}
          </Group>
        ) : null}
      </Group>
      {description ? (
        <Text fz="sm" c="dimmed" mb="md">
          {description}
        </Text>
      ) : null}
      <FlashNotice />
      {children}
    </Box>
  )
}
