import { Skeleton, Stack } from '@mantine/core'
import { StandaloneLayout } from '@yoryo/ui'

/** While the public application screens (700) load on the first visit: their card, empty. */
export function ApplyFallback() {
  return (
    <StandaloneLayout width={960}>
      <Stack gap="md">
        <Skeleton h={28} w={360} />
        <Skeleton h={14} w="80%" />
        <Skeleton h={32} />
        <Skeleton h={420} />
      </Stack>
    </StandaloneLayout>
  )
}
