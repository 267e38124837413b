import type { FullCatalogue } from './catalogue.ts'

// Type-checked translation keys: `t('login.title')` compiles, `t('login.titel')` does not.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation'
    resources: { translation: FullCatalogue }
  }
}

export {}
