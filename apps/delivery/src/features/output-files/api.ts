import { queryOptions } from '@tanstack/react-query'
import {
  csvSampleListSchema,
  documentSampleListSchema,
  outputFileMapSchema,
} from '@yoryo/contracts'
import { apiFetch } from '@yoryo/ui'

/** K00 / K20 / K21: the output file map, the CSV samples and the document samples. */
export const OUTPUT_FILES_PATH = '/api/v1/output-files'
export const CSV_SAMPLES_PATH = '/api/v1/csv-samples'
export const DOCUMENT_SAMPLES_PATH = '/api/v1/document-samples'

export const documentSampleHref = (kind: string) =>
  `${DOCUMENT_SAMPLES_PATH}/${encodeURIComponent(kind)}/pdf`

export const outputFileQueries = {
  map: () =>
    queryOptions({
      queryKey: ['output-files', 'map'],
      queryFn: ({ signal }) => apiFetch(OUTPUT_FILES_PATH, { schema: outputFileMapSchema, signal }),
      staleTime: Infinity,
    }),
  csvSamples: () =>
    queryOptions({
      queryKey: ['output-files', 'csv-samples'],
      queryFn: ({ signal }) => apiFetch(CSV_SAMPLES_PATH, { schema: csvSampleListSchema, signal }),
      staleTime: Infinity,
    }),
  documentSamples: () =>
    queryOptions({
      queryKey: ['output-files', 'document-samples'],
      queryFn: ({ signal }) =>
        apiFetch(DOCUMENT_SAMPLES_PATH, { schema: documentSampleListSchema, signal }),
      staleTime: Infinity,
    }),
}
