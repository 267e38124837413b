import { Badge } from '@mantine/core'
import type { NoticeCategory, NoticeState } from '@yoryo/contracts'
import { useTranslation } from 'react-i18next'

const CATEGORY_COLOURS: Record<NoticeCategory, string> = {
  info: 'blue',
  important: 'red',
  maintenance: 'orange',
}

const STATE_COLOURS: Record<NoticeState, string> = {
  draft: 'gray',
  scheduled: 'yellow',
  published: 'teal',
  withdrawn: 'dark',
}

/** The category of a notice (A30) as a badge: 重要 stands out in red. */
export function NoticeCategoryBadge({ category }: { category: NoticeCategory }) {
  const { t } = useTranslation()
  return (
    <Badge
      color={CATEGORY_COLOURS[category]}
      variant={category === 'important' ? 'filled' : 'light'}
      radius="sm"
      data-category={category}
    >
      {t(`notices.category.${category}`)}
    </Badge>
  )
}

/** The publication state of a notice (operator's list and detail). */
export function NoticeStateBadge({ state }: { state: NoticeState }) {
  const { t } = useTranslation()
  return (
    <Badge color={STATE_COLOURS[state]} variant="light" radius="sm" data-state={state}>
      {t(`notices.state.${state}`)}
    </Badge>
  )
}

/** The unread marker: a dot beside the title (its text for screen readers). */
export function UnreadDot() {
  const { t } = useTranslation()
  return (
    <span className="yoryo-unread-dot" role="img" aria-label={t('notices.list.unread')}>
      ●
    </span>
  )
}
