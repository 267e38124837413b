import { Box, Group, Paper } from '@mantine/core'
import type { ReactNode } from 'react'
import { LanguageSwitch } from '../i18n/language-switch.tsx'
import { HEADER_HEIGHT } from './layout.ts'
import { SystemTitle } from './system-title.tsx'

/** Screens without a session (login, maintenance, errors before login): header and one card. */
export function StandaloneLayout({
  children,
  width = 440,
}: {
  children: ReactNode
  width?: number
}) {
  return (
    <Box className="yoryo-standalone">
      <Group
        h={HEADER_HEIGHT}
        px="md"
        justify="space-between"
        wrap="nowrap"
        className="yoryo-header"
        component="header"
      >
        <SystemTitle />
        <LanguageSwitch />
      </Group>
      <Box component="main" id="main-content" className="yoryo-standalone-main">
        <Paper withBorder p="xl" w={width} maw="100%" className="yoryo-standalone-card">
          {children}
        </Paper>
      </Box>
    </Box>
  )
}
