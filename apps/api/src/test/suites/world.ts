import { randomBytes, randomInt, randomUUID } from 'node:crypto'
import { formatOutagePlanNo, functionGroupCodes } from '@yoryo/contracts'
import {
  createAuction,
  createContract,
  createQualification,
  createResource,
} from '@yoryo/db/factories'
import { loginAs, ORIGIN, type TestContext } from '../harness.ts'
import { profile, systemUseApplication } from '../fixtures.ts'
import { createTestAuction } from '../../modules/clearing/public.ts'
import { multipartBody } from './openapi-operations.ts'

/** The callers every operation is tried as (issue 8, authorisation matrix). */
export const ROLE_NAMES = [
  'anonymous',
  'operator',
  'participantAdmin',
  'userWithoutRights',
  'userWithView',
  'userWithEdit',
  'otherParticipantAdmin',
] as const
export type RoleName = (typeof ROLE_NAMES)[number]

export interface Caller {
  name: RoleName
  /** The user role as in `x-access.roles`; null when anonymous. */
  role: 'operator' | 'participantAdmin' | 'participantUser' | null
  /** Rights on every function group (general users only). */
  rights: 'none' | 'view' | 'edit' | 'all'
  headers: Record<string, string>
  /** One API token of the caller's own. */
  tokenId: string | null
}

/** Records of one participant that operations address by path, query or header. */
export interface Records {
  participantId: string
  userId: string
  applicationId: string
  attachmentId: string
  certificateId: string
  /** A failed upload of the certificate file (711) with a planted formula in its error file. */
  bulkImportId: string
  /** An open auction (bidding opens in a week) and a qualification of one of its resources. */
  auctionId: string
  qualificationId: string
  /** An auction open for bidding with the participant's resources qualified, and one bid (110). */
  biddingAuctionId: string
  /** An auction with published results (120), for the clearing and result paths (own only). */
  publishedAuctionId?: string
  resourceCode: string
  bidId: string
  bidVersionId: string
  /** An outage plan (180) on a contract of the participant's resource. */
  outagePlanId: string
}

export interface World {
  callers: Record<RoleName, Caller>
  /** P00001's records: "own" for the P00001 callers. */
  own: Records
  /** P00002's records: another participant's for the P00001 callers. */
  other: Records
  /** A public system use application (700) and its access key. */
  systemUse: { receiptNo: string; accessKey: string }
}

async function generalUser(
  t: TestContext,
  userId: string,
  rights: 'none' | 'view' | 'edit',
): Promise<void> {
  const template = await t.database.prisma.user.findFirstOrThrow({
    where: { userId: 'user01', participant: { code: 'P00001' } },
  })
  const user = await t.database.prisma.user.create({
    data: {
      participantId: template.participantId,
      userId,
      name: `権限 ${rights}`,
      email: `${userId}@example.jp`,
      role: 'participantUser',
      passwordHash: template.passwordHash,
      passwordChangedAt: new Date(),
    },
  })
  await t.database.prisma.userPermission.deleteMany({ where: { userId: user.id } })
  if (rights !== 'none') {
    await t.database.prisma.userPermission.createMany({
      data: functionGroupCodes.map((functionGroup) => ({
        userId: user.id,
        functionGroup,
        canView: true,
        canEdit: rights === 'edit',
      })),
    })
  }
}

async function records(
  t: TestContext,
  code: string,
  admin: Record<string, string>,
): Promise<Records> {
  const prisma = t.database.prisma
  const participant = await prisma.participant.findFirstOrThrow({ where: { code } })
  const template = await prisma.user.findFirstOrThrow({
    where: { userId: 'user01', participantId: participant.id },
  })
  const target = await prisma.user.create({
    data: {
      participantId: participant.id,
      userId: `target${code.slice(-2)}`,
      name: '対象 利用者',
      email: `target-${code}@example.jp`,
      role: 'participantUser',
      passwordHash: template.passwordHash,
      passwordChangedAt: new Date(),
    },
  })
  const current = (
    await t.app.inject({ url: `/api/v1/participants/${participant.id}`, headers: admin })
  ).json()
  const proposed = profile({
    ...Object.fromEntries(Object.entries(current).filter(([k]) => k in profile())),
    bankAccountNumber: '7654321',
  })
  const filed = await t.app.inject({
    method: 'POST',
    url: `/api/v1/participants/${participant.id}/change-applications`,
    headers: admin,
    payload: { proposed, version: current.version },
  })
  if (filed.statusCode !== 201) throw new Error(`application: ${filed.body}`)
  const upload = multipartBody(
    { ownerType: 'participant', ownerId: participant.id },
    { name: 'note.txt', type: 'text/plain', content: Buffer.from('添付') },
  )
  const attached = await t.app.inject({
    method: 'POST',
    url: '/api/v1/attachments',
    headers: { ...admin, 'content-type': upload.contentType },
    payload: upload.payload,
  })
  if (attached.statusCode !== 201) throw new Error(`attachment: ${attached.body}`)
  const certificate = await prisma.clientCertificate.create({
    data: {
      userId: target.id,
      serialNumber: randomBytes(8).toString('hex').toUpperCase(),
      fingerprint: randomBytes(32).toString('hex').toUpperCase(),
      subject: `CN=${target.userId}`,
      validFrom: new Date(Date.now() - 86_400_000),
      validTo: new Date(Date.now() + 365 * 86_400_000),
    },
  })
  const bulk = multipartBody(
    { format: '711', mode: 'validate' },
    {
      name: 'certificates.csv',
      type: 'text/csv',
      content: Buffer.from(
        'ユーザID,シリアル番号,SHA-256フィンガープリント,有効期間開始,有効期間終了\n' +
          '=HYPERLINK("x"),01,00,2026/04/01,2099/03/31\n',
      ),
    },
  )
  const uploaded = await t.app.inject({
    method: 'POST',
    url: '/api/v1/bulk-imports',
    headers: { ...admin, 'content-type': bulk.contentType },
    payload: bulk.payload,
  })
  if (uploaded.statusCode !== 202) throw new Error(`bulk import: ${uploaded.body}`)
  await t.app.jobs.drain()
  const auction = await createAuction(prisma, {
    state: 'open',
    bidding: {
      opensAt: new Date(Date.now() + 7 * 86_400_000),
      closesAt: new Date(Date.now() + 14 * 86_400_000),
    },
  })
  const resource = await createResource(prisma, { participantId: participant.id })
  const qualification = await createQualification(prisma, { auctionId: auction.id, resource })
  const biddingAuction = await createAuction(prisma)
  const resources = await prisma.resource.findMany({
    where: { participantId: participant.id },
    orderBy: { code: 'asc' },
  })
  for (const resource of resources) {
    await createQualification(prisma, { auctionId: biddingAuction.id, resource })
  }
  const resourceCode = (resources[0] as { code: string }).code
  const bid = await t.app.inject({
    method: 'PUT',
    url: `/api/v1/auctions/${biddingAuction.id}/bids/${resourceCode}`,
    headers: admin,
    payload: { kw: 2000, price: 1000 },
  })
  if (bid.statusCode !== 201) throw new Error(`bid: ${bid.body}`)
  const contract = await createContract(prisma, { resource, state: 'confirmed' })
  // A published release of it (F30: the release amounts list has rows).
  await prisma.contractRelease.create({
    data: {
      contractId: contract.id,
      auctionId: contract.auctionId,
      offerId: randomUUID(),
      participantId: participant.id,
      deliveryYear: contract.deliveryYear,
      releasedKw: 1_000,
      price: 1_000,
      fromMonth: `${contract.deliveryYear}-04`,
    },
  })
  const outagePlan = await prisma.outagePlan.create({
    data: {
      planNo: formatOutagePlanNo(contract.deliveryYear, 900_000 + randomInt(99_999)),
      participantId: participant.id,
      resourceId: resource.id,
      contractId: contract.id,
      deliveryYear: contract.deliveryYear,
      startAt: new Date(`${contract.deliveryYear}-05-01T00:00:00+09:00`),
      endAt: new Date(`${contract.deliveryYear}-05-02T00:00:00+09:00`),
      reducedKw: 1000,
      reason: 'inspection',
    },
  })
  return {
    outagePlanId: outagePlan.id,
    biddingAuctionId: biddingAuction.id,
    resourceCode,
    bidId: bid.json().bid.id,
    bidVersionId: bid.json().bid.versionId,
    participantId: participant.id,
    userId: target.id,
    applicationId: filed.json().id,
    attachmentId: attached.json().id,
    certificateId: certificate.id,
    bulkImportId: uploaded.json().id,
    auctionId: auction.id,
    qualificationId: qualification.id,
  }
}

/** Builds the callers and the records on a fresh test app (demo data loaded). */
export async function buildWorld(t: TestContext): Promise<World> {
  await generalUser(t, 'mxnone01', 'none')
  await generalUser(t, 'mxview01', 'view')
  await generalUser(t, 'mxedit01', 'edit')
  const sessions: Record<RoleName, Record<string, string>> = {
    anonymous: {},
    operator: await loginAs(t.app, 'OCCTO', 'operator01'),
    participantAdmin: await loginAs(t.app, 'P00001', 'admin01'),
    userWithoutRights: await loginAs(t.app, 'P00001', 'mxnone01'),
    userWithView: await loginAs(t.app, 'P00001', 'mxview01'),
    userWithEdit: await loginAs(t.app, 'P00001', 'mxedit01'),
    otherParticipantAdmin: await loginAs(t.app, 'P00002', 'admin01'),
  }
  const shape: Record<RoleName, Pick<Caller, 'role' | 'rights'>> = {
    anonymous: { role: null, rights: 'none' },
    operator: { role: 'operator', rights: 'all' },
    participantAdmin: { role: 'participantAdmin', rights: 'all' },
    userWithoutRights: { role: 'participantUser', rights: 'none' },
    userWithView: { role: 'participantUser', rights: 'view' },
    userWithEdit: { role: 'participantUser', rights: 'edit' },
    otherParticipantAdmin: { role: 'participantAdmin', rights: 'all' },
  }
  const callers = {} as Record<RoleName, Caller>
  for (const name of ROLE_NAMES) {
    let tokenId: string | null = null
    if (name !== 'anonymous') {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/tokens',
        headers: sessions[name],
        payload: { name: `matrix ${name}`, expiresInDays: 1 },
      })
      tokenId = res.json().id
    }
    callers[name] = { name, ...shape[name], headers: sessions[name], tokenId }
  }
  const own = await records(t, 'P00001', sessions.participantAdmin)
  const other = await records(t, 'P00002', sessions.otherParticipantAdmin)
  // G50: a succession of P00002's resource to P00001 waiting for consent (its list has a record).
  const succession = await t.app.inject({
    method: 'POST',
    url: '/api/v1/successions',
    headers: sessions.otherParticipantAdmin,
    payload: {
      kind: 'succession',
      resourceIds: [
        (
          await t.database.prisma.resource.findUniqueOrThrow({
            where: { code: other.resourceCode },
          })
        ).id,
      ],
      toParticipantCode: 'P00001',
      effectiveMonth: '2099-04',
      reason: 'suite world',
    },
  })
  if (succession.statusCode !== 201) throw new Error(`succession: ${succession.body}`)
  own.publishedAuctionId = (
    await createTestAuction(t.database.prisma, t.app.jobs, {
      state: 'published',
      type: 'additional',
      participantCode: 'P00001',
    })
  ).id
  const applied = await t.app.inject({
    method: 'POST',
    url: '/api/v1/applications/system-use',
    headers: { origin: ORIGIN },
    payload: systemUseApplication(),
  })
  if (applied.statusCode !== 201) throw new Error(`system use: ${applied.body}`)
  await settledDocument(t)
  return {
    callers,
    own,
    other,
    systemUse: {
      receiptNo: applied.json().application.receiptNo,
      accessKey: applied.json().accessKey,
    },
  }
}

/** Path values for an operation, addressing `records` (tokens: the caller's own). */
export function pathValues(
  path: string,
  records: Records,
  caller: Caller,
  world: World,
  scope: 'own' | 'other',
): Record<string, string> {
  let id = records.userId
  if (path.startsWith('/api/v1/participants')) id = records.participantId
  else if (path.startsWith('/api/v1/applications')) id = records.applicationId
  else if (path.startsWith('/api/v1/attachments')) id = records.attachmentId
  else if (path.startsWith('/api/v1/client-certificates')) id = records.certificateId
  else if (path.startsWith('/api/v1/bulk-imports')) id = records.bulkImportId
  else if (path.startsWith('/api/v1/auctions')) {
    // Clearing and results need a published auction; set-up and qualification an open one.
    id = /\/(clearings?|results|publication)(\/|$)/.test(path)
      ? (records.publishedAuctionId ?? records.auctionId)
      : records.auctionId
  } else if (path.startsWith('/api/v1/bids/')) id = records.bidId
  else if (path.startsWith('/api/v1/bid-versions/')) id = records.bidVersionId
  else if (path.startsWith('/api/v1/auth/tokens')) {
    const stranger =
      caller.name === 'otherParticipantAdmin'
        ? world.callers.participantAdmin
        : world.callers.otherParticipantAdmin
    const owner = scope === 'own' ? caller : stranger
    id = owner.tokenId ?? records.userId
  }
  return {
    id,
    code: '711',
    action: 'withdraw',
    receiptNo: world.systemUse.receiptNo,
    qid: records.qualificationId,
    auctionId: records.biddingAuctionId,
    resourceCode: records.resourceCode,
    date: '2030-05-01',
  }
}

/** F00/F10: an issued payment notice of P00001 (its run made directly) and a payment of part of it. */
async function settledDocument(t: TestContext): Promise<void> {
  const db = t.database.prisma
  const p = await db.participant.findUniqueOrThrow({ where: { code: 'P00001' } })
  const run = await db.settlementRun.create({
    data: { month: '2030-04', deliveryYear: 2030, version: 1, state: 'succeeded' },
  })
  const doc = await db.settlementDocument.create({
    data: {
      runId: run.id,
      month: '2030-04',
      kind: 'paymentNotice',
      documentId: randomUUID(),
      documentNo: 'PAY2030-000001',
      issuedOn: '2030-05-10',
      participantId: p.id,
      participantCode: p.code,
      participantName: p.name,
      lineCount: 1,
      subtotal: 100_000n,
      base: 100_000n,
      tax: 10_000n,
      total: 110_000n,
      paid: 10_000n,
    },
  })
  await db.payment.create({
    data: {
      direction: 'paid',
      participantId: p.id,
      amount: 10_000n,
      unallocated: 0n,
      state: 'matched',
      valueDate: '2030-05-25',
      bankReference: 'WORLD-1',
      counterpartyName: p.name,
      source: 'manual',
      createdByName: 'system',
      allocations: { create: { documentId: doc.id, amount: 10_000n } },
    },
  })
}
