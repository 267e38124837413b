import { Checkbox, Group, Stack } from '@mantine/core'
import {
  FilterBar,
  KeywordFilter,
  ListScreen,
  readText,
  useTranslation,
  type ListScreenProps,
  type ListState,
} from '@yoryo/ui'
import { Controller } from 'react-hook-form'
import { z } from 'zod'
import { RunBar, type RunSelectionState } from './run-bar.tsx'

/**
 * A list of the assessment (B40, C00, B90) under its month-and-run bar: the list of the run shown;
 * empty — "not run yet" when the month has no run — until a run of the month has succeeded, and
 * exported (CSV) only then.
 */
export function RunList<T>({
  run,
  withRunButton = false,
  list,
  emptyMessage,
  csv,
  ...props
}: Omit<ListScreenProps<T>, 'result' | 'csv'> & {
  run: RunSelectionState
  /** B40: the operator's button that assesses the month (again). */
  withRunButton?: boolean
  list: ListScreenProps<T>['result']
  csv: NonNullable<ListScreenProps<T>['csv']>
}) {
  const { t } = useTranslation()
  return (
    <Stack gap="sm">
      <RunBar state={run} withRunButton={withRunButton} />
      <ListScreen
        {...props}
        result={
          run.selection !== undefined
            ? list
            : {
                data: run.runs.isPending ? undefined : { items: [], total: 0 },
                error: null,
                isPending: run.runs.isPending,
              }
        }
        emptyMessage={run.run ? emptyMessage : t('assessment.results.noRun')}
        csv={run.selection ? csv : undefined}
      />
    </Stack>
  )
}

const filterSchema = z.object({ resource: z.string().trim().max(100), flag: z.boolean() })

/** The filters a list of the assessment reads from the URL: `resource` and its check box. */
export function runFilters(state: ListState, flag?: string) {
  return {
    resource: readText(state.params, 'resource') ?? '',
    flag: flag ? state.params.get(flag) === 'true' : false,
  }
}

/**
 * The filter bar of a list of the assessment: part of the resource's code or name and, given
 * `flag`, one check box kept in the URL as `<param>=true`.
 */
export function RunFilters({
  state,
  flag,
  testId,
}: {
  state: ListState
  flag?: { param: string; label: string; testId?: string }
  testId: string
}) {
  const { t } = useTranslation()
  return (
    <FilterBar
      schema={filterSchema}
      values={runFilters(state, flag?.param)}
      onApply={(values) =>
        state.update({
          resource: values.resource,
          ...(flag ? { [flag.param]: values.flag ? 'true' : '' } : {}),
        })
      }
      onClear={() => state.clear(flag ? ['resource', flag.param] : ['resource'])}
      testId={testId}
    >
      {(form) => (
        <>
          <KeywordFilter
            registration={form.register('resource')}
            error={form.formState.errors.resource}
            label={t('assessment.results.resource')}
          />
          {flag ? (
            <Group align="flex-end" h={60}>
              <Controller
                control={form.control}
                name="flag"
                render={({ field }) => (
                  <Checkbox
                    label={flag.label}
                    checked={field.value}
                    onChange={(e) => field.onChange(e.currentTarget.checked)}
                    mb={8}
                    data-testid={flag.testId}
                  />
                )}
              />
            </Group>
          ) : null}
        </>
      )}
    </FilterBar>
  )
}
