import { AttachmentPanel, Page, useSession, useTranslation } from '@yoryo/ui'

/** A20 添付ファイル: the attachments of the user's own participant. */
export function AttachmentsPage() {
  const { t } = useTranslation()
  const session = useSession()
  // Attaching and deleting need the edit right on participant information (030, A40).
  const canEdit = session.permissions.some((p) => p.functionGroup === '030' && p.canEdit)
  return (
    <Page
      functionCode="A20"
      title={t('functions.attachments')}
      description={t('attachments.participantDescription')}
    >
      <AttachmentPanel
        ownerType="participant"
        ownerId={session.participant.id}
        readOnly={!canEdit}
      />
    </Page>
  )
}
