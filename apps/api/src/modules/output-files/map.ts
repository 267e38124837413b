import type { FastifyInstance } from 'fastify'
import {
  bulkErrorFileHeaders,
  functionGroups,
  functionOf,
  functionRegistry,
  mayUse,
  type CsvSample,
  type DocumentSample,
  type FunctionEntry,
  type FunctionKey,
  type Label,
  type MenuPermission,
  type OutputFile,
  type Role,
} from '@yoryo/contracts'
import { documentTemplates, type DocumentTemplate } from '../../lib/documents.ts'
import type { ListRouteDeclaration } from '../../lib/list.ts'
import { bulkFileNames } from '../bulk-imports/public.ts'

/**
 * The screen ↔ output file map (K20), generated from what the API declares: every list route
 * (its CSV export and columns, its functions through `config.access`), every document template
 * (its function group) and every bulk format (its sample and its uploads' error file). Nothing
 * here is a hand-kept list of files.
 */

const label = (header: string | Label): Label =>
  typeof header === 'string' ? { ja: header, en: header } : header

/** `/api/v1/auctions/:id/qualifications` → `/api/v1/auctions/{id}/qualifications` (OpenAPI). */
export const openApiPath = (url: string) => url.replace(/:([A-Za-z0-9_]+)/g, '{$1}')

function screenOf(entry: FunctionEntry) {
  return {
    functionKey: entry.key,
    code: entry.code,
    app: entry.app,
    screen: { ja: entry.ja, en: entry.en },
    path: entry.path ?? null,
  }
}

/** The CSV header labels of a list, in file order. */
export const csvHeaderOf = (list: ListRouteDeclaration): Label[] =>
  list.csv.columns.map((c) => label(c.header))

/**
 * The screen a document template's function group is kept on: the group's own function (same
 * code) with a screen, else the first function of the group.
 */
export function documentScreen(template: DocumentTemplate<unknown>): FunctionEntry {
  const members = (functionRegistry as readonly FunctionEntry[]).filter(
    (f) => f.group === template.functionGroup,
  )
  const entry =
    members.find((f) => f.code === template.functionGroup && f.path) ??
    members.find((f) => f.path) ??
    members[0]
  if (!entry) throw new Error(`no function of group ${template.functionGroup}`)
  return entry
}

/** `CC2026-000001.pdf`: the prefix, the fiscal year of issue and the number of the series. */
const documentFileName = (template: DocumentTemplate<unknown>) =>
  template.prefix ? `${template.prefix}{年度}-{連番6桁}.pdf` : '{文書番号}.pdf'

const sampleTitle = (template: DocumentTemplate<unknown>) =>
  template.sample === undefined
    ? template.kind
    : template.title(template.schema.parse(template.sample))

export function buildOutputFileMap(app: FastifyInstance): OutputFile[] {
  const rows: OutputFile[] = []
  for (const list of app.listRoutes.all()) {
    for (const key of list.functions) {
      rows.push({
        ...screenOf(functionOf(key)),
        kind: 'csv',
        source: 'list',
        fileName: list.csv.fileName,
        title: null,
        columns: csvHeaderOf(list),
        apiPath: openApiPath(list.url),
        ref: list.operationId,
      })
    }
  }
  for (const template of documentTemplates()) {
    rows.push({
      ...screenOf(documentScreen(template)),
      kind: 'pdf',
      source: 'document',
      fileName: documentFileName(template),
      title: sampleTitle(template),
      columns: [],
      apiPath: '/api/v1/documents/{id}/pdf',
      ref: template.kind,
    })
  }
  const headers = bulkErrorFileHeaders.ja.map((ja, i) => ({
    ja,
    en: bulkErrorFileHeaders.en[i] as string,
  }))
  for (const format of app.bulkFormats.all()) {
    const upload: FunctionKey =
      functionOf(format.functionKey).app === 'delivery' ? 'deliveryBulkImports' : 'bulkImports'
    rows.push({
      ...screenOf(functionOf('bulkSamples')),
      kind: 'csv',
      source: 'bulkSample',
      fileName: bulkFileNames.sample(format.code),
      title: `${format.code} ${format.ja}`,
      columns: format.items.map((i) => ({ ja: i.header, en: i.headerEn })),
      apiPath: '/api/v1/bulk-formats/{code}/sample',
      ref: format.code,
    })
    rows.push({
      ...screenOf(functionOf(upload)),
      kind: 'csv',
      source: 'bulkErrors',
      fileName: bulkFileNames.errors(format.code),
      title: `${format.code} ${format.ja}`,
      columns: headers,
      apiPath: '/api/v1/bulk-imports/{id}/errors',
      ref: format.code,
    })
  }
  const order = new Map(functionRegistry.map((f, i) => [f.key as string, i]))
  const sources = ['list', 'document', 'bulkSample', 'bulkErrors']
  return rows
    .map((row, i) => ({ row, i }))
    .sort(
      (a, b) =>
        (order.get(a.row.functionKey) ?? 0) - (order.get(b.row.functionKey) ?? 0) ||
        sources.indexOf(a.row.source) - sources.indexOf(b.row.source) ||
        a.i - b.i,
    )
    .map(({ row }) => row)
}

/** K21: every list's CSV header, for the screens the caller may use. */
export function csvSamplesFor(
  app: FastifyInstance,
  role: Role,
  permissions: readonly MenuPermission[],
): CsvSample[] {
  const order = new Map(functionRegistry.map((f, i) => [f.key as string, i]))
  return app.listRoutes
    .all()
    .flatMap((list) =>
      list.functions
        .map(functionOf)
        .filter((entry) => mayUse(entry, role, permissions))
        .map((entry) => ({
          operationId: list.operationId,
          ...screenOf(entry),
          fileName: list.csv.fileName,
          columns: csvHeaderOf(list),
          apiPath: list.url,
          needsQuery: list.needsQuery,
        })),
    )
    .sort((a, b) => (order.get(a.functionKey) ?? 0) - (order.get(b.functionKey) ?? 0))
}

/** K00: every document template with its sample's title. */
export function documentSamples(): DocumentSample[] {
  return documentTemplates().map((template) => {
    const group = functionGroups.find((g) => g.code === template.functionGroup)
    if (!group) throw new Error(`no function group ${template.functionGroup}`)
    return {
      kind: template.kind,
      title: sampleTitle(template),
      prefix: template.prefix ?? null,
      functionGroup: template.functionGroup,
      app: group.app,
      group: { ja: group.ja, en: group.en },
    }
  })
}
