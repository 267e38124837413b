import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import type { ApiToken, ApiTokenCreated } from '@yoryo/contracts'
import {
  ApiErrorAlert,
  ConfirmDialog,
  DataTable,
  MessageAlert,
  Page,
  createColumnHelper,
  formatDateTime,
  timestampOf,
  useNow,
  useTranslation,
  type MessageRef,
} from '@yoryo/ui'
import { useMemo, useState } from 'react'
import { ApiTokenCreateForm } from '../components/api-token-create-form.tsx'
import { CreatedTokenDialog } from '../components/created-token-dialog.tsx'
import { apiTokenQueries, apiTokenStatus, useRevokeApiToken, type ApiTokenStatus } from '../api.ts'

const column = createColumnHelper<ApiToken>()

const STATUS_COLOR: Record<ApiTokenStatus, string> = {
  active: 'green',
  revoked: 'gray',
  expired: 'orange',
}

/** 010 APIトークン管理: issue (shown once, with copy), list and revoke the user's API tokens. */
export function ApiTokensPage() {
  const { t } = useTranslation()
  const now = useNow(60_000)
  const list = useQuery(apiTokenQueries.list())
  const revoke = useRevokeApiToken()
  const [created, setCreated] = useState<ApiTokenCreated | null>(null)
  const [toRevoke, setToRevoke] = useState<ApiToken | null>(null)
  const [notice, setNotice] = useState<MessageRef | null>(null)

  const columns = useMemo(
    () => [
      column.accessor('name', { header: t('apiTokens.columns.name') }),
      column.accessor('prefix', {
        header: t('apiTokens.columns.prefix'),
        meta: { width: 120, mono: true, nowrap: true },
        enableSorting: false,
      }),
      column.accessor('createdAt', {
        header: t('apiTokens.columns.createdAt'),
        cell: (info) => formatDateTime(info.getValue()),
        sortingFn: (a, b) => timestampOf(a.original.createdAt) - timestampOf(b.original.createdAt),
        meta: { width: 140, nowrap: true, tabular: true },
      }),
      column.accessor('expiresAt', {
        header: t('apiTokens.columns.expiresAt'),
        cell: (info) => formatDateTime(info.getValue()),
        sortingFn: (a, b) => timestampOf(a.original.expiresAt) - timestampOf(b.original.expiresAt),
        meta: { width: 140, nowrap: true, tabular: true },
      }),
      column.accessor('lastUsedAt', {
        header: t('apiTokens.columns.lastUsedAt'),
        cell: (info) => {
          const value = info.getValue()
          return value ? (
            formatDateTime(value)
          ) : (
            <Text span fz="sm" c="dimmed">
              {t('apiTokens.neverUsed')}
            </Text>
          )
        },
        sortingFn: (a, b) =>
          timestampOf(a.original.lastUsedAt) - timestampOf(b.original.lastUsedAt),
        meta: { width: 140, nowrap: true, tabular: true },
      }),
      column.accessor((token) => apiTokenStatus(token, now), {
        id: 'status',
        header: t('apiTokens.columns.status'),
        cell: (info) => (
          <Badge size="sm" radius="sm" variant="light" color={STATUS_COLOR[info.getValue()]}>
            {t(`apiTokens.status.${info.getValue()}`)}
          </Badge>
        ),
        meta: { width: 96, nowrap: true },
      }),
      column.display({
        id: 'actions',
        header: t('apiTokens.columns.actions'),
        cell: (info) =>
          apiTokenStatus(info.row.original, now) === 'active' ? (
            <Button
              size="compact-sm"
              variant="subtle"
              color="red"
              onClick={() => setToRevoke(info.row.original)}
              aria-label={t('apiTokens.revokeToken', { name: info.row.original.name })}
            >
              {t('apiTokens.revoke')}
            </Button>
          ) : null,
        meta: { width: 80, nowrap: true },
      }),
    ],
    [t, now],
  )

  return (
    <Page
      functionCode="010"
      title={t('functions.apiTokens')}
      description={t('apiTokens.description')}
    >
      <Stack gap="md">
        {notice ? (
          <MessageAlert {...notice} withCloseButton onClose={() => setNotice(null)} />
        ) : null}
        <ApiTokenCreateForm
          onCreated={(token) => {
            setNotice(null)
            setCreated(token)
          }}
        />
        <Paper
          withBorder
          p="md"
          className="yoryo-panel"
          component="section"
          aria-labelledby="api-token-list-title"
        >
          <Group justify="space-between" align="baseline" mb="sm">
            <Title order={2} id="api-token-list-title" className="yoryo-section-title">
              {t('apiTokens.listTitle')}
            </Title>
            <Text fz="sm" c="dimmed">
              {list.data ? t('common.count', { count: list.data.length }) : null}
            </Text>
          </Group>
          {list.error ? <ApiErrorAlert error={list.error} mb="sm" /> : null}
          <DataTable
            label={t('apiTokens.tableLabel')}
            data={list.data}
            columns={columns}
            loading={list.isPending}
            skeletonRows={3}
            getRowId={(token) => token.id}
            emptyMessage={t('apiTokens.empty')}
            initialSorting={[{ id: 'createdAt', desc: true }]}
            testId="api-token-table"
          />
        </Paper>
      </Stack>
      <CreatedTokenDialog token={created} onClose={() => setCreated(null)} />
      <ConfirmDialog
        opened={toRevoke !== null}
        title={t('apiTokens.revokeTitle')}
        message={t('apiTokens.revokeConfirm', { name: toRevoke?.name ?? '' })}
        confirmLabel={t('apiTokens.revokeSubmit')}
        loading={revoke.isPending}
        error={revoke.error}
        onClose={() => {
          setToRevoke(null)
          revoke.reset()
        }}
        onConfirm={() => {
          if (!toRevoke) return
          revoke.mutate(toRevoke, {
            onSuccess: () => {
              setToRevoke(null)
              setNotice({ id: 'I-AUTH-004' })
            },
          })
        }}
      />
    </Page>
  )
}
