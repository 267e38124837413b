import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { AreaNetwork } from './max-flow.ts'
import type { NetworkLink } from './max-flow.ts'

/** Minimum cut by enumerating every source side: the max-flow value it must equal. */
function bruteForceMinCut(supply: number[], required: number[], links: NetworkLink[]): number {
  const n = supply.length
  let best = Number.POSITIVE_INFINITY
  for (let mask = 0; mask < 1 << n; mask++) {
    const inS = (a: number) => (mask & (1 << a)) !== 0
    let cut = 0
    for (let a = 0; a < n; a++) {
      if (!inS(a)) cut += supply[a] ?? 0
      else cut += required[a] ?? 0
    }
    for (const l of links) if (inS(l.from) && !inS(l.to)) cut += l.limitKw
    best = Math.min(best, cut)
  }
  return best
}

describe('AreaNetwork', () => {
  it('routes surplus over an interconnection up to its limit', () => {
    // hokkaido 0: supply 100, needs 300; tohoku 1: supply 1000, needs 500; link 1→0 limit 150.
    const net = new AreaNetwork([100, 1000], [300, 500], [{ from: 1, to: 0, limitKw: 150 }])
    expect(net.totalFlow()).toBe(750)
    expect(net.servedKw(0)).toBe(250)
    expect(net.servedKw(1)).toBe(500)
    expect(net.linkFlowKw(1, 0)).toBe(150)
    expect(net.linkFlowKw(0, 1)).toBe(0)
    expect(net.usedSupplyKw(1)).toBe(650)
    expect(net.reachableFromSource()).toEqual([false, true])
  })

  it('re-maximises from the previous flow after supply is added', () => {
    const net = new AreaNetwork([100, 1000], [300, 500], [{ from: 1, to: 0, limitKw: 150 }])
    expect(net.servedKw(0)).toBe(250)
    net.addSupply(0, 30)
    expect(net.servedKw(0)).toBe(280)
    net.addSupply(0, 100)
    expect(net.servedKw(0)).toBe(300)
    expect(net.reachableFromSource()).toEqual([true, true])
  })

  it('equals the minimum cut on random networks, also after supply is added', () => {
    const instance = fc.integer({ min: 1, max: 6 }).chain((n) =>
      fc.record({
        supply: fc.array(fc.integer({ min: 0, max: 50 }), { minLength: n, maxLength: n }),
        required: fc.array(fc.integer({ min: 0, max: 50 }), { minLength: n, maxLength: n }),
        links: fc.uniqueArray(
          fc.record({
            from: fc.integer({ min: 0, max: n - 1 }),
            to: fc.integer({ min: 0, max: n - 1 }),
            limitKw: fc.integer({ min: 1, max: 30 }),
          }),
          { selector: (l) => `${l.from}>${l.to}`, maxLength: n * 2 },
        ),
        additions: fc.array(
          fc.tuple(fc.integer({ min: 0, max: n - 1 }), fc.integer({ min: 1, max: 20 })),
          { maxLength: 4 },
        ),
      }),
    )
    fc.assert(
      fc.property(instance, ({ supply, required, links, additions }) => {
        const usable = links.filter((l) => l.from !== l.to)
        const net = new AreaNetwork(supply, required, usable)
        expect(net.totalFlow()).toBe(bruteForceMinCut(supply, required, usable))
        const current = supply.slice()
        for (const [area, kw] of additions) {
          net.addSupply(area, kw)
          current[area] = (current[area] ?? 0) + kw
          expect(net.totalFlow()).toBe(bruteForceMinCut(current, required, usable))
        }
        // Areas reachable from the source are fully served.
        net.reachableFromSource().forEach((reachable, a) => {
          if (reachable) expect(net.servedKw(a)).toBe(required[a])
        })
      }),
      { numRuns: 300 },
    )
  })
})
