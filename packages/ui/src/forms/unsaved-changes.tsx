import { useCallback, useEffect, useState, type ReactNode } from 'react'
import type { FieldValues, UseFormReturn } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { useBlocker } from 'react-router'
import { ConfirmDialog } from '../components/confirm-dialog.tsx'

/**
 * Guards a form with unsaved input against leaving its screen (menu, links, back button) and
 * against closing or reloading the tab: while `dirty`, leaving asks to confirm first.
 * Render the returned element next to the form. A redirect to the login page (expired session)
 * is let through: `useFormDraft` keeps the input for after the re-login. `onDiscard` runs when
 * the user confirms leaving (pass the draft's `clear`, so discarded input is not restored).
 *
 *   const leaveGuard = useUnsavedChangesGuard(form.formState.isDirty && !form.formState.isSubmitSuccessful)
 *   return <>{leaveGuard}<form …/></>
 */
export function useUnsavedChangesGuard(
  dirty: boolean,
  options: { onDiscard?: () => void } = {},
): ReactNode {
  const { t } = useTranslation()
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      dirty &&
      currentLocation.pathname !== nextLocation.pathname &&
      !nextLocation.pathname.endsWith('/login'),
  )
  useEffect(() => {
    if (!dirty) return
    const warn = (event: BeforeUnloadEvent) => event.preventDefault()
    window.addEventListener('beforeunload', warn)
    return () => window.removeEventListener('beforeunload', warn)
  }, [dirty])
  return (
    <ConfirmDialog
      opened={blocker.state === 'blocked'}
      title={t('unsaved.title')}
      message={t('unsaved.leaveMessage')}
      confirmLabel={t('unsaved.discardAndLeave')}
      onConfirm={() => {
        options.onDiscard?.()
        blocker.proceed?.()
      }}
      onClose={() => blocker.reset?.()}
    />
  )
}

/**
 * Guards a dialog with unsaved input against Esc, the overlay and the close button: while
 * `dirty`, closing asks to confirm. Pass `requestClose` as the Modal's `onClose` and render
 * `confirm` beside the Modal.
 */
export function useDialogCloseGuard(
  dirty: boolean,
  onClose: () => void,
): { requestClose: () => void; confirm: ReactNode } {
  const { t } = useTranslation()
  const [asking, setAsking] = useState(false)
  const requestClose = useCallback(() => {
    if (dirty) setAsking(true)
    else onClose()
  }, [dirty, onClose])
  const confirm = (
    <ConfirmDialog
      opened={asking}
      title={t('unsaved.title')}
      message={t('unsaved.closeMessage')}
      confirmLabel={t('unsaved.discardAndClose')}
      onConfirm={() => {
        setAsking(false)
        onClose()
      }}
      onClose={() => setAsking(false)}
    />
  )
  return { requestClose, confirm }
}

const DRAFT_PREFIX = 'yoryo.draft.'

/** The stored draft of `key`, or null (nothing stored, storage disabled, unreadable). */
export function readDraft<T>(
  key: string,
  storage: Storage | undefined = globalThis.sessionStorage,
): T | null {
  try {
    const raw = storage?.getItem(DRAFT_PREFIX + key)
    return raw ? (JSON.parse(raw) as T) : null
  } catch {
    return null
  }
}

export function writeDraft(
  key: string,
  value: unknown,
  storage: Storage | undefined = globalThis.sessionStorage,
): void {
  try {
    storage?.setItem(DRAFT_PREFIX + key, JSON.stringify(value))
  } catch {
    // Storage full or disabled: the draft lasts as long as the screen.
  }
}

export function clearDraft(
  key: string,
  storage: Storage | undefined = globalThis.sessionStorage,
): void {
  try {
    storage?.removeItem(DRAFT_PREFIX + key)
  } catch {
    // Nothing to clear.
  }
}

/**
 * Keeps a form's input in the tab's session storage while it is edited, and puts it back when
 * the screen is opened again — after a re-login when the session expired on submit, or after
 * a reload. `key` names the form and its record (e.g. `maintenance`, `participant-change:<id>`);
 * call `clear()` once the input is saved. Never use it for passwords.
 * Returns whether a draft was restored, to tell the user.
 */
export function useFormDraft<T extends FieldValues>(
  key: string,
  form: UseFormReturn<T>,
): { restored: boolean; clear: () => void } {
  const [restored, setRestored] = useState(() => readDraft(key) !== null)
  useEffect(() => {
    const draft = readDraft<T>(key)
    if (draft) form.reset(draft, { keepDefaultValues: true })
    // Only the user's own input ('change'), not resets or values set by the screen.
    const subscription = form.watch((values, { type }) => {
      if (type === 'change') writeDraft(key, values)
    })
    return () => {
      subscription.unsubscribe()
      // Left for good (saved, or discarded on the leave guard's confirm): forget the draft.
      // Left for the login page (expired session): keep it for after the re-login.
      if (!window.location.pathname.endsWith('/login')) clearDraft(key)
    }
  }, [key, form])
  const clear = useCallback(() => {
    clearDraft(key)
    setRestored(false)
  }, [key])
  return { restored, clear }
}
