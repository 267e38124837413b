import { useCallback, useEffect, useRef } from 'react'

/**
 * Focus for forms that are disabled while they submit (`<fieldset disabled={busy}>`): a field
 * that gets a server error, or is cleared for another try, cannot take focus while the form is
 * still disabled. The returned function remembers the field and focuses it as soon as the form
 * is enabled again (at once when it already is).
 *
 *   const focusField = useFocusWhenEnabled(form.setFocus, busy)
 *   applyFieldErrors(error, form.setError, FIELDS, focusField)
 */
export function useFocusWhenEnabled<TName extends string>(
  setFocus: (name: TName) => void,
  disabled: boolean,
): (name: TName) => void {
  const pending = useRef<TName | null>(null)
  const disabledRef = useRef(disabled)

  useEffect(() => {
    disabledRef.current = disabled
    if (disabled || pending.current === null) return
    const name = pending.current
    pending.current = null
    setFocus(name)
  }, [disabled, setFocus])

  return useCallback(
    (name: TName) => {
      if (disabledRef.current) pending.current = name
      else setFocus(name)
    },
    [setFocus],
  )
}
