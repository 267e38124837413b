import type { ja } from './ja.ts'

/** The shape of a UI catalogue: every leaf of `ja.ts` is a string in every language. */
export type CatalogueShape<T> = {
  [K in keyof T]: T[K] extends string ? string : CatalogueShape<T[K]>
}

export type Catalogue = CatalogueShape<typeof ja>

export type Language = 'ja' | 'en'

export const LANGUAGES: readonly Language[] = ['ja', 'en']

/** All dotted keys of a catalogue, sorted (used by the key-parity test). */
export function catalogueKeys(catalogue: object, prefix = ''): string[] {
  return Object.entries(catalogue)
    .flatMap(([key, value]) =>
      typeof value === 'string'
        ? [`${prefix}${key}`]
        : catalogueKeys(value as object, `${prefix}${key}.`),
    )
    .sort()
}
