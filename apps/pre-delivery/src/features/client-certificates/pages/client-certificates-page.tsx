import {
  ActionIcon,
  Badge,
  Button,
  CopyButton,
  Group,
  Menu,
  Stack,
  Text,
  Tooltip,
} from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import {
  DAY_MS,
  clientCertificateListQuerySchema,
  clientCertificateSortFields,
  clientCertificateStatusSchema,
  type ClientCertificate,
  type ClientCertificateStatus,
} from '@yoryo/contracts'
import {
  CheckIcon,
  ChoiceFilter,
  ConfirmDialog,
  CopyIcon,
  createColumnHelper,
  exportFileName,
  FilterBar,
  formatDateTime,
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
  useNow,
  useSession,
  useTranslation,
} from '@yoryo/ui'
import { useMemo, useState } from 'react'
import { z } from 'zod'
import { certificateQueries, useRevokeCertificate, type CertificateListParams } from '../api.ts'
import { CertificateImportDialog } from '../components/certificate-import-dialog.tsx'
import {
  CertificateRegisterDialog,
  type CertificateOwner,
} from '../components/certificate-register-dialog.tsx'

const column = createColumnHelper<ClientCertificate>()
/** A certificate expiring within this many days is flagged (as the portal top warns). */
const WARNING_DAYS = 30

const STATUS_COLOR: Record<ClientCertificateStatus, string> = {
  active: 'green',
  notYetValid: 'blue',
  expired: 'gray',
  revoked: 'gray',
}

/** Days left of an active certificate expiring within 30 days, else null. */
export function daysLeft(certificate: ClientCertificate, now: Date): number | null {
  if (certificate.status !== 'active') return null
  const ms = new Date(certificate.validTo).getTime() - now.getTime()
  return ms > 0 && ms <= WARNING_DAYS * DAY_MS ? Math.ceil(ms / DAY_MS) : null
}

/** `AB12CD34…9F0E1D2C`: enough to tell certificates apart; the whole one is copied. */
function shortFingerprint(fingerprint: string): string {
  return fingerprint.length > 16
    ? `${fingerprint.slice(0, 8)}…${fingerprint.slice(-8)}`
    : fingerprint
}

function Fingerprint({ value }: { value: string }) {
  const { t } = useTranslation()
  return (
    <Group gap={4} wrap="nowrap">
      <span title={value}>{shortFingerprint(value)}</span>
      <CopyButton value={value} timeout={2000}>
        {({ copied, copy }) => (
          <Tooltip
            label={
              copied
                ? t('clientCertificates.fingerprintCopied')
                : t('clientCertificates.copyFingerprint')
            }
            withArrow
            position="top"
          >
            <ActionIcon
              variant="subtle"
              color={copied ? 'green' : 'gray'}
              size="sm"
              onClick={copy}
              aria-label={t('clientCertificates.copyFingerprint')}
            >
              {copied ? <CheckIcon size={14} /> : <CopyIcon size={14} />}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </Group>
  )
}

/** The filters as the form edits them: '' for "all". */
const filterSchema = clientCertificateListQuerySchema.pick({ q: true }).extend({
  participantId: z.string(),
  status: z.string(),
})
type FilterValues = z.input<typeof filterSchema>
const FILTER_KEYS = ['participant', 'q', 'status'] as const

/**
 * 710 クライアント証明書管理: the certificates of the participant's users (operator: of any
 * participant) with validity in JST and an expiring-soon flag; register or renew one from a PEM
 * file, import the certificate information file (711), revoke.
 */
export function ClientCertificatesPage() {
  const { t } = useTranslation()
  const session = useSession()
  const now = useNow(60_000)
  const isOperator = session.user.role === 'operator'
  const participants = useQuery({ ...participantOptionQueries.active(), enabled: isOperator })

  const state = useListState(clientCertificateSortFields)
  const filters: FilterValues = {
    participantId: (isOperator && readId(state.params, 'participant')) || '',
    q: state.params.get('q') ?? '',
    status: readChoice(state.params, 'status', clientCertificateStatusSchema.options) ?? '',
  }
  const filterParams: Omit<CertificateListParams, 'page' | 'pageSize'> = {
    participantId: filters.participantId || undefined,
    q: filters.q || undefined,
    status: (filters.status || undefined) as ClientCertificateStatus | undefined,
  }
  const list = useQuery(
    certificateQueries.list({
      ...filterParams,
      sort: state.sort,
      page: state.page,
      pageSize: state.pageSize,
    }),
  )

  const [registerTarget, setRegisterTarget] = useState<{ owner?: CertificateOwner } | null>(null)
  const [importing, setImporting] = useState(false)
  const [toRevoke, setToRevoke] = useState<ClientCertificate | null>(null)
  const [notice, setNotice] = useState<MessageRef | null>(null)
  const revoke = useRevokeCertificate()

  const columns = useMemo(
    () => [
      ...(isOperator
        ? [
            column.accessor((c) => c.participant.code, {
              id: 'participantCode',
              header: t('clientCertificates.columns.participant'),
              cell: (info) => (
                <span className="yoryo-code" title={info.row.original.participant.name}>
                  {info.getValue()}
                </span>
              ),
              meta: { widthClass: 'code' },
            }),
          ]
        : []),
      column.accessor((c) => c.user.userId, {
        id: 'userId',
        header: t('clientCertificates.columns.user'),
        cell: (info) => (
          <Text span fz="sm">
            <span className="yoryo-code">{info.getValue()}</span> {info.row.original.user.name}
          </Text>
        ),
        meta: { widthClass: 'name' },
      }),
      column.accessor('serialNumber', {
        header: t('clientCertificates.columns.serialNumber'),
        cell: (info) => (
          <Text span fz="xs" ff="monospace" className="yoryo-break-anywhere">
            {info.getValue()}
          </Text>
        ),
        meta: { widthClass: 'code' },
      }),
      column.accessor('fingerprint', {
        header: t('clientCertificates.columns.fingerprint'),
        cell: (info) => <Fingerprint value={info.getValue()} />,
        meta: { widthClass: 'id', mono: true },
      }),
      column.accessor('validFrom', {
        header: t('clientCertificates.columns.validFrom'),
        cell: (info) => formatDateTime(info.getValue()),
        meta: { widthClass: 'datetime', tabular: true },
      }),
      column.accessor('validTo', {
        header: t('clientCertificates.columns.validTo'),
        cell: (info) => formatDateTime(info.getValue()),
        meta: { widthClass: 'datetime', tabular: true },
      }),
      column.accessor('status', {
        header: t('clientCertificates.columns.status'),
        cell: (info) => {
          const left = daysLeft(info.row.original, now)
          return (
            <Group gap={4} wrap="nowrap">
              <Badge
                size="sm"
                radius="sm"
                variant="light"
                color={STATUS_COLOR[info.getValue()]}
                style={{ flex: 'none' }}
              >
                {t(`clientCertificates.status.${info.getValue()}`)}
              </Badge>
              {left !== null ? (
                <Badge
                  size="sm"
                  radius="sm"
                  variant="light"
                  color="orange"
                  title={t('clientCertificates.expiresInDays', { days: left })}
                  style={{ flex: 'none' }}
                  data-testid="expiring-soon"
                >
                  {t('clientCertificates.expiringSoon')}
                </Badge>
              ) : null}
            </Group>
          )
        },
        meta: { widthClass: 'label' },
      }),
      column.display({
        id: 'actions',
        header: t('clientCertificates.columns.actions'),
        cell: (info) => {
          const c = info.row.original
          if (c.status === 'revoked') return null
          return (
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <Button
                  size="compact-sm"
                  variant="subtle"
                  aria-label={t('clientCertificates.actionsFor', { serialNumber: c.serialNumber })}
                  rightSection={<span aria-hidden="true">▾</span>}
                >
                  {t('clientCertificates.columns.actions')}
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item
                  onClick={() => {
                    setNotice(null)
                    setRegisterTarget({ owner: { ...c.user, participantId: c.participant.id } })
                  }}
                >
                  {t('clientCertificates.renew')}
                </Menu.Item>
                <Menu.Divider />
                <Menu.Item color="red" onClick={() => setToRevoke(c)}>
                  {t('clientCertificates.revoke')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          )
        },
        meta: { widthClass: 'actions', nowrap: true },
      }),
    ],
    [t, isOperator, now],
  )

  return (
    <Page
      functionCode="710"
      title={t('functions.clientCertificates')}
      description={t('clientCertificates.description')}
      actions={
        <>
          <Button
            variant="default"
            onClick={() => {
              setNotice(null)
              setImporting(true)
            }}
          >
            {t('clientCertificates.import')}
          </Button>
          <Button
            onClick={() => {
              setNotice(null)
              setRegisterTarget({})
            }}
          >
            {t('clientCertificates.register')}
          </Button>
        </>
      }
    >
      <Stack gap={0}>
        {notice ? (
          <MessageAlert {...notice} withCloseButton onClose={() => setNotice(null)} mb="sm" />
        ) : null}
        <ListScreen
          state={state}
          result={list}
          title={t('clientCertificates.listTitle')}
          columns={columns}
          getRowId={(c) => c.id}
          emptyMessage={t('clientCertificates.empty')}
          csv={{
            path: '/api/v1/client-certificates',
            query: { ...filterParams },
            fileName: exportFileName('client-certificates'),
          }}
          testId="certificate-table"
          filters={
            <FilterBar
              schema={filterSchema}
              values={filters}
              onApply={(values) =>
                state.update({
                  participant: values.participantId,
                  q: values.q,
                  status: values.status,
                })
              }
              onClear={() => state.clear(FILTER_KEYS)}
              testId="certificate-filters"
            >
              {(form) => (
                <>
                  {isOperator ? (
                    <ParticipantFilter
                      control={form.control}
                      name="participantId"
                      label={t('clientCertificates.filters.participant')}
                    />
                  ) : null}
                  <KeywordFilter
                    label={t('clientCertificates.filters.keyword')}
                    placeholder={t('clientCertificates.filters.keywordPlaceholder')}
                    w={300}
                    registration={form.register('q')}
                    error={form.formState.errors.q}
                  />
                  <ChoiceFilter
                    control={form.control}
                    name="status"
                    label={t('clientCertificates.filters.status')}
                    w={140}
                    options={clientCertificateStatusSchema.options.map((s) => ({
                      value: s,
                      label: t(`clientCertificates.status.${s}`),
                    }))}
                  />
                </>
              )}
            </FilterBar>
          }
        />
      </Stack>

      <CertificateRegisterDialog
        target={registerTarget}
        participants={participants.data}
        defaultParticipantId={filters.participantId}
        onClose={() => setRegisterTarget(null)}
        onRegistered={() => {
          setRegisterTarget(null)
          setNotice({ id: 'I-CERT-001' })
        }}
      />
      <CertificateImportDialog
        opened={importing}
        defaultParticipantId={filters.participantId}
        onClose={() => setImporting(false)}
        onImported={(result) => {
          setImporting(false)
          setNotice({ id: 'I-CERT-002', params: { count: result.appliedCount } })
        }}
      />
      <ConfirmDialog
        opened={toRevoke !== null}
        title={t('clientCertificates.revokeDialog.title')}
        message={t('clientCertificates.revokeDialog.confirm', {
          userId: toRevoke?.user.userId ?? '',
          serialNumber: toRevoke?.serialNumber ?? '',
        })}
        confirmLabel={t('clientCertificates.revokeDialog.submit')}
        loading={revoke.isPending}
        error={revoke.error}
        onClose={() => {
          setToRevoke(null)
          revoke.reset()
        }}
        onConfirm={() => {
          if (!toRevoke) return
          setNotice(null)
          revoke.mutate(toRevoke, {
            onSuccess: () => {
              setToRevoke(null)
              setNotice({ id: 'I-CERT-003' })
            },
          })
        }}
      />
    </Page>
  )
}
