import { useNavigation } from 'react-router'

/**
 * A thin bar over the top edge of the header while the router loads the next screen (its code
 * on the first visit). It shows only after a short delay (CSS), so quick navigations do not
 * flicker, and takes no space, so nothing moves.
 */
export function NavigationProgress() {
  const navigation = useNavigation()
  return (
    <div
      className="yoryo-navigation-progress"
      data-active={navigation.state !== 'idle' || undefined}
      aria-hidden="true"
    />
  )
}
