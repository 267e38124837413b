import { describe, expect, it } from 'vitest'
import { isIdentityWrite } from './identity-writes.ts'

describe('identity writes', () => {
  it('counts writes of sessions, tokens, users, participants, rights and settings', () => {
    for (const sql of [
      'UPDATE "public"."session" SET "ended_at" = $1, "end_reason" = $2 WHERE ("public"."session"."id" = $3)',
      'INSERT INTO "public"."api_token" ("id","user_id") VALUES ($1,$2) RETURNING "id"',
      'UPDATE "public"."api_token" SET "revoked_at" = $1 WHERE ("public"."api_token"."id" = $2)',
      'UPDATE "public"."app_user" SET "locked_at" = $1 WHERE ("public"."app_user"."id" = $2)',
      'DELETE FROM "public"."user_permission" WHERE ("public"."user_permission"."user_id" = $1)',
      'UPDATE "public"."participant" SET "status" = CAST($1::text AS "public"."ParticipantStatus")',
      'INSERT INTO "public"."system_setting" ("key","value") VALUES ($1,$2)',
      "update session set ended_at = now(), end_reason = 'logout'",
    ]) {
      expect(isIdentityWrite(sql), sql).toBe(true)
    }
  })

  it('ignores reads, other tables and last-use touches', () => {
    for (const sql of [
      'SELECT "public"."session"."id" FROM "public"."session" WHERE "token_hash" = $1',
      'INSERT INTO "public"."audit_log" ("id") VALUES ($1)',
      'UPDATE "public"."session_note" SET "x" = $1',
      'UPDATE "public"."session" SET "last_seen_at" = $1 WHERE ("public"."session"."id" = $2 AND 1=1) RETURNING "id"',
      'UPDATE "public"."api_token" SET "last_used_at" = $1 WHERE ("public"."api_token"."id" = $2 AND 1=1)',
    ]) {
      expect(isIdentityWrite(sql), sql).toBe(false)
    }
  })
})
