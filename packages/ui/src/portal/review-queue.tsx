import { Anchor, Group, Paper, Skeleton, Text, Title } from '@mantine/core'
import type { Portal } from '@yoryo/contracts'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { formatNumber } from '../format/format.ts'

type ReviewQueueCounts = NonNullable<Portal['reviewQueue']>

/** The applications list of the pre-delivery SPA, filtered (`state=queue`: submitted + in review). */
export const REVIEW_QUEUE_PATH = '/applications?state=queue'

/**
 * The operator's review queue on the portal top (010): applications submitted and in review,
 * each count a link to the list with that state. Its height is kept while the portal loads.
 */
export function ReviewQueue({ queue }: { queue: ReviewQueueCounts | undefined }) {
  const { t } = useTranslation()
  const items = [
    { state: 'submitted', label: t('applications.reviewQueue.submitted'), count: queue?.submitted },
    { state: 'inReview', label: t('applications.reviewQueue.inReview'), count: queue?.inReview },
  ] as const
  return (
    <Paper
      withBorder
      p="md"
      className="yoryo-panel"
      component="section"
      aria-labelledby="section-portal-review-queue"
      data-testid="portal-review-queue"
    >
      <Group justify="space-between" align="center" wrap="nowrap">
        <Group gap="xl" align="center" wrap="nowrap">
          <Title order={2} id="section-portal-review-queue" className="yoryo-section-title">
            {t('applications.reviewQueue.title')}
          </Title>
          <Group gap="lg" component="ul" className="yoryo-plain-list" wrap="nowrap">
            {items.map((item) => (
              <li key={item.state}>
                <Anchor
                  component={Link}
                  to={`/applications?state=${item.state}`}
                  className="yoryo-queue-count"
                  data-testid={`review-queue-${item.state}`}
                >
                  <Text span fz="sm" c="dimmed">
                    {item.label}
                  </Text>
                  {item.count === undefined ? (
                    <Skeleton h={20} w={40} />
                  ) : (
                    <Text span fz="xl" fw={700} className="yoryo-figures">
                      {t('applications.reviewQueue.count', { value: formatNumber(item.count) })}
                    </Text>
                  )}
                </Anchor>
              </li>
            ))}
          </Group>
        </Group>
        <Anchor component={Link} to={REVIEW_QUEUE_PATH} fz="sm">
          {t('applications.reviewQueue.open')}
        </Anchor>
      </Group>
    </Paper>
  )
}
