import { Badge, Button, Group, Menu, Paper, Stack, Text, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import {
  functionOf,
  mayUse,
  roleSchema,
  userSortFields,
  userStatusSchema,
  type Role,
  type User,
  type UserStatus,
} from '@yoryo/contracts'
import {
  ApiErrorAlert,
  ConfirmDialog,
  CsvExportMenu,
  DataTable,
  ListPager,
  MessageAlert,
  Page,
  createColumnHelper,
  formatDate,
  formatDateTime,
  functionHref,
  participantOptionQueries,
  useSession,
  useTranslation,
  userQueries,
  type MessageRef,
  type SortingState,
  type UserListParams,
} from '@yoryo/ui'
import { useMemo, useState } from 'react'
import { useSearchParams } from 'react-router'
import { useCancelUser, useReissuePassword, useUnlockUser } from '../api.ts'
import {
  OneTimePasswordDialog,
  type IssuedPassword,
} from '../components/one-time-password-dialog.tsx'
import { UserFilters, type UserFilterValues } from '../components/user-filters.tsx'
import { UserFormDialog, type UserFormTarget } from '../components/user-form-dialog.tsx'
import { nextParams, readChoice, readPage, readSorting, sortParam } from '../list-params.ts'

const column = createColumnHelper<User>()

const STATUS_COLOR: Record<UserStatus, string> = {
  active: 'green',
  locked: 'orange',
  cancelled: 'gray',
}

type Transition = 'cancel' | 'unlock' | 'reissue'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * 020 ユーザ情報管理: a participant administrator's users, or for the operator any participant's
 * and its own staff. Filters, server paging and sorting in the URL; register, change, cancel,
 * unlock and password reissue (one-time passwords shown once); CSV export of the filtered list.
 */
export function UsersPage() {
  const { t } = useTranslation()
  const session = useSession()
  const isOperator = session.user.role === 'operator'
  // 020 → A40: a general user's row links to its rights, for those who may set them.
  const canSetRights = mayUse(functionOf('permissions'), session.user.role, session.permissions)
  const [searchParams, setSearchParams] = useSearchParams()
  const participants = useQuery({ ...participantOptionQueries.active(), enabled: isOperator })

  // The list's state, all of it in the URL.
  const { page, pageSize } = readPage(searchParams)
  const sorting = readSorting(searchParams, userSortFields)
  const participantParam = searchParams.get('participant') ?? ''
  const filters: UserFilterValues = {
    participantId: isOperator && UUID.test(participantParam) ? participantParam : '',
    q: searchParams.get('q') ?? '',
    role: readChoice(searchParams, 'role', roleSchema.options) ?? '',
    status: readChoice(searchParams, 'status', userStatusSchema.options) ?? '',
  }
  const filterParams: Omit<UserListParams, 'page' | 'pageSize'> = {
    participantId: filters.participantId || undefined,
    q: filters.q || undefined,
    role: (filters.role || undefined) as Role | undefined,
    status: (filters.status || undefined) as UserStatus | undefined,
    sort: sortParam(sorting),
  }
  const list = useQuery(userQueries.list({ ...filterParams, page, pageSize }))

  const update = (changes: Record<string, string | number | undefined>) =>
    setSearchParams((prev) => nextParams(prev, changes), { replace: true })

  const [formTarget, setFormTarget] = useState<UserFormTarget | null>(null)
  const [issued, setIssued] = useState<IssuedPassword | null>(null)
  const [notice, setNotice] = useState<MessageRef | null>(null)
  const [exportError, setExportError] = useState<unknown>(null)
  const [pending, setPending] = useState<{ kind: Transition; user: User } | null>(null)
  const cancel = useCancelUser()
  const unlock = useUnlockUser()
  const reissue = useReissuePassword()
  const transition =
    pending?.kind === 'cancel'
      ? cancel
      : pending?.kind === 'unlock'
        ? unlock
        : pending?.kind === 'reissue'
          ? reissue
          : null

  const roles: readonly Role[] = isOperator
    ? roleSchema.options
    : ['participantAdmin', 'participantUser']

  const columns = useMemo(() => {
    const actionItems = (user: User) => (
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button
            size="compact-sm"
            variant="subtle"
            aria-label={t('users.actions.menuFor', { userId: user.userId })}
            rightSection={<span aria-hidden="true">▾</span>}
          >
            {t('users.columns.actions')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={() => setFormTarget({ kind: 'edit', user })}>
            {t('users.actions.edit')}
          </Menu.Item>
          <Menu.Item
            disabled={user.status !== 'locked'}
            onClick={() => setPending({ kind: 'unlock', user })}
          >
            {t('users.actions.unlock')}
          </Menu.Item>
          <Menu.Item onClick={() => setPending({ kind: 'reissue', user })}>
            {t('users.actions.reissue')}
          </Menu.Item>
          {user.role === 'participantUser' && canSetRights ? (
            <Menu.Item component="a" href={functionHref('permissions', { user: user.id })}>
              {t('users.actions.rights')}
            </Menu.Item>
          ) : null}
          {user.id === session.user.id ? null : (
            <>
              <Menu.Divider />
              <Menu.Item color="red" onClick={() => setPending({ kind: 'cancel', user })}>
                {t('users.actions.cancel')}
              </Menu.Item>
            </>
          )}
        </Menu.Dropdown>
      </Menu>
    )
    return [
      ...(isOperator
        ? [
            column.accessor((u) => u.participant.code, {
              id: 'participantCode',
              header: t('users.columns.participant'),
              cell: (info) => (
                <span className="yoryo-code" title={info.row.original.participant.name}>
                  {info.getValue()}
                </span>
              ),
              meta: { width: 72, nowrap: true },
            }),
          ]
        : []),
      column.accessor('userId', {
        header: t('users.columns.userId'),
        meta: { width: 112, nowrap: true, mono: true },
      }),
      column.accessor('name', { header: t('users.columns.name'), meta: { width: 128 } }),
      column.accessor('role', {
        header: t('users.columns.role'),
        cell: (info) => t(`roles.${info.getValue()}`),
        meta: { width: 104, nowrap: true },
      }),
      column.accessor('status', {
        header: t('users.columns.status'),
        cell: (info) => (
          <Badge size="sm" radius="sm" variant="light" color={STATUS_COLOR[info.getValue()]}>
            {t(`users.status.${info.getValue()}`)}
          </Badge>
        ),
        enableSorting: false,
        meta: { width: 92, nowrap: true },
      }),
      column.accessor('email', {
        header: t('users.columns.email'),
        cell: (info) => (
          <Text span fz="sm" lineClamp={1} title={info.getValue()}>
            {info.getValue()}
          </Text>
        ),
        enableSorting: false,
      }),
      column.accessor('validTo', {
        header: t('users.columns.validity'),
        // 有効期間 as dates in JST: `2026/04/01〜2027/03/31`, open ends shown as such.
        cell: (info) => {
          const from = formatDate(info.row.original.validFrom)
          const to = formatDate(info.row.original.validTo)
          if (from && to) return t('users.validityRange', { from, to })
          if (from) return t('users.validityFrom', { from })
          if (to) return t('users.validityTo', { to })
          return (
            <Text span fz="sm" c="dimmed">
              {t('users.validityUnlimited')}
            </Text>
          )
        },
        meta: { width: 176, nowrap: true, tabular: true },
      }),
      column.accessor('lastLoginAt', {
        header: t('users.columns.lastLoginAt'),
        cell: (info) => {
          const value = info.getValue()
          if (value) return formatDateTime(value)
          return (
            <Text span fz="sm" c="dimmed">
              {t('users.neverLoggedIn')}
            </Text>
          )
        },
        meta: { width: 128, nowrap: true, tabular: true },
      }),
      column.display({
        id: 'actions',
        header: t('users.columns.actions'),
        cell: (info) =>
          info.row.original.status === 'cancelled' ? null : actionItems(info.row.original),
        meta: { width: 88, nowrap: true },
      }),
    ]
  }, [t, isOperator, session.user.id, canSetRights])

  const onSortingChange = (next: SortingState) => update({ sort: sortParam(next) })
  const activeParticipants = participants.data

  return (
    <Page
      functionCode="020"
      title={t('functions.users')}
      description={isOperator ? t('users.operatorDescription') : t('users.description')}
      actions={
        <>
          <CsvExportMenu
            path="/api/v1/users"
            query={{ ...filterParams }}
            fileName="users.csv"
            onError={setExportError}
            onStart={() => setExportError(null)}
          />
          <Button
            onClick={() => {
              setNotice(null)
              setFormTarget({ kind: 'create' })
            }}
            data-testid="user-register"
          >
            {t('users.register')}
          </Button>
        </>
      }
    >
      <Stack gap={0}>
        {notice ? (
          <MessageAlert {...notice} withCloseButton onClose={() => setNotice(null)} mb="sm" />
        ) : null}
        {exportError ? (
          <ApiErrorAlert
            error={exportError}
            withCloseButton
            onClose={() => setExportError(null)}
            mb="sm"
          />
        ) : null}
        <UserFilters
          // A new form when the filters in the URL change (back button, クリア), not on paging.
          key={[filters.participantId, filters.q, filters.role, filters.status].join('|')}
          values={filters}
          roles={roles}
          participants={isOperator ? (activeParticipants ?? []) : undefined}
          onApply={(values) =>
            update({
              participant: values.participantId,
              q: values.q,
              role: values.role,
              status: values.status,
            })
          }
        />
        <Paper
          withBorder
          p="md"
          className="yoryo-panel"
          component="section"
          aria-labelledby="user-list-title"
        >
          <Group justify="space-between" align="baseline" mb="sm">
            <Title order={2} id="user-list-title" className="yoryo-section-title">
              {t('users.listTitle')}
            </Title>
          </Group>
          {list.error ? <ApiErrorAlert error={list.error} mb="sm" /> : null}
          <DataTable
            label={t('users.tableLabel')}
            data={list.data?.items}
            columns={columns}
            loading={list.isPending}
            skeletonRows={5}
            getRowId={(user) => user.id}
            emptyMessage={t('users.empty')}
            sorting={sorting}
            onSortingChange={onSortingChange}
            onRowActivate={(user) => {
              if (user.status !== 'cancelled') setFormTarget({ kind: 'edit', user })
            }}
            testId="user-table"
          />
          <ListPager
            page={page}
            pageSize={pageSize}
            total={list.data?.total}
            onPageChange={(next) => update({ page: next })}
            onPageSizeChange={(size) => update({ size })}
          />
        </Paper>
      </Stack>

      <UserFormDialog
        target={formTarget}
        participants={activeParticipants}
        defaultParticipantId={filters.participantId}
        onClose={() => setFormTarget(null)}
        onCreated={(created) => {
          setFormTarget(null)
          setIssued({ ...created, kind: 'create' })
        }}
        onSaved={() => {
          setFormTarget(null)
          setNotice({ id: 'I-USER-002' })
        }}
      />
      <OneTimePasswordDialog
        issued={issued}
        onClose={() => {
          if (issued?.kind === 'create') setNotice({ id: 'I-USER-001' })
          setIssued(null)
        }}
      />
      <ConfirmDialog
        opened={pending !== null}
        title={pending ? t(`users.${pending.kind}Dialog.title`) : ''}
        message={
          pending
            ? t(`users.${pending.kind}Dialog.confirm`, {
                userId: pending.user.userId,
                name: pending.user.name,
              })
            : ''
        }
        confirmLabel={pending ? t(`users.${pending.kind}Dialog.submit`) : ''}
        danger={pending?.kind === 'cancel'}
        loading={transition?.isPending}
        error={transition?.error}
        onClose={() => {
          setPending(null)
          transition?.reset()
        }}
        onConfirm={() => {
          if (!pending) return
          setNotice(null)
          if (pending.kind === 'reissue') {
            reissue.mutate(pending.user, {
              onSuccess: (result) => {
                setPending(null)
                setIssued({ ...result, kind: 'reissue' })
              },
            })
            return
          }
          const mutation = pending.kind === 'cancel' ? cancel : unlock
          mutation.mutate(pending.user, {
            onSuccess: () => {
              setPending(null)
              setNotice({ id: pending.kind === 'cancel' ? 'I-USER-003' : 'I-USER-004' })
            },
          })
        }}
      />
    </Page>
  )
}
