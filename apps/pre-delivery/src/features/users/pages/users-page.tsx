import { Badge, Button, Menu, Stack, Text } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import {
  functionOf,
  mayUse,
  roleSchema,
  userListQuerySchema,
  userSortFields,
  userStatusSchema,
  type Role,
  type User,
  type UserStatus,
} from '@yoryo/contracts'
import {
  ChoiceFilter,
  ConfirmDialog,
  createColumnHelper,
  exportFileName,
  FilterBar,
  formatDate,
  formatDateTime,
  functionHref,
  KeywordFilter,
  ListScreen,
  MessageAlert,
  type MessageRef,
  Page,
  ParticipantFilter,
  participantOptionQueries,
  readChoice,
  readId,
  useListState,
  type UserListParams,
  userQueries,
  useSession,
  useTranslation,
} from '@yoryo/ui'
import { useMemo, useState } from 'react'
import { z } from 'zod'
import { useCancelUser, useReissuePassword, useUnlockUser } from '../api.ts'
import {
  OneTimePasswordDialog,
  type IssuedPassword,
} from '../components/one-time-password-dialog.tsx'
import { UserFormDialog, type UserFormTarget } from '../components/user-form-dialog.tsx'

const column = createColumnHelper<User>()

const STATUS_COLOR: Record<UserStatus, string> = {
  active: 'green',
  locked: 'orange',
  cancelled: 'gray',
}

type Transition = 'cancel' | 'unlock' | 'reissue'

/** The filters as the form edits them: '' for "all". */
const filterSchema = userListQuerySchema.pick({ q: true }).extend({
  participantId: z.string(),
  role: z.string(),
  status: z.string(),
})
type FilterValues = z.input<typeof filterSchema>
const FILTER_KEYS = ['participant', 'q', 'role', 'status'] as const

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
  const participants = useQuery({ ...participantOptionQueries.active(), enabled: isOperator })

  // The list's state, all of it in the URL.
  const state = useListState(userSortFields)
  const filters: FilterValues = {
    participantId: (isOperator && readId(state.params, 'participant')) || '',
    q: state.params.get('q') ?? '',
    role: readChoice(state.params, 'role', roleSchema.options) ?? '',
    status: readChoice(state.params, 'status', userStatusSchema.options) ?? '',
  }
  const filterParams: Omit<UserListParams, 'page' | 'pageSize'> = {
    participantId: filters.participantId || undefined,
    q: filters.q || undefined,
    role: (filters.role || undefined) as Role | undefined,
    status: (filters.status || undefined) as UserStatus | undefined,
  }
  const list = useQuery(
    userQueries.list({
      ...filterParams,
      sort: state.sort,
      page: state.page,
      pageSize: state.pageSize,
    }),
  )

  const [formTarget, setFormTarget] = useState<UserFormTarget | null>(null)
  const [issued, setIssued] = useState<IssuedPassword | null>(null)
  const [notice, setNotice] = useState<MessageRef | null>(null)
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
              meta: { widthClass: 'code' },
            }),
          ]
        : []),
      column.accessor('userId', {
        header: t('users.columns.userId'),
        meta: { widthClass: 'code', mono: true },
      }),
      column.accessor('name', { header: t('users.columns.name'), meta: { widthClass: 'person' } }),
      column.accessor('role', {
        header: t('users.columns.role'),
        cell: (info) => t(`roles.${info.getValue()}`),
        meta: { widthClass: 'short' },
      }),
      column.accessor('status', {
        header: t('users.columns.status'),
        cell: (info) => (
          <Badge size="sm" radius="sm" variant="light" color={STATUS_COLOR[info.getValue()]}>
            {t(`users.status.${info.getValue()}`)}
          </Badge>
        ),
        meta: { widthClass: 'status' },
      }),
      column.accessor('email', {
        header: t('users.columns.email'),
        // Long addresses are cut with `…`: the full address in the tooltip and the user's form.
        meta: { widthClass: 'email' },
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
        meta: { widthClass: 'period', tabular: true },
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
        meta: { widthClass: 'datetime', tabular: true },
      }),
      column.display({
        id: 'actions',
        header: t('users.columns.actions'),
        cell: (info) =>
          info.row.original.status === 'cancelled' ? null : actionItems(info.row.original),
        meta: { widthClass: 'actions', nowrap: true },
      }),
    ]
  }, [t, isOperator, session.user.id, canSetRights])

  return (
    <Page
      functionCode="020"
      title={t('functions.users')}
      description={isOperator ? t('users.operatorDescription') : t('users.description')}
      actions={
        <Button
          onClick={() => {
            setNotice(null)
            setFormTarget({ kind: 'create' })
          }}
          data-testid="user-register"
        >
          {t('users.register')}
        </Button>
      }
    >
      <Stack gap={0}>
        {notice ? (
          <MessageAlert {...notice} withCloseButton onClose={() => setNotice(null)} mb="sm" />
        ) : null}
        <ListScreen
          state={state}
          result={list}
          title={t('users.listTitle')}
          columns={columns}
          getRowId={(user) => user.id}
          emptyMessage={t('users.empty')}
          onRowActivate={(user) => {
            if (user.status !== 'cancelled') setFormTarget({ kind: 'edit', user })
          }}
          csv={{
            path: '/api/v1/users',
            query: { ...filterParams },
            fileName: exportFileName('users'),
          }}
          testId="user-table"
          filters={
            <FilterBar
              schema={filterSchema}
              values={filters}
              onApply={(values) =>
                state.update({
                  participant: values.participantId,
                  q: values.q,
                  role: values.role,
                  status: values.status,
                })
              }
              onClear={() => state.clear(FILTER_KEYS)}
              testId="user-filters"
            >
              {(form) => (
                <>
                  {isOperator ? (
                    <ParticipantFilter
                      control={form.control}
                      name="participantId"
                      label={t('users.filters.participant')}
                    />
                  ) : null}
                  <KeywordFilter
                    label={t('users.filters.keyword')}
                    placeholder={t('users.filters.keywordPlaceholder')}
                    registration={form.register('q')}
                    error={form.formState.errors.q}
                  />
                  <ChoiceFilter
                    control={form.control}
                    name="role"
                    label={t('users.filters.role')}
                    options={roles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
                  />
                  <ChoiceFilter
                    control={form.control}
                    name="status"
                    label={t('users.filters.status')}
                    options={userStatusSchema.options.map((s) => ({
                      value: s,
                      label: t(`users.status.${s}`),
                    }))}
                  />
                </>
              )}
            </FilterBar>
          }
        />
      </Stack>

      <UserFormDialog
        target={formTarget}
        participants={participants.data}
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
