import {
  Anchor,
  Badge,
  Box,
  Group,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Title,
} from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import {
  functionLinkFor,
  menuFor,
  type AppId,
  type MenuEntry,
  type MarketWindow,
  type PendingTask,
  type SessionUser,
} from '@yoryo/contracts'
import { useCallback, useMemo, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { portalQueries } from '../api/queries.ts'
import { createColumnHelper, DataTable } from '../components/data-table.tsx'
import { DeadlineCountdown, useNow } from '../components/deadline-countdown.tsx'
import { formatDateTime, timestampOf } from '../format/format.ts'
import type { Language } from '../i18n/catalogue.ts'
import { functionLabelKey } from '../i18n/keys.ts'
import { useLanguage } from '../i18n/i18n.ts'
import { ApiErrorAlert, MessageAlert, MessageText } from '../messages/message-text.tsx'
import { ReviewQueue } from './review-queue.tsx'

/** Which SPA a function code belongs to: digits → pre-delivery (010…891), letters → delivery. */
export function appOfFunction(code: string): AppId {
  return /^\d/.test(code) ? 'preDelivery' : 'delivery'
}

const PASSWORD_WARNING_DAYS = 14
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/

/**
 * Task parameters as shown: ISO timestamps in JST, and in English the `…En` variant of a text
 * parameter where the API sends one (`title` / `titleEn`).
 */
export function displayParams(
  params: PendingTask['params'],
  language: Language,
): Record<string, string | number> {
  return Object.fromEntries(
    Object.entries(params).map(([k, v]) => {
      const english = params[`${k}En`]
      const value = language === 'en' && typeof english === 'string' && english ? english : v
      return [
        k,
        typeof value === 'string' && ISO_TIMESTAMP.test(value) ? formatDateTime(value) : value,
      ]
    }),
  )
}

function Section({
  title,
  children,
  testId,
  extra,
}: {
  title: string
  children: ReactNode
  testId: string
  extra?: ReactNode
}) {
  const id = `section-${testId}`
  return (
    <Paper
      withBorder
      p="md"
      className="yoryo-panel"
      component="section"
      aria-labelledby={id}
      data-testid={testId}
    >
      <Group justify="space-between" align="baseline" mb="sm">
        <Title order={2} id={id} className="yoryo-section-title">
          {title}
        </Title>
        {extra}
      </Group>
      {children}
    </Paper>
  )
}

function LoginInfo({ session }: { session: SessionUser }) {
  const { t } = useTranslation()
  const [language] = useLanguage()
  // [label, value, test ID, class: fixed-width code or tabular figures]
  const rows: [string, ReactNode, string, string?][] = [
    [t('portal.participantCode'), session.participant.code, 'participant-code', 'yoryo-code'],
    [
      t('portal.participantName'),
      language === 'en' && session.participant.nameEn
        ? session.participant.nameEn
        : session.participant.name,
      'participant-name',
    ],
    [t('portal.userId'), session.user.userId, 'user-id', 'yoryo-code'],
    [t('portal.userName'), session.user.name, 'user-name'],
    [t('portal.role'), t(`roles.${session.user.role}`), 'user-role'],
    session.previousLoginAt
      ? [
          t('portal.previousLogin'),
          formatDateTime(session.previousLoginAt),
          'previous-login',
          'yoryo-figures',
        ]
      : [t('portal.previousLogin'), t('portal.firstLogin'), 'previous-login'],
    [
      t('portal.passwordExpiresAt'),
      formatDateTime(session.passwordExpiresAt),
      'password-expires',
      'yoryo-figures',
    ],
  ]
  return (
    <Section title={t('portal.loginInfo')} testId="portal-login-info">
      <dl className="yoryo-dl">
        {rows.map(([label, value, testId, className]) => (
          <div key={testId} className="yoryo-dl-row">
            <dt>{label}</dt>
            <dd data-testid={`portal-${testId}`} className={className}>
              {value}
            </dd>
          </div>
        ))}
      </dl>
    </Section>
  )
}

function PortalMenu({ app, session }: { app: AppId; session: SessionUser }) {
  const { t } = useTranslation()
  const entries = menuFor(app, session.user.role, session.permissions).filter((e) => e.path !== '/')
  return (
    <Section title={t('portal.menu')} testId="portal-menu">
      <SimpleGrid
        cols={2}
        spacing="xs"
        verticalSpacing="xs"
        component="ul"
        className="yoryo-plain-list"
      >
        {entries.map((entry) => (
          <li key={`${entry.code}-${entry.key}`}>
            <Anchor component={Link} to={entry.path} className="yoryo-menu-tile">
              <span className="yoryo-menu-code">{entry.code}</span>
              {t(functionLabelKey(entry.key))}
            </Anchor>
          </li>
        ))}
      </SimpleGrid>
    </Section>
  )
}

const windowColumn = createColumnHelper<MarketWindow>()

/** What a portal row's function code links to (a registry function the user may use). */
type LinkOf = (row: { function: string | null; kind?: string }) => MenuEntry | undefined

/** The function code of a row, linked to the screen that acts on it when there is one. */
function FunctionCell({ code, entry }: { code: string | null; entry: MenuEntry | undefined }) {
  const { t } = useTranslation()
  if (!code) return null
  if (!entry) return <>{code}</>
  return (
    <Anchor
      component={Link}
      to={entry.path}
      fz="sm"
      title={t(functionLabelKey(entry.key))}
      data-testid="portal-function-link"
    >
      {code}
    </Anchor>
  )
}

function WindowsTable({
  windows,
  loading,
  linkOf,
}: {
  windows: MarketWindow[] | undefined
  loading: boolean
  linkOf: LinkOf
}) {
  const { t } = useTranslation()
  const [language] = useLanguage()
  const columns = useMemo(
    () => [
      windowColumn.accessor((w) => (language === 'en' ? w.titleEn : w.titleJa), {
        id: 'title',
        header: t('portal.columns.title'),
      }),
      windowColumn.accessor('function', {
        header: t('portal.columns.function'),
        cell: (info) => <FunctionCell code={info.getValue()} entry={linkOf(info.row.original)} />,
        meta: { width: 64, nowrap: true, mono: true },
      }),
      windowColumn.accessor('state', {
        header: t('portal.columns.state'),
        cell: (info) => (
          <Badge
            size="sm"
            radius="sm"
            variant="light"
            color={info.getValue() === 'open' ? 'green' : 'gray'}
          >
            {t(`portal.windowState.${info.getValue()}`)}
          </Badge>
        ),
        meta: { width: 100, nowrap: true },
      }),
      windowColumn.accessor('opensAt', {
        header: t('portal.columns.opensAt'),
        cell: (info) => formatDateTime(info.getValue()),
        sortingFn: (a, b) => timestampOf(a.original.opensAt) - timestampOf(b.original.opensAt),
        meta: { width: 136, nowrap: true, tabular: true },
      }),
      windowColumn.accessor('closesAt', {
        header: t('portal.columns.closesAt'),
        cell: (info) => formatDateTime(info.getValue()),
        sortingFn: (a, b) => timestampOf(a.original.closesAt) - timestampOf(b.original.closesAt),
        meta: { width: 136, nowrap: true, tabular: true },
      }),
      windowColumn.display({
        id: 'remaining',
        header: t('portal.columns.remaining'),
        cell: (info) => (
          <DeadlineCountdown
            closesAt={info.row.original.closesAt}
            opensAt={info.row.original.state === 'upcoming' ? info.row.original.opensAt : undefined}
          />
        ),
        meta: { width: 160, nowrap: true },
      }),
    ],
    [t, language, linkOf],
  )
  return (
    <DataTable
      label={t('portal.windows')}
      data={windows}
      columns={columns}
      loading={loading}
      skeletonRows={3}
      getRowId={(w) => w.id}
      emptyMessage={t('portal.windowsEmpty')}
      initialSorting={[{ id: 'closesAt', desc: false }]}
      testId="portal-windows-table"
    />
  )
}

const taskColumn = createColumnHelper<PendingTask>()

function TasksTable({
  tasks,
  loading,
  linkOf,
}: {
  tasks: PendingTask[] | undefined
  loading: boolean
  linkOf: LinkOf
}) {
  const { t } = useTranslation()
  const [language] = useLanguage()
  const columns = useMemo(
    () => [
      taskColumn.accessor('messageId', {
        header: t('portal.columns.task'),
        cell: (info) => (
          <MessageText
            id={info.getValue()}
            params={displayParams(info.row.original.params, language)}
          />
        ),
        enableSorting: false,
      }),
      taskColumn.accessor((task) => task.function ?? '', {
        id: 'function',
        header: t('portal.columns.function'),
        cell: (info) => (
          <FunctionCell code={info.row.original.function} entry={linkOf(info.row.original)} />
        ),
        meta: { width: 64, nowrap: true, mono: true },
      }),
      taskColumn.accessor((task) => task.dueAt, {
        id: 'dueAt',
        header: t('portal.columns.dueAt'),
        cell: (info) => formatDateTime(info.getValue()),
        sortingFn: (a, b) => timestampOf(a.original.dueAt) - timestampOf(b.original.dueAt),
        meta: { width: 136, nowrap: true, tabular: true },
      }),
      taskColumn.display({
        id: 'remaining',
        header: t('portal.columns.remaining'),
        cell: (info) =>
          info.row.original.dueAt ? <DeadlineCountdown closesAt={info.row.original.dueAt} /> : null,
        meta: { width: 160, nowrap: true },
      }),
    ],
    [t, language, linkOf],
  )
  return (
    <DataTable
      label={t('portal.tasks')}
      data={tasks}
      columns={columns}
      loading={loading}
      skeletonRows={2}
      getRowId={(task, i) => `${task.kind}-${i}`}
      emptyMessage={t('portal.tasksEmpty')}
      testId="portal-tasks-table"
    />
  )
}

/**
 * The body of the portal top (010 / A20): password warning, login information, menu, open and
 * upcoming windows with countdowns, and pending tasks — the last two limited to this app's
 * functions (tasks without a function show in both).
 */
export function PortalTop({ app, session }: { app: AppId; session: SessionUser }) {
  const { t } = useTranslation()
  const portal = useQuery(portalQueries.top())
  const now = useNow(60_000)
  const windows = portal.data?.windows.filter((w) => appOfFunction(w.function) === app)
  const tasks = portal.data?.tasks.filter(
    (task) => !task.function || appOfFunction(task.function) === app,
  )
  const { role } = session.user
  const { permissions } = session
  const linkOf = useCallback<LinkOf>(
    (row) => functionLinkFor(app, row, role, permissions),
    [app, role, permissions],
  )
  const expiresInMs = new Date(session.passwordExpiresAt).getTime() - now.getTime()
  const passwordWarning = expiresInMs > 0 && expiresInMs < PASSWORD_WARNING_DAYS * 86_400_000

  return (
    <Stack gap="md">
      {passwordWarning ? (
        <MessageAlert
          id="W-AUTH-001"
          params={{ expiresAt: formatDateTime(session.passwordExpiresAt) }}
          data-testid="password-expiry-warning"
        >
          <Anchor component={Link} to="/password" fz="sm">
            {t('functions.passwordChange')}
          </Anchor>
        </MessageAlert>
      ) : null}
      {portal.error ? <ApiErrorAlert error={portal.error} /> : null}
      {app === 'preDelivery' && session.user.role === 'operator' ? (
        <ReviewQueue queue={portal.data?.reviewQueue ?? undefined} />
      ) : null}
      <Box className="yoryo-portal-grid">
        <LoginInfo session={session} />
        <PortalMenu app={app} session={session} />
      </Box>
      <Section
        title={t('portal.windows')}
        testId="portal-windows"
        extra={
          windows ? (
            <Text fz="sm" c="dimmed">
              {t('common.count', { count: windows.length })}
            </Text>
          ) : (
            <Skeleton h={14} w={40} />
          )
        }
      >
        <WindowsTable windows={windows} loading={portal.isPending} linkOf={linkOf} />
      </Section>
      <Section
        title={t('portal.tasks')}
        testId="portal-tasks"
        extra={
          tasks ? (
            <Text fz="sm" c="dimmed">
              {t('common.count', { count: tasks.length })}
            </Text>
          ) : (
            <Skeleton h={14} w={40} />
          )
        }
      >
        <TasksTable tasks={tasks} loading={portal.isPending} linkOf={linkOf} />
      </Section>
    </Stack>
  )
}
