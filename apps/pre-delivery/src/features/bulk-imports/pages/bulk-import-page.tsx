import { Anchor, Group, Paper, Stack, Table } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import {
  ApiErrorAlert,
  BulkImportResult,
  Page,
  bulkQueries,
  formatDateTime,
  useFormatName,
  useTranslation,
} from '@yoryo/ui'
import { Link, useParams } from 'react-router'

/** 220 一括登録: one upload's result (followed while it runs) and its error file. */
export function BulkImportPage() {
  const { t } = useTranslation()
  const { id = '' } = useParams()
  const formatName = useFormatName()
  const formats = useQuery(bulkQueries.formats())
  const imp = useQuery(bulkQueries.import(id))
  const format = formats.data?.items.find((f) => f.code === imp.data?.format)
  return (
    <Page
      functionCode="220"
      title={t('bulk.detail.title')}
      actions={
        <Anchor component={Link} to=".." relative="path" fz="sm">
          {t('bulk.detail.back')}
        </Anchor>
      }
    >
      <Stack gap="md">
        {imp.error ? <ApiErrorAlert error={imp.error} /> : null}
        {imp.data ? (
          <Paper withBorder p="md">
            <Stack gap="md">
              <Table className="yoryo-definition" withRowBorders={false}>
                <Table.Tbody>
                  <Table.Tr>
                    <Table.Th w={160}>{t('bulk.upload.format')}</Table.Th>
                    <Table.Td>{format ? formatName(format) : imp.data.format}</Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Th>{t('bulk.detail.fileName')}</Table.Th>
                    <Table.Td>{imp.data.fileName}</Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Th>{t('bulk.detail.uploadedBy')}</Table.Th>
                    <Table.Td>{imp.data.createdBy}</Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Th>{t('bulk.detail.createdAt')}</Table.Th>
                    <Table.Td>{formatDateTime(imp.data.createdAt)}</Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Th>{t('bulk.detail.finishedAt')}</Table.Th>
                    <Table.Td>{formatDateTime(imp.data.finishedAt)}</Table.Td>
                  </Table.Tr>
                </Table.Tbody>
              </Table>
              <Group>
                <BulkImportResult id={id} />
              </Group>
            </Stack>
          </Paper>
        ) : null}
      </Stack>
    </Page>
  )
}
