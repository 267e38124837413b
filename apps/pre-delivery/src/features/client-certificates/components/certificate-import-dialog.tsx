import { Modal, Text } from '@mantine/core'
import { useQueryClient } from '@tanstack/react-query'
import type { BulkImport } from '@yoryo/contracts'
import { BulkUploadPanel, useTranslation } from '@yoryo/ui'
import { invalidateCertificates } from '../api.ts'

export interface CertificateImportDialogProps {
  opened: boolean
  defaultParticipantId: string
  /** The file was registered (mode apply, no error): the dialog closes. */
  onImported: (result: BulkImport) => void
  onClose: () => void
}

/**
 * 711 証明書情報ファイルの取込: the certificate information file through the one bulk-file
 * pipeline (the 220 upload panel with the format fixed): checked, then registered all or
 * nothing, with its progress; a rejected file offers its error file.
 */
export function CertificateImportDialog({
  opened,
  defaultParticipantId,
  onImported,
  onClose,
}: CertificateImportDialogProps) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={<Text fw={700}>{t('clientCertificates.importDialog.title')}</Text>}
      size="xl"
      centered
      closeOnClickOutside={false}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {opened ? (
        <BulkUploadPanel
          format="711"
          defaultParticipantId={defaultParticipantId}
          onFinished={(result) => {
            void invalidateCertificates(queryClient)
            if (result.state === 'succeeded' && result.mode === 'apply') onImported(result)
          }}
        />
      ) : null}
    </Modal>
  )
}
