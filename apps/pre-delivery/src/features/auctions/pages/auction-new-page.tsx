import { Button, Group, NativeSelect, NumberInput, Paper, Stack, TextInput } from '@mantine/core'
import {
  auctionSubtypes,
  auctionTypes,
  fiscalYearOf,
  jstAt,
  type AuctionSubtype,
  type AuctionType,
} from '@yoryo/contracts'
import {
  ApiErrorAlert,
  MessageAlert,
  Page,
  useSession,
  useTranslation,
  useUnsavedChangesGuard,
} from '@yoryo/ui'
import { useEffect, useState } from 'react'
import { useNavigate } from 'react-router'
import { useCreateAuction } from '../api.ts'
import {
  WindowsFields,
  windowInputsOf,
  windowsOfInputs,
  type WindowInputs,
} from '../components/windows-fields.tsx'

/** Windows to start from: expected capacity in a week for two weeks, bidding a week after. */
function defaultWindows(now = new Date()): WindowInputs {
  const at = (days: number, hour: number) => jstAt(now, days, hour).toISOString()
  return windowInputsOf({
    expectedCapacity: { opensAt: at(7, 9), closesAt: at(21, 17) },
    bidding: { opensAt: at(28, 9), closesAt: at(35, 17) },
  })
}

/**
 * 120 オークションの作成 (`/auctions/new`, operator): type, subtype, delivery year and windows;
 * the parameters start from the reference values of the delivery year and are edited on the
 * detail screen.
 */
export function AuctionNewPage() {
  const { t } = useTranslation()
  const session = useSession()
  return (
    <Page
      functionCode="120"
      title={t('auctions.new.title')}
      description={t('auctions.new.description')}
    >
      {session.user.role === 'operator' ? <NewAuctionForm /> : <MessageAlert id="E-AUTH-005" />}
    </Page>
  )
}

function NewAuctionForm() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const create = useCreateAuction()
  const [type, setType] = useState<AuctionType>('main')
  const [subtype, setSubtype] = useState<AuctionSubtype>('procurement')
  const [deliveryYear, setDeliveryYear] = useState<number | ''>(fiscalYearOf(new Date()) + 4)
  const [note, setNote] = useState('')
  const [windows, setWindows] = useState<WindowInputs>(() => defaultWindows())
  const [dirty, setDirty] = useState(false)
  const [createdId, setCreatedId] = useState<string | null>(null)
  const guard = useUnsavedChangesGuard(dirty && createdId === null)
  // Leaves for the new auction once the guard is off (after the render that turns it off).
  useEffect(() => {
    if (createdId) void navigate(`/auctions/${createdId}`)
  }, [createdId, navigate])
  const touched =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      setDirty(true)
      set(v)
    }
  const value = windowsOfInputs(windows)

  const submit = async () => {
    if (!value || deliveryYear === '') return
    const created = await create.mutateAsync({ type, subtype, deliveryYear, windows: value, note })
    setCreatedId(created.id)
  }

  return (
    <Paper withBorder p="md" className="yoryo-panel">
      {guard}
      <Stack gap="md">
        {create.error ? <ApiErrorAlert error={create.error} /> : null}
        <Group align="flex-start" gap="md">
          <NativeSelect
            label={t('auctions.fields.type')}
            w={220}
            value={type}
            onChange={(e) => touched(setType)(e.currentTarget.value as AuctionType)}
            data={auctionTypes.map((v) => ({ value: v, label: t(`auctions.type.${v}`) }))}
            data-testid="auction-type"
          />
          <NativeSelect
            label={t('auctions.fields.subtype')}
            w={220}
            value={subtype}
            onChange={(e) => touched(setSubtype)(e.currentTarget.value as AuctionSubtype)}
            data={auctionSubtypes.map((v) => ({ value: v, label: t(`auctions.subtype.${v}`) }))}
          />
          <NumberInput
            label={t('auctions.fields.deliveryYear')}
            w={160}
            min={2020}
            max={2100}
            allowDecimal={false}
            thousandSeparator={false}
            value={deliveryYear}
            onChange={(v) => touched(setDeliveryYear)(typeof v === 'number' ? v : '')}
            data-testid="auction-delivery-year"
          />
        </Group>
        <WindowsFields value={windows} onChange={touched(setWindows)} />
        <TextInput
          label={t('auctions.fields.note')}
          maxLength={500}
          value={note}
          onChange={(e) => touched(setNote)(e.currentTarget.value)}
        />
        <Group justify="flex-end">
          <Button
            onClick={() => void submit().catch(() => undefined)}
            loading={create.isPending}
            disabled={!value || deliveryYear === ''}
            data-testid="auction-create"
          >
            {t('auctions.new.submit')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  )
}
