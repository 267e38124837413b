import { describe, expect, it } from 'vitest'
import { clearDraft, readDraft, writeDraft } from './unsaved-changes.tsx'

function memoryStorage(): Storage {
  const map = new Map<string, string>()
  return {
    get length() {
      return map.size
    },
    clear: () => map.clear(),
    getItem: (k) => map.get(k) ?? null,
    key: (i) => [...map.keys()][i] ?? null,
    removeItem: (k) => void map.delete(k),
    setItem: (k, v) => void map.set(k, v),
  }
}

describe('form drafts', () => {
  it('keeps a draft per key until cleared', () => {
    const storage = memoryStorage()
    expect(readDraft('maintenance', storage)).toBeNull()
    writeDraft('maintenance', { messageJa: '作業中' }, storage)
    expect(readDraft('maintenance', storage)).toEqual({ messageJa: '作業中' })
    expect(readDraft('other', storage)).toBeNull()
    clearDraft('maintenance', storage)
    expect(readDraft('maintenance', storage)).toBeNull()
  })

  it('ignores an unreadable draft', () => {
    const storage = memoryStorage()
    storage.setItem('yoryo.draft.x', '{not json')
    expect(readDraft('x', storage)).toBeNull()
  })
})
