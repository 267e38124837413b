/**
 * Holder history (G50): who holds a contract or a resource from which month on
 * (`contract_holder`, `resource_holder`). A record without history rows is held by its current
 * `participant_id` in every month. Settlement reads the holder OF THE MONTH through
 * `holdersOfMonth`, so a re-run of an old month still pays the old party.
 */
import type { DbClient } from '@yoryo/db'

/** The first month of every history: the holder before any succession. */
export const SINCE_ALWAYS = '0000-01'

export interface Party {
  id: string
  code: string
  name: string
}

/**
 * The holders of `month` of the contracts and resources that have a history; those without one
 * are missing from the maps (their current `participant_id` is the holder).
 */
export async function holdersOfMonth(
  db: DbClient,
  month: string,
  ids: { contractIds: readonly string[]; resourceIds: readonly string[] },
): Promise<{ contracts: Map<string, Party>; resources: Map<string, Party> }> {
  const [contractRows, resourceRows] = await Promise.all([
    ids.contractIds.length
      ? db.contractHolder.findMany({
          where: { contractId: { in: [...ids.contractIds] }, fromMonth: { lte: month } },
          orderBy: { fromMonth: 'asc' },
        })
      : [],
    ids.resourceIds.length
      ? db.resourceHolder.findMany({
          where: { resourceId: { in: [...ids.resourceIds] }, fromMonth: { lte: month } },
          orderBy: { fromMonth: 'asc' },
        })
      : [],
  ])
  // Ascending: the last row of each record is the one in force in `month`.
  const contractHolder = new Map(contractRows.map((r) => [r.contractId, r.participantId]))
  const resourceHolder = new Map(resourceRows.map((r) => [r.resourceId, r.participantId]))
  const partyIds = [...new Set([...contractHolder.values(), ...resourceHolder.values()])]
  const parties = new Map(
    (
      await db.participant.findMany({
        where: { id: { in: partyIds } },
        select: { id: true, code: true, name: true },
      })
    ).map((p) => [p.id, p]),
  )
  const resolve = (m: Map<string, string>) =>
    new Map([...m].flatMap(([id, p]) => (parties.has(p) ? [[id, parties.get(p) as Party]] : [])))
  return { contracts: resolve(contractHolder), resources: resolve(resourceHolder) }
}

/** The participant holding one contract in `month`. */
export async function contractHolderOfMonth(
  db: DbClient,
  contractId: string,
  month: string,
): Promise<string | null> {
  const row = await db.contractHolder.findFirst({
    where: { contractId, fromMonth: { lte: month } },
    orderBy: { fromMonth: 'desc' },
  })
  if (row) return row.participantId
  const contract = await db.contract.findUnique({
    where: { id: contractId },
    select: { participantId: true },
  })
  return contract?.participantId ?? null
}

/**
 * Writes that `toParticipantId` holds the records from `fromMonth` on: the first time, the
 * current holder is recorded since always first. Rows of later months are left alone.
 */
export async function writeHolders(
  tx: DbClient,
  input: {
    contracts: readonly { id: string; participantId: string }[]
    resources: readonly { id: string; participantId: string }[]
    toParticipantId: string
    fromMonth: string
    successionId: string
  },
): Promise<void> {
  const { toParticipantId, fromMonth, successionId } = input
  for (const c of input.contracts) {
    const any = await tx.contractHolder.count({ where: { contractId: c.id } })
    if (!any && fromMonth > SINCE_ALWAYS) {
      await tx.contractHolder.create({
        data: { contractId: c.id, participantId: c.participantId, fromMonth: SINCE_ALWAYS },
      })
    }
    await tx.contractHolder.upsert({
      where: { contractId_fromMonth: { contractId: c.id, fromMonth } },
      create: { contractId: c.id, participantId: toParticipantId, fromMonth, successionId },
      update: { participantId: toParticipantId, successionId },
    })
  }
  for (const r of input.resources) {
    const any = await tx.resourceHolder.count({ where: { resourceId: r.id } })
    if (!any && fromMonth > SINCE_ALWAYS) {
      await tx.resourceHolder.create({
        data: { resourceId: r.id, participantId: r.participantId, fromMonth: SINCE_ALWAYS },
      })
    }
    await tx.resourceHolder.upsert({
      where: { resourceId_fromMonth: { resourceId: r.id, fromMonth } },
      create: { resourceId: r.id, participantId: toParticipantId, fromMonth, successionId },
      update: { participantId: toParticipantId, successionId },
    })
  }
}
