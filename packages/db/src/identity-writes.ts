/**
 * Identity writes: a counter per Prisma client that moves whenever a statement writes a table
 * that decides who a request is and what it may do (sessions, API tokens, users, participants,
 * rights, system settings such as maintenance mode). The API's short-lived caches of those rows
 * (apps/api/src/lib/short-lived.ts) compare it before and after a load, so a write through this
 * process makes every cached copy stale at once: the counter moves before the statement runs and
 * again when it (or its transaction) has finished.
 *
 * Touches of `session.last_seen_at` / `api_token.last_used_at` alone do not count: they revoke
 * nothing, and counting them would empty the caches on every touch.
 */

const WATCHED =
  /^\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+(?:"?\w+"?\.)?"?(session|api_token|app_user|participant|user_permission|system_setting)"?[\s(]/i
const TOUCH =
  /^\s*UPDATE\s+(?:"?\w+"?\.)?"?(?:session|api_token)"?\s+SET\s+"?(?:last_seen_at|last_used_at)"?\s*=\s*\$1\s+WHERE\b/i

/** Whether `sql` writes an identity table (other than a last-use touch). */
export function isIdentityWrite(sql: string): boolean {
  return WATCHED.test(sql) && !TOUCH.test(sql)
}

export interface IdentityWrites {
  /** Moves on every identity write (before it runs and after it is visible). */
  readonly generation: number
}

class Counter implements IdentityWrites {
  generation = 0
  bump() {
    this.generation++
  }
}

const counters = new WeakMap<object, Counter>()

/** The identity-write counter of a Prisma client from `openDatabase`; undefined for any other. */
export function identityWrites(prisma: object): IdentityWrites | undefined {
  return counters.get(prisma)
}

/** Registers the counter of a client (internal: client.ts). */
export function registerIdentityWrites(prisma: object, counter: Counter) {
  counters.set(prisma, counter)
}

export function newIdentityWriteCounter(): Counter {
  return new Counter()
}

type Fn = (...args: unknown[]) => Promise<unknown>
type Obj = Record<string | symbol, unknown>

function sqlOf(args: unknown[]): string {
  const query = args[0] as { sql?: unknown } | undefined
  return typeof query?.sql === 'string' ? query.sql : ''
}

/** A proxy over an adapter, transaction or factory whose methods stay bound to the original. */
function wrap(target: Obj, methods: Record<string, (original: Fn) => Fn>): Obj {
  return new Proxy(target, {
    get(t, prop) {
      const value = Reflect.get(t, prop, t) as unknown
      if (typeof value !== 'function') return value
      const bound = (value as Fn).bind(t)
      const wrapper = typeof prop === 'string' ? methods[prop] : undefined
      return wrapper ? wrapper(bound) : bound
    },
  })
}

function watchQueries(counter: Counter, onWrite?: () => void) {
  const run =
    (original: Fn): Fn =>
    async (...args) => {
      if (!isIdentityWrite(sqlOf(args))) return original(...args)
      onWrite?.()
      counter.bump()
      try {
        return await original(...args)
      } finally {
        counter.bump()
      }
    }
  return { queryRaw: run, executeRaw: run }
}

function watchAdapter(adapter: Obj, counter: Counter): Obj {
  return wrap(adapter, {
    ...watchQueries(counter),
    executeScript:
      (original) =>
      async (...args) => {
        counter.bump()
        try {
          return await original(...args)
        } finally {
          counter.bump()
        }
      },
    startTransaction:
      (original) =>
      async (...args) => {
        let wrote = false
        const transaction = (await original(...args)) as Obj
        const end =
          (finish: Fn): Fn =>
          async (...a) => {
            try {
              return await finish(...a)
            } finally {
              if (wrote) counter.bump()
            }
          }
        return wrap(transaction, {
          ...watchQueries(counter, () => (wrote = true)),
          commit: end,
          rollback: end,
        })
      },
  })
}

/** The driver adapter factory with every connection it makes watched for identity writes. */
export function watchIdentityWrites<F extends object>(factory: F, counter: Counter): F {
  return wrap(factory as Obj, {
    connect:
      (original) =>
      async (...args) =>
        watchAdapter((await original(...args)) as Obj, counter),
  }) as F
}
