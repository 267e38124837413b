import { Box, Skeleton, Stack } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { HEADER_HEIGHT, NAVBAR_WIDTH } from './layout.ts'

/** Placeholder with the shell's exact geometry while the session loads: no layout jump. */
export function ShellSkeleton() {
  const { t } = useTranslation()
  return (
    <Box aria-busy="true" className="yoryo-shell-skeleton">
      <Box
        h={HEADER_HEIGHT}
        className="yoryo-header"
        px="md"
        style={{ display: 'flex', alignItems: 'center' }}
      >
        <Skeleton h={18} w={180} />
      </Box>
      <Box style={{ display: 'flex' }}>
        <Stack w={NAVBAR_WIDTH} p="sm" gap="xs" className="yoryo-navbar-skeleton">
          {Array.from({ length: 5 }, (_, i) => (
            <Skeleton key={i} h={28} />
          ))}
        </Stack>
        <Stack p="md" gap="md" style={{ flex: 1 }}>
          <Skeleton h={28} w={240} />
          <Skeleton h={160} />
          <Skeleton h={220} />
        </Stack>
      </Box>
      <span className="yoryo-visually-hidden" role="status">
        {t('app.loadingSession')}
      </span>
    </Box>
  )
}
