import { zodResolver } from '@hookform/resolvers/zod'
import { Button, Group, Modal, NumberInput, Stack, Text } from '@mantine/core'
import { bidWriteSchema, type AuctionBidItem, type BidWriteResult } from '@yoryo/contracts'
import {
  ApiErrorAlert,
  applyFieldErrors,
  formatNumber,
  isShownOnFields,
  useFieldErrorText,
  useFocusWhenEnabled,
  useTranslation,
  zodIssueToMessage,
} from '@yoryo/ui'
import { Controller, useForm } from 'react-hook-form'
import type { z } from 'zod'
import { useWriteBid } from '../api.ts'

type Schema = typeof bidWriteSchema
const FIELDS = ['kw', 'price'] as const

export interface BidDialogProps {
  auctionId: string
  item: AuctionBidItem
  maxPrice: number
  onAccepted: (result: BidWriteResult) => void
  onClose: () => void
}

/**
 * Registers or changes one bid (react-hook-form with the contract's `bidWriteSchema`); a change
 * sends the version shown, so a bid changed meanwhile is refused (E-BID-004), and a write after
 * the close is refused with the window stated (E-BID-008).
 */
export function BidDialog({ auctionId, item, maxPrice, onAccepted, onClose }: BidDialogProps) {
  const { t } = useTranslation()
  const fieldErrorText = useFieldErrorText()
  const write = useWriteBid(auctionId)
  const live = item.state === 'bid' ? item.bid : null
  const form = useForm<z.input<Schema>, unknown, z.output<Schema>>({
    resolver: zodResolver(bidWriteSchema, { error: zodIssueToMessage }),
    defaultValues: live
      ? { kw: live.kw, price: live.price, version: live.version }
      : { kw: undefined as unknown as number, price: undefined as unknown as number },
  })
  const { errors } = form.formState
  const busy = write.isPending
  const focusField = useFocusWhenEnabled(form.setFocus, busy)
  const onSubmit = form.handleSubmit(async (values) => {
    try {
      const result = await write.mutateAsync({ resourceCode: item.resource.code, ...values })
      onAccepted(result)
    } catch (error) {
      applyFieldErrors(error, form.setError, FIELDS, focusField)
    }
  })
  const error = write.error
  const code = item.resource.code
  return (
    <Modal
      opened
      onClose={onClose}
      title={
        <Text fw={700}>
          {live
            ? t('bids.form.changeTitle', { code, version: live.version })
            : t('bids.form.registerTitle', { code })}
        </Text>
      }
      centered
      closeButtonProps={{ 'aria-label': t('bids.form.cancel') }}
    >
      <form onSubmit={onSubmit} noValidate data-testid="bid-form">
        <Stack gap="sm">
          {error && !isShownOnFields(error, FIELDS) ? <ApiErrorAlert error={error} /> : null}
          <Text fz="sm">
            {item.resource.code} {item.resource.name}
          </Text>
          <fieldset disabled={busy} className="yoryo-fieldset">
            <Stack gap="sm">
              {(['kw', 'price'] as const).map((name) => (
                <Controller
                  key={name}
                  control={form.control}
                  name={name}
                  render={({ field }) => (
                    <NumberInput
                      label={t(`bids.fields.${name}`)}
                      description={
                        name === 'kw'
                          ? t('bids.form.kwHint', { max: formatNumber(item.expectedKw) })
                          : t('bids.form.priceHint', { max: formatNumber(maxPrice) })
                      }
                      required
                      allowDecimal={false}
                      allowNegative={false}
                      thousandSeparator=","
                      w={260}
                      value={field.value ?? ''}
                      onChange={(v) => field.onChange(typeof v === 'number' ? v : undefined)}
                      onBlur={field.onBlur}
                      ref={field.ref}
                      name={field.name}
                      error={fieldErrorText(errors[name])}
                      data-testid={`bid-${name}`}
                    />
                  )}
                />
              ))}
            </Stack>
          </fieldset>
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              {t('bids.form.cancel')}
            </Button>
            <Button type="submit" loading={busy} data-testid="bid-submit">
              {live ? t('bids.form.submitChange') : t('bids.form.submitRegister')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
