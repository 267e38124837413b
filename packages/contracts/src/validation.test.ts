import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { messageForIssue } from './validation.ts'

function messageIds(schema: z.ZodType, value: unknown) {
  // As the API parses (apps/api/src/lib/validation.ts): the input is reported.
  const result = z.object({ value: schema }).safeParse({ value }, { reportInput: true })
  return (result.error?.issues ?? []).map((issue) => messageForIssue(issue).messageId)
}

describe('messageForIssue', () => {
  it('asks to choose when a choice is left empty (an enumeration or a record by its ID)', () => {
    for (const empty of [undefined, null, '']) {
      expect(messageIds(z.enum(['a', 'b']), empty)).toEqual(['E-COMMON-013'])
    }
    // A select holds '' until chosen.
    expect(messageIds(z.uuid(), '')).toEqual(['E-COMMON-013'])
  })

  it('says the format is wrong for a value that is not one of the options', () => {
    expect(messageIds(z.enum(['a', 'b']), 'c')).toEqual(['E-COMMON-008'])
    expect(messageIds(z.uuid(), 'not-an-id')).toEqual(['E-COMMON-008'])
  })

  it('says a text field is required when it is empty', () => {
    expect(messageIds(z.string().min(1), '')).toEqual(['E-COMMON-007'])
  })
})
