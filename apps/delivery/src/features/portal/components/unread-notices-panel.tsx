import { Anchor, Group, Paper, Skeleton, Text, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import {
  ApiErrorAlert,
  NoticeCategoryBadge,
  UnreadDot,
  formatDate,
  noticeQueries,
  useTranslation,
} from '@yoryo/ui'
import { Link } from 'react-router'

/**
 * 未読のおしらせ on the delivery portal (A20 → A30): the latest five unread notices and a link to
 * the list. The list area keeps the height of five rows while loading and after, so nothing on
 * the page moves when the notices arrive.
 */
export function UnreadNoticesPanel() {
  const { t } = useTranslation()
  const unread = useQuery(noticeQueries.unread())
  const id = 'section-portal-notices'
  return (
    <Paper
      withBorder
      p="md"
      className="yoryo-panel"
      component="section"
      aria-labelledby={id}
      aria-busy={unread.isPending}
      data-testid="portal-notices"
    >
      <Group justify="space-between" align="baseline" mb="xs">
        <Group gap="sm" align="baseline">
          <Title order={2} id={id} className="yoryo-section-title">
            {t('notices.portal.title')}
          </Title>
          {unread.data ? (
            <Text fz="sm" c="dimmed" data-testid="portal-notices-count">
              {t('notices.portal.count', { count: unread.data.count })}
            </Text>
          ) : (
            <Skeleton h={14} w={60} />
          )}
        </Group>
        <Anchor component={Link} to="/notices" fz="sm" data-testid="portal-notices-all">
          {t('notices.portal.all')}
        </Anchor>
      </Group>
      <ul className="yoryo-unread-notices yoryo-plain-list">
        {unread.isPending
          ? Array.from({ length: 5 }, (_, i) => (
              <li key={i}>
                <Skeleton h={14} w={80} />
                <Skeleton h={14} w={`${60 - i * 6}%`} />
              </li>
            ))
          : null}
        {unread.data?.items.map((n) => (
          <li key={n.id} data-testid="portal-notice">
            <Text fz="sm" c="dimmed" className="yoryo-numeric" style={{ flex: 'none' }}>
              {formatDate(n.publishAt)}
            </Text>
            <span style={{ flex: 'none' }}>
              <NoticeCategoryBadge category={n.category} />
            </span>
            <Anchor
              component={Link}
              to={`/notices/${n.id}`}
              fz="sm"
              className="yoryo-unread"
              truncate="end"
              title={n.title}
            >
              <UnreadDot />
              {n.title}
            </Anchor>
          </li>
        ))}
        {unread.data?.items.length === 0 ? (
          <li>
            <Text fz="sm" c="dimmed" data-testid="portal-notices-none">
              {t('notices.portal.none')}
            </Text>
          </li>
        ) : null}
      </ul>
      {unread.error ? <ApiErrorAlert error={unread.error} /> : null}
    </Paper>
  )
}
