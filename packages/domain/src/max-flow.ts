/**
 * The market-splitting network of rules.md §3.5: source → area a (capacity = supply C_a),
 * area a → sink (capacity = required R_a), area a → area b (capacity = transfer limit a → b).
 *
 * The network has at most 11 nodes, so it is kept as a capacity matrix with a net-flow matrix
 * (flow[u][v] = −flow[v][u]) and maximised with Edmonds–Karp (shortest augmenting paths, nodes
 * visited in area order, so the flow found is deterministic). Supply can be raised afterwards
 * and the flow re-maximised from where it was: the old flow stays feasible, so only the few
 * new augmenting paths are searched.
 */
export interface NetworkLink {
  from: number
  to: number
  limitKw: number
}

export class AreaNetwork {
  /** Number of areas; nodes are 0 = source, 1..n = areas, n+1 = sink. */
  readonly size: number
  private readonly nodes: number
  private readonly sink: number
  private readonly cap: number[][]
  private readonly flow: number[][]
  private readonly queue: number[]
  private readonly parent: number[]
  private dirty = true

  constructor(
    supplyKw: readonly number[],
    requiredKw: readonly number[],
    links: readonly NetworkLink[],
  ) {
    this.size = supplyKw.length
    this.nodes = this.size + 2
    this.sink = this.size + 1
    this.cap = Array.from({ length: this.nodes }, () => new Array<number>(this.nodes).fill(0))
    this.flow = Array.from({ length: this.nodes }, () => new Array<number>(this.nodes).fill(0))
    this.queue = new Array<number>(this.nodes).fill(0)
    this.parent = new Array<number>(this.nodes).fill(-1)
    for (let a = 0; a < this.size; a++) {
      this.row(0)[a + 1] = supplyKw[a] ?? 0
      this.row(a + 1)[this.sink] = requiredKw[a] ?? 0
    }
    for (const link of links) this.row(link.from + 1)[link.to + 1] = link.limitKw
  }

  /** Raises the supply of area a by kw; the flow is re-maximised on the next query. */
  addSupply(area: number, kw: number): void {
    this.row(0)[area + 1] = this.capacity(0, area + 1) + kw
    this.dirty = true
  }

  /** Maximises the flow (a no-op when nothing changed since the last call). */
  maximize(): void {
    if (!this.dirty) return
    while (this.augment());
    this.dirty = false
  }

  /** Total flow from the source to the sink. */
  totalFlow(): number {
    this.maximize()
    let total = 0
    for (let a = 1; a <= this.size; a++) total += this.netFlow(0, a)
    return total
  }

  /** Flow area a → sink: the part of the area's requirement that is served. */
  servedKw(area: number): number {
    this.maximize()
    return this.netFlow(area + 1, this.sink)
  }

  /** Flow source → area a: the part of the area's supply that is used. */
  usedSupplyKw(area: number): number {
    this.maximize()
    return this.netFlow(0, area + 1)
  }

  /** Net flow from area a to area b (≥ 0; 0 when the net flow goes the other way). */
  linkFlowKw(from: number, to: number): number {
    this.maximize()
    return Math.max(0, this.netFlow(from + 1, to + 1))
  }

  /** For each area, whether it is reachable from the source in the residual graph. */
  reachableFromSource(): boolean[] {
    this.maximize()
    const seen = this.bfs()
    return Array.from({ length: this.size }, (_, a) => seen[a + 1] !== -1)
  }

  private row(u: number): number[] {
    const r = this.cap[u]
    if (r === undefined) throw new RangeError(`node ${u} out of range`)
    return r
  }

  private capacity(u: number, v: number): number {
    return this.cap[u]?.[v] ?? 0
  }

  private netFlow(u: number, v: number): number {
    return this.flow[u]?.[v] ?? 0
  }

  private residual(u: number, v: number): number {
    return this.capacity(u, v) - this.netFlow(u, v)
  }

  /** Breadth-first search over residual edges; returns the parent of every node (-1 = unseen). */
  private bfs(): number[] {
    const parent = this.parent
    parent.fill(-1)
    parent[0] = 0
    const queue = this.queue
    let head = 0
    let tail = 0
    queue[tail++] = 0
    while (head < tail) {
      const u = queue[head++] ?? 0
      for (let v = 0; v < this.nodes; v++) {
        if (parent[v] === -1 && this.residual(u, v) > 0) {
          parent[v] = u
          queue[tail++] = v
        }
      }
    }
    return parent
  }

  private augment(): boolean {
    const parent = this.bfs()
    if (parent[this.sink] === -1) return false
    let bottleneck = Number.MAX_SAFE_INTEGER
    for (let v = this.sink; v !== 0;) {
      const u = parent[v] ?? 0
      bottleneck = Math.min(bottleneck, this.residual(u, v))
      v = u
    }
    for (let v = this.sink; v !== 0;) {
      const u = parent[v] ?? 0
      const fu = this.flow[u]
      const fv = this.flow[v]
      if (fu === undefined || fv === undefined) throw new RangeError('node out of range')
      fu[v] = (fu[v] ?? 0) + bottleneck
      fv[u] = (fv[u] ?? 0) - bottleneck
      v = u
    }
    return true
  }
}
