import { Anchor, Badge, Button, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core'
import { useMutation, useQuery } from '@tanstack/react-query'
import type { DocumentSummary, ResourceDetail } from '@yoryo/contracts'
import {
  ApiErrorAlert,
  DataTable,
  DownloadIcon,
  HistoryTimeline,
  OPEN_STATES,
  Page,
  StateBadge,
  ValueRow,
  canEditGroup,
  createColumnHelper,
  downloadFile,
  formatDate,
  formatDateTime,
  noticeState,
  useApplicationTitle,
  useSession,
  useTranslation,
} from '@yoryo/ui'
import { useMemo, useState } from 'react'
import { Link, useNavigate, useParams } from 'react-router'
import { documentPdfPath, resourceQueries } from '../api.ts'
import { ResourceCancelDialog } from '../components/cancel-dialog.tsx'
import { ResourceValues } from '../components/resource-values.tsx'
import { valuesOfResource } from '../values.ts'

const documentColumn = createColumnHelper<DocumentSummary>()

/**
 * 050 電源等情報 (`/resources/:id`): the values, the applications filed on the resource with
 * their history, and its documents (the registration notice, 800) to download. The owning
 * participant applies for a change or a cancellation from here.
 */
export function ResourceDetailPage() {
  const { t } = useTranslation()
  const { id = '' } = useParams()
  const detail = useQuery(resourceQueries.detail(id))
  const resource = detail.data
  return (
    <Page
      functionCode="050"
      title={resource ? `${resource.code} ${resource.name}` : t('functions.resources')}
    >
      <Stack gap="md">
        <Anchor component={Link} to="/resources" fz="sm">
          {t('resources.detail.back')}
        </Anchor>
        {detail.error ? <ApiErrorAlert error={detail.error} /> : null}
        {resource ? <Detail resource={resource} /> : detail.isPending ? <Skeleton h={480} /> : null}
      </Stack>
    </Page>
  )
}

function Detail({ resource }: { resource: ResourceDetail }) {
  const { t } = useTranslation()
  const session = useSession()
  const navigate = useNavigate()
  const applicationTitle = useApplicationTitle()
  const [cancelling, setCancelling] = useState(false)
  const values = useMemo(() => valuesOfResource(resource), [resource])
  const open = resource.applications.find((a) => OPEN_STATES.includes(a.state))
  const mayApply =
    resource.status === 'active' &&
    resource.participant.id === session.participant.id &&
    canEditGroup(session, '050')
  const pdf = useMutation({
    mutationFn: (d: DocumentSummary) => downloadFile(documentPdfPath(d.id), `${d.documentNo}.pdf`),
  })
  const documentColumns = useMemo(
    () => [
      documentColumn.accessor('title', { header: t('resources.detail.documentTitle') }),
      documentColumn.accessor('documentNo', {
        header: t('resources.detail.documentNo'),
        meta: { width: 150, mono: true, nowrap: true },
      }),
      documentColumn.accessor('issuedOn', {
        header: t('resources.detail.issuedOn'),
        cell: (info) => formatDate(info.getValue()),
        meta: { width: 110, nowrap: true },
      }),
      documentColumn.display({
        id: 'download',
        header: '',
        cell: (info) => (
          <Button
            size="compact-sm"
            variant="default"
            leftSection={<DownloadIcon size={14} />}
            loading={pdf.isPending && pdf.variables?.id === info.row.original.id}
            onClick={() => pdf.mutate(info.row.original)}
            data-testid={`document-download-${info.row.original.documentNo}`}
          >
            {t('resources.detail.download')}
          </Button>
        ),
        meta: { width: 90 },
      }),
    ],
    [t, pdf],
  )

  return (
    <Stack gap="md" data-testid="resource-detail">
      <Group justify="space-between" align="center">
        <Group gap="xs">
          <Badge
            size="md"
            radius="sm"
            variant="light"
            color={resource.status === 'active' ? 'green' : 'gray'}
            data-testid="resource-status"
          >
            {t(`resources.status.${resource.status}`)}
          </Badge>
          {open ? (
            <Anchor component={Link} to={`/applications/${open.id}`} fz="sm">
              {t('resources.detail.openApplication', { receiptNo: open.receiptNo })}
            </Anchor>
          ) : null}
        </Group>
        {mayApply ? (
          <Group gap="xs">
            <Button
              variant="default"
              component={Link}
              to={`/resources/${resource.id}/change`}
              data-testid="resource-change"
            >
              {t('resources.detail.change')}
            </Button>
            <Button
              variant="default"
              color="red"
              onClick={() => setCancelling(true)}
              data-testid="resource-cancel"
            >
              {t('resources.detail.cancel')}
            </Button>
          </Group>
        ) : null}
      </Group>
      <Paper withBorder p="md" className="yoryo-panel">
        <ResourceValues
          values={values}
          testId="resource-values"
          extra={
            <>
              <ValueRow
                label={t('resources.fields.code')}
                value={resource.code}
                code
                testId="resource-code"
              />
              <ValueRow
                label={t('resources.fields.participant')}
                value={`${resource.participant.code} ${resource.participant.name}`}
              />
            </>
          }
        />
      </Paper>
      <Paper withBorder p="md" className="yoryo-panel">
        <Title order={2} className="yoryo-section-title" mb="xs">
          {t('resources.sections.documents')}
        </Title>
        {pdf.error ? <ApiErrorAlert error={pdf.error} /> : null}
        <DataTable
          label={t('resources.sections.documents')}
          data={resource.documents}
          columns={documentColumns}
          getRowId={(row) => row.id}
          emptyMessage={t('resources.detail.noDocuments')}
          testId="resource-documents"
        />
      </Paper>
      <Paper withBorder p="md" className="yoryo-panel">
        <Title order={2} className="yoryo-section-title" mb="xs">
          {t('resources.sections.history')}
        </Title>
        {resource.applications.length === 0 ? (
          <Text fz="sm" c="dimmed">
            {t('resources.detail.noApplications')}
          </Text>
        ) : (
          <Stack gap="md" data-testid="resource-history">
            {resource.applications.map((a) => (
              <section key={a.id} aria-label={a.receiptNo}>
                <Group gap="sm" mb={4}>
                  <Anchor
                    component={Link}
                    to={`/applications/${a.id}`}
                    fz="sm"
                    className="yoryo-code"
                  >
                    {a.receiptNo}
                  </Anchor>
                  <Text fz="sm" fw={700}>
                    {applicationTitle(a)}
                  </Text>
                  <StateBadge state={a.state} />
                  {a.submittedAt ? (
                    <Text fz="xs" c="dimmed">
                      {formatDateTime(a.submittedAt)}
                    </Text>
                  ) : null}
                </Group>
                <HistoryTimeline events={a.events} />
              </section>
            ))}
          </Stack>
        )}
      </Paper>
      {cancelling ? (
        <ResourceCancelDialog
          resource={resource}
          opened
          onClose={() => setCancelling(false)}
          onFiled={(application) =>
            void navigate(
              `/applications/${application.id}`,
              noticeState({ id: 'I-APP-001', params: { receiptNo: application.receiptNo } }),
            )
          }
        />
      ) : null}
    </Stack>
  )
}
