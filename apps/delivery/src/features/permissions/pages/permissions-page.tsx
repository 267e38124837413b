import { zodResolver } from '@hookform/resolvers/zod'
import { Badge, Button, Group, Paper, Select, Skeleton, Stack, Text, Title } from '@mantine/core'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import {
  functionGroups,
  permissionsUpdateSchema,
  type AppId,
  type Permission,
  type UserPermissions,
} from '@yoryo/contracts'
import {
  ApiErrorAlert,
  CheckIcon,
  ConfirmDialog,
  DotIcon,
  MessageAlert,
  Page,
  applyFieldErrors,
  isApiError,
  isShownOnFields,
  useTranslation,
  userQueries,
  zodIssueToMessage,
  type MessageRef,
} from '@yoryo/ui'
import { useEffect, useState } from 'react'
import { useForm, useWatch } from 'react-hook-form'
import { useBlocker, useSearchParams } from 'react-router'
import type { z } from 'zod'
import { useUpdatePermissions } from '../api.ts'
import { PermissionGrid } from '../components/permission-grid.tsx'

type FormSchema = typeof permissionsUpdateSchema
const FIELDS = ['permissions'] as const
/** General users listed for the choice (the API's largest page). */
const USER_CHOICES_MAX = 500

/** Sets one right; edit implies view (ticking 編集 ticks 参照, unticking 参照 unticks 編集). */
export function setRight(p: Permission, right: 'view' | 'edit', on: boolean): Permission {
  if (right === 'edit') return { ...p, canEdit: on, canView: on ? true : p.canView }
  return { ...p, canView: on, canEdit: on ? p.canEdit : false }
}

function PermissionsForm({
  data,
  onSaved,
}: {
  data: UserPermissions
  onSaved: (notice: MessageRef) => void
}) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const update = useUpdatePermissions()
  const [reloading, setReloading] = useState(false)
  const form = useForm<z.input<FormSchema>, unknown, z.output<FormSchema>>({
    resolver: zodResolver(permissionsUpdateSchema, { error: zodIssueToMessage }),
    defaultValues: { permissions: data.permissions, version: data.version },
  })
  const permissions = useWatch({ control: form.control, name: 'permissions' })
  const saved = form.formState.defaultValues?.permissions as Permission[] | undefined
  const dirty = form.formState.isDirty
  const busy = update.isPending || reloading

  // Leaving the screen or choosing another user with unsaved changes asks first.
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      dirty &&
      (currentLocation.pathname !== nextLocation.pathname ||
        currentLocation.search !== nextLocation.search),
  )
  useEffect(() => {
    if (!dirty) return
    const warn = (event: BeforeUnloadEvent) => event.preventDefault()
    window.addEventListener('beforeunload', warn)
    return () => window.removeEventListener('beforeunload', warn)
  }, [dirty])

  const set = (next: Permission[]) =>
    form.setValue('permissions', next, { shouldDirty: true, shouldTouch: true })

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      const result = await update.mutateAsync({ id: data.id, body: values })
      form.reset({ permissions: result.permissions, version: result.version })
      onSaved({ id: 'I-USER-006' })
    } catch (error) {
      applyFieldErrors(error, form.setError, FIELDS)
    }
  })

  /** After a 409: the rights as they are now (the edits are discarded). */
  const reload = async () => {
    setReloading(true)
    try {
      const latest = await queryClient.fetchQuery({
        ...userQueries.permissions(data.id),
        staleTime: 0,
      })
      form.reset({ permissions: latest.permissions, version: latest.version })
      update.reset()
    } catch {
      // The 409 alert stays, with its button to try again.
    } finally {
      setReloading(false)
    }
  }

  const error = update.error
  const stale = isApiError(error) && error.status === 409 && error.messageId === 'E-COMMON-004'
  const showError = error && !isShownOnFields(error, FIELDS)
  const viewCount = permissions.filter((p) => p.canView).length
  const editCount = permissions.filter((p) => p.canEdit).length

  return (
    <form onSubmit={onSubmit} noValidate data-testid="permissions-form">
      <Paper
        withBorder
        p="md"
        className="yoryo-panel"
        component="section"
        aria-labelledby="permission-grid-title"
      >
        <Group justify="space-between" align="center" mb="xs" wrap="nowrap">
          <Group gap="sm" align="baseline" wrap="nowrap">
            <Title order={2} id="permission-grid-title" className="yoryo-section-title">
              {t('permissions.gridTitle')}
            </Title>
            <Text fz="sm" c="dimmed" className="yoryo-figures" data-testid="permission-summary">
              {t('permissions.summary', { view: viewCount, edit: editCount })}
            </Text>
          </Group>
          <Badge
            variant="light"
            radius="sm"
            size="lg"
            color={dirty ? 'orange' : 'green'}
            leftSection={dirty ? <DotIcon size={12} /> : <CheckIcon size={12} />}
            role="status"
            miw={190}
            data-testid="permission-state"
          >
            {dirty ? t('permissions.unsaved') : t('permissions.saved')}
          </Badge>
        </Group>
        <Text fz="xs" c="dimmed" mb="sm" className="yoryo-phrase">
          {t('permissions.gridHint')}
        </Text>
        {showError ? (
          <ApiErrorAlert error={error} mb="sm">
            {stale ? (
              <Button
                size="xs"
                variant="default"
                mt="xs"
                onClick={() => void reload()}
                loading={reloading}
              >
                {t('permissions.reload')}
              </Button>
            ) : null}
          </ApiErrorAlert>
        ) : null}
        <fieldset disabled={busy || !data.editable} className="yoryo-fieldset">
          <PermissionGrid
            permissions={permissions}
            saved={saved ?? data.permissions}
            disabled={busy || !data.editable}
            onChange={(code, right, on) =>
              set(permissions.map((p) => (p.functionGroup === code ? setRight(p, right, on) : p)))
            }
            onChangeAll={(app: AppId, right, on) => {
              const codes = new Set<string>(
                functionGroups.filter((g) => g.app === app).map((g) => g.code),
              )
              set(permissions.map((p) => (codes.has(p.functionGroup) ? setRight(p, right, on) : p)))
            }}
          />
          <Group justify="flex-end" gap="sm" mt="md">
            <Button
              variant="default"
              disabled={!dirty}
              onClick={() => {
                form.reset()
                update.reset()
              }}
            >
              {t('permissions.revert')}
            </Button>
            <Button type="submit" disabled={!dirty} loading={update.isPending}>
              {t('permissions.save')}
            </Button>
          </Group>
        </fieldset>
      </Paper>
      <ConfirmDialog
        opened={blocker.state === 'blocked'}
        title={t('permissions.discardTitle')}
        message={t('permissions.discardConfirm')}
        confirmLabel={t('permissions.discardSubmit')}
        onClose={() => blocker.reset?.()}
        onConfirm={() => blocker.proceed?.()}
      />
    </form>
  )
}

/**
 * A40 ユーザ権限管理 (participant administrators): choose one of the participant's general users
 * and set view / edit per function group, grouped by app; saved with the user's version.
 */
export function PermissionsPage() {
  const { t } = useTranslation()
  const [searchParams, setSearchParams] = useSearchParams()
  const [notice, setNotice] = useState<MessageRef | null>(null)
  const selected = searchParams.get('user') ?? ''
  const users = useQuery(
    userQueries.list({
      page: 1,
      pageSize: USER_CHOICES_MAX,
      role: 'participantUser',
      sort: 'userId',
    }),
  )
  const choices = (users.data?.items ?? []).filter((u) => u.status !== 'cancelled')
  const chosen = choices.find((u) => u.id === selected)
  const rights = useQuery({ ...userQueries.permissions(selected), enabled: !!chosen })

  return (
    <Page
      functionCode="A40"
      title={t('functions.permissions')}
      description={t('permissions.description')}
    >
      <Stack gap="sm">
        {notice ? (
          <MessageAlert {...notice} withCloseButton onClose={() => setNotice(null)} />
        ) : null}
        {users.error ? <ApiErrorAlert error={users.error} /> : null}
        <Paper withBorder p="sm" className="yoryo-panel">
          <Select
            label={t('permissions.user')}
            placeholder={t('permissions.userPlaceholder')}
            searchable
            w={420}
            data={choices.map((u) => ({
              value: u.id,
              label: t(
                u.status === 'locked' ? 'permissions.userOptionLocked' : 'permissions.userOption',
                {
                  userId: u.userId,
                  name: u.name,
                },
              ),
            }))}
            value={chosen ? chosen.id : null}
            onChange={(value) => {
              setNotice(null)
              setSearchParams(value ? { user: value } : {}, { replace: true })
            }}
            nothingFoundMessage={t('permissions.noUsers')}
            disabled={users.isPending}
            data-testid="permission-user"
          />
        </Paper>
        {users.data && choices.length === 0 ? (
          <Text fz="sm" c="dimmed">
            {t('permissions.noGeneralUsers')}
          </Text>
        ) : null}
        {!chosen ? (
          users.data && choices.length > 0 ? (
            <Text fz="sm" c="dimmed" data-testid="permission-choose-user">
              {t('permissions.selectUser')}
            </Text>
          ) : null
        ) : rights.error ? (
          <ApiErrorAlert error={rights.error} />
        ) : rights.data ? (
          <PermissionsForm key={`${rights.data.id}`} data={rights.data} onSaved={setNotice} />
        ) : (
          <Paper withBorder p="md" className="yoryo-panel">
            <Skeleton h={20} w={220} mb="md" />
            <Skeleton h={380} />
          </Paper>
        )}
      </Stack>
    </Page>
  )
}
