import { zodResolver } from '@hookform/resolvers/zod'
import { Anchor, Button, Group, Stack, Text, Title } from '@mantine/core'
import { systemUseApplicationSchema, type SystemUseApplication } from '@yoryo/contracts'
import {
  ApiErrorAlert,
  Page,
  StandaloneLayout,
  applyFieldErrors,
  isShownOnFields,
  useFocusWhenEnabled,
  useTranslation,
  zodIssueToMessage,
} from '@yoryo/ui'
import { useEffect, useRef, useState } from 'react'
import { FormProvider, useForm, type FieldPath } from 'react-hook-form'
import { Link } from 'react-router'
import type { z } from 'zod'
import { useCreateSystemUseApplication, type SystemUseCredentials } from '../api.ts'
import { ReceiptPanel } from '../components/receipt-panel.tsx'
import { StepIndicator, type ApplyStep } from '../components/step-indicator.tsx'
import { SystemUseFields } from '../components/system-use-form.tsx'
import { SystemUseView } from '../components/system-use-view.tsx'
import { SYSTEM_USE_FIELDS, emptySystemUse } from '../fields.ts'

type Schema = typeof systemUseApplicationSchema
type Input = z.input<Schema>
const FIELDS = SYSTEM_USE_FIELDS as FieldPath<Input>[]

/** Width of the card: the form laid out as a table with the label at the left. */
export const APPLY_CARD_WIDTH = 960

/**
 * 700 容量市場システム利用申込 (public, no login): 入力 → 確認 → 完了. The form is validated with
 * the contract's schema; on completion the receipt number and the access key are shown once.
 */
export function ApplyPage() {
  const { t } = useTranslation()
  const [step, setStep] = useState<ApplyStep>('input')
  const [confirmed, setConfirmed] = useState<SystemUseApplication | null>(null)
  const [receipt, setReceipt] = useState<SystemUseCredentials | null>(null)
  const create = useCreateSystemUseApplication()
  const form = useForm<Input, unknown, SystemUseApplication>({
    resolver: zodResolver(systemUseApplicationSchema, { error: zodIssueToMessage }),
    defaultValues: emptySystemUse() as Input,
  })
  // The form stays mounted (hidden) while confirming: errors from the API land on its fields.
  const focusField = useFocusWhenEnabled(form.setFocus, create.isPending || step !== 'input')
  const stepHeadingRef = useRef<HTMLHeadingElement>(null)
  const previousStep = useRef(step)
  useEffect(() => {
    if (previousStep.current === step) return
    previousStep.current = step
    window.scrollTo({ top: 0 })
    if (step === 'confirm') stepHeadingRef.current?.focus()
  }, [step])

  const toConfirm = form.handleSubmit((values) => {
    create.reset()
    setConfirmed(values)
    setStep('confirm')
  })

  const apply = async () => {
    if (!confirmed) return
    try {
      const created = await create.mutateAsync(confirmed)
      setReceipt({
        receiptNo: created.application.receiptNo,
        accessKey: created.accessKey,
      })
      setStep('done')
    } catch (error) {
      if (isShownOnFields(error, FIELDS)) {
        setStep('input')
        applyFieldErrors(error, form.setError, FIELDS, focusField)
      }
    }
  }

  const startOver = () => {
    form.reset(emptySystemUse() as Input)
    create.reset()
    setConfirmed(null)
    setReceipt(null)
    setStep('input')
  }

  const error = create.error
  const showError = error && !isShownOnFields(error, FIELDS)

  return (
    <StandaloneLayout width={APPLY_CARD_WIDTH}>
      <Page functionCode="700" title={t('systemUse.title')}>
        <Stack gap="md">
          {step !== 'done' ? (
            <Text fz="sm" c="dimmed" className="yoryo-phrase">
              {t('systemUse.description')}
            </Text>
          ) : null}
          <StepIndicator current={step} />
          <FormProvider {...form}>
            <form
              onSubmit={toConfirm}
              noValidate
              hidden={step !== 'input'}
              data-testid="system-use-form"
            >
              <Stack gap="lg">
                <SystemUseFields />
                <Group justify="flex-end">
                  <Button type="submit">{t('systemUse.toConfirm')}</Button>
                </Group>
              </Stack>
            </form>
          </FormProvider>
          {step === 'confirm' && confirmed ? (
            <Stack gap="md" data-testid="system-use-confirm">
              <Title order={2} className="yoryo-section-title" ref={stepHeadingRef} tabIndex={-1}>
                {t('systemUse.confirmTitle')}
              </Title>
              <Text fz="sm">{t('systemUse.confirmDescription')}</Text>
              <SystemUseView proposed={confirmed} testId="system-use-confirm-view" />
              {showError ? <ApiErrorAlert error={error} /> : null}
              <Group justify="space-between">
                <Button
                  variant="default"
                  onClick={() => setStep('input')}
                  disabled={create.isPending}
                >
                  {t('systemUse.backToInput')}
                </Button>
                <Button onClick={() => void apply()} loading={create.isPending}>
                  {t('systemUse.submit')}
                </Button>
              </Group>
            </Stack>
          ) : null}
          {step === 'done' && receipt ? (
            <ReceiptPanel credentials={receipt} onNew={startOver} />
          ) : null}
          <Group gap="lg" pt="sm">
            <Anchor component={Link} to="/apply/status" fz="sm">
              {t('systemUse.statusLink')}
            </Anchor>
            <Anchor component={Link} to="/login" fz="sm">
              {t('systemUse.toLogin')}
            </Anchor>
          </Group>
        </Stack>
      </Page>
    </StandaloneLayout>
  )
}
