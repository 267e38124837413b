import { Skeleton, Stack } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { StandaloneLayout } from './standalone-layout.tsx'

/**
 * While a screen without a session (the login page) loads on the first visit: its card with
 * the header and the language switch in place, empty.
 */
export function StandaloneSkeleton({ width }: { width?: number }) {
  const { t } = useTranslation()
  return (
    <StandaloneLayout width={width}>
      <Stack gap="md" aria-busy="true">
        <Skeleton h={28} w="60%" />
        <Skeleton h={36} />
        <Skeleton h={36} />
        <Skeleton h={36} />
        <Skeleton h={36} w={120} />
        <span className="yoryo-visually-hidden" role="status">
          {t('common.loading')}
        </span>
      </Stack>
    </StandaloneLayout>
  )
}
