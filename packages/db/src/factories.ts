import type { DbClient, DbTransaction } from './client.ts'
import { issueParticipantCode } from './participant-code.ts'
import { Prisma, type Participant, type Role, type User } from './generated/prisma/client.ts'

/**
 * Test-data factories: each call makes a record with unique codes and IDs and plausible values;
 * pass overrides for what the test is about.
 */

/** A password that satisfies the password policy (four character classes, 12+ characters). */
export const TEST_PASSWORD = 'Test#Passw0rd2026'

export type ParticipantOverrides = Partial<Omit<Prisma.ParticipantUncheckedCreateInput, 'users'>>

/**
 * A participant with the next free code `P` + 5 digits (or `overrides.code`), issued by
 * `issueParticipantCode` in the transaction that inserts it, so factories running in parallel
 * (e2e workers) never take the same code.
 */
export async function createParticipant(
  prisma: DbClient,
  overrides: ParticipantOverrides = {},
): Promise<Participant> {
  const create = async (tx: DbTransaction) => {
    const code = overrides.code ?? (await issueParticipantCode(tx))
    const n = code.replace(/^P0*/, '')
    return tx.participant.create({
      data: {
        kind: 'participant',
        name: `テスト電力株式会社 ${n}`,
        nameKana: 'テストデンリョク',
        nameEn: `Test Power Co., Ltd. ${n}`,
        ...overrides,
        code,
      },
    })
  }
  return '$transaction' in prisma ? prisma.$transaction(create) : create(prisma)
}

export type UserInput = Partial<
  Omit<Prisma.UserUncheckedCreateInput, 'participantId' | 'role' | 'passwordHash'>
> & {
  participantId: string
  role: Role
  /** The plain password (default `TEST_PASSWORD`). */
  password?: string
  /** The API's password hashing. */
  hashPassword: (plain: string) => Promise<string>
}

let userSequence = 0

/** A user of `participantId` with a unique `userId` (or `userId` given); returns the password too. */
export async function createUser(
  prisma: DbClient,
  input: UserInput,
): Promise<User & { password: string }> {
  const { password = TEST_PASSWORD, hashPassword, ...overrides } = input
  const passwordHash = await hashPassword(password)
  for (let attempt = 0; ; attempt++) {
    const userId = overrides.userId ?? `test${String(++userSequence).padStart(3, '0')}`
    try {
      const user = await prisma.user.create({
        data: {
          name: `テスト ユーザ${userId.replace(/^test/, '')}`,
          email: `${userId}@test.example`,
          passwordChangedAt: new Date(),
          mustChangePassword: false,
          ...overrides,
          userId,
          passwordHash,
        },
      })
      return { ...user, password }
    } catch (error) {
      if (overrides.userId !== undefined || attempt >= 5 || !isUniqueViolation(error)) throw error
    }
  }
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002'
}
