import { Button, Skeleton } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import type { ResourceDetail } from '@yoryo/contracts'
import {
  ApiErrorAlert,
  MessageAlert,
  Page,
  canEditGroup,
  noticeState,
  useSession,
  useTranslation,
} from '@yoryo/ui'
import { useMemo } from 'react'
import { Link, useNavigate, useParams } from 'react-router'
import { resourceQueries, useFileResourceApplication } from '../api.ts'
import { ResourceForm } from '../components/resource-form.tsx'
import { valuesOfResource } from '../values.ts'

/**
 * 050 電源等の登録申込 (`/resources/new`) and 変更申込 (`/resources/:id/change`): the kind's
 * form (members and sites editable as rows or loaded from CSV), 確認, then the application is
 * filed and opened (I-APP-001).
 */
export function ResourceFormPage() {
  const { t } = useTranslation()
  const session = useSession()
  const { id } = useParams()
  const detail = useQuery({ ...resourceQueries.detail(id ?? ''), enabled: !!id })
  const allowed = canEditGroup(session, '050')
  return (
    <Page
      functionCode="050"
      title={id ? t('resources.form.changeTitle') : t('resources.form.newTitle')}
      description={id ? t('resources.form.changeDescription') : t('resources.form.newDescription')}
      maxWidth={1100}
    >
      {detail.error ? <ApiErrorAlert error={detail.error} /> : null}
      {!allowed ? (
        <MessageAlert id="E-AUTH-005" />
      ) : !id ? (
        <FileApplicationForm />
      ) : detail.data ? (
        <FileApplicationForm resource={detail.data} />
      ) : detail.isPending ? (
        <Skeleton h={480} />
      ) : null}
    </Page>
  )
}

/** Files the form's values as a new registration or change application and opens it. */
function FileApplicationForm({ resource }: { resource?: ResourceDetail }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const file = useFileResourceApplication()
  const current = useMemo(() => (resource ? valuesOfResource(resource) : undefined), [resource])
  return (
    <ResourceForm
      initial={current}
      current={current}
      busy={file.isPending}
      error={file.error}
      fileLabel={current ? t('resources.form.submitChange') : t('resources.form.submitRegister')}
      cancel={
        <Button
          variant="default"
          component={Link}
          to={resource ? `/resources/${resource.id}` : '/resources'}
        >
          {t('resources.form.cancel')}
        </Button>
      }
      onFile={async (proposed) => {
        file.reset()
        const application = await file.mutateAsync(
          resource ? { kind: 'change', resource, proposed } : { kind: 'register', proposed },
        )
        void navigate(
          `/applications/${application.id}`,
          noticeState({ id: 'I-APP-001', params: { receiptNo: application.receiptNo } }),
        )
      }}
    />
  )
}
