import i18next, { type i18n as I18n } from 'i18next'
import { useCallback } from 'react'
import { initReactI18next, useTranslation } from 'react-i18next'
import './types.ts'
import { LANGUAGES, isLanguage, type Language } from './catalogue.ts'
import { attachInstance, catalogueBackend } from './loader.ts'

export { isLanguage }

/**
 * Logged (console.warn) for a text the current screen asks for that is not loaded: keys are
 * type-checked, so this means a catalogue section its route does not load (`lazyComponent`'s
 * `sections`). The e2e fixtures fail a test on it.
 */
export const MISSING_TEXT_WARNING = '[i18n] missing text:'

/** Shared by both SPAs: they are served from one origin, so one localStorage entry serves both. */
export const LANGUAGE_STORAGE_KEY = 'yoryo.language'

export function readStoredLanguage(): Language {
  try {
    const stored = globalThis.localStorage?.getItem(LANGUAGE_STORAGE_KEY)
    return isLanguage(stored) ? stored : 'ja'
  } catch {
    return 'ja'
  }
}

function storeLanguage(language: Language): void {
  try {
    globalThis.localStorage?.setItem(LANGUAGE_STORAGE_KEY, language)
  } catch {
    // Private mode or storage disabled: the choice lasts for this page only.
  }
}

/**
 * Creates the i18next instance of one SPA: Japanese by default, the stored choice if any,
 * `<html lang>` kept in sync, and a language switch in another tab followed here. The texts
 * loaded so far are there at once (the Japanese core always); the others come through
 * `loader.ts` — until a chosen language's core is in, `useTranslation` suspends (UiProvider
 * shows nothing rather than keys), and `changeLanguage` switches once they are in.
 */
export function createI18n(language: Language = readStoredLanguage()): I18n {
  const instance = i18next.createInstance()
  void instance
    .use(initReactI18next)
    .use(catalogueBackend)
    .init({
      resources: attachInstance(instance),
      partialBundledLanguages: true,
      lng: language,
      fallbackLng: 'ja',
      supportedLngs: LANGUAGES,
      interpolation: { escapeValue: false },
      initAsync: false,
      returnNull: false,
      saveMissing: true,
      missingKeyHandler: (_languages, _namespace, key) => {
        console.warn(`${MISSING_TEXT_WARNING} ${key}`)
      },
    })
  const sync = (lng: string) => {
    if (typeof document !== 'undefined') document.documentElement.lang = lng
  }
  sync(instance.language)
  instance.on('languageChanged', (lng) => {
    sync(lng)
    if (isLanguage(lng)) storeLanguage(lng)
  })
  if (typeof window !== 'undefined') {
    window.addEventListener('storage', (event) => {
      if (event.key === LANGUAGE_STORAGE_KEY && isLanguage(event.newValue)) {
        if (event.newValue !== instance.language) void instance.changeLanguage(event.newValue)
      }
    })
  }
  return instance
}

/** The current UI language and a setter that persists it. */
export function useLanguage(): [Language, (language: Language) => void] {
  const { i18n } = useTranslation()
  const current: Language = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'ja'
  const set = useCallback(
    (language: Language) => {
      // Stored at once, not when the new texts are in: a page opened right after the click
      // (a link, a reload) must come up in the chosen language.
      storeLanguage(language)
      void i18n.changeLanguage(language)
    },
    [i18n],
  )
  return [current, set]
}
