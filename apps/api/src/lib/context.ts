import type {
  FunctionGroupCode,
  FunctionKey,
  ParticipantKind,
  Permission,
  Role,
} from '@yoryo/contracts'

/** Who is calling: resolved once per request from the session cookie or the bearer token. */
export interface AuthContext {
  via: 'session' | 'token'
  /** Session or API token row ID. */
  credentialId: string
  user: {
    id: string
    userId: string
    name: string
    role: Role
    mustChangePassword: boolean
    passwordChangedAt: Date
  }
  participant: { id: string; code: string; name: string; nameEn: string; kind: ParticipantKind }
  idleExpiresAt: Date
  absoluteExpiresAt: Date
  /** Effective rights per function group (A40): all for administrators and the operator. */
  permissions: Permission[]
}

/**
 * Who may call a route; every route declares it (the authorisation suite fails otherwise).
 * `public` routes need no login; `{}` is any logged-in user; `roles` and `permission` narrow it.
 */
export type Access =
  | { public: true; duringMaintenance?: boolean; allowPasswordChangePending?: boolean }
  | {
      public?: false
      roles?: readonly Role[]
      /**
       * The function group a general user needs a right on (A40), and which right. Checked for
       * `participantUser` only: administrators and the operator have every right. Several
       * groups: a right on any of them (one record kept by two functions).
       */
      permission?: { function: FunctionGroupCode | FunctionGroupCode[]; mode: 'view' | 'edit' }
      /** Reachable while the user still must change the password (me, logout, password). */
      allowPasswordChangePending?: boolean
      /** Reachable by participants during maintenance (me, logout). */
      duringMaintenance?: boolean
      /**
       * A further rule the handler applies that depends on the record or the action (e.g. "a
       * general user reads only itself"). Published in `x-access`; the authorisation suite
       * accepts a 403 from the handler only where this is declared.
       */
      narrowedBy?: string
      /**
       * The registry functions (screens) the route serves, as `routeAccess` was given them; the
       * screen ↔ output file map (K20) reads it. Not enforced (roles and permission are).
       */
      functions?: readonly FunctionKey[]
    }

declare module 'fastify' {
  interface FastifyRequest {
    auth: AuthContext | null
    /** Why `auth` is null when a credential was sent: expired or invalid. */
    authFailure: 'expired' | 'invalidToken' | null
    /** SHA-256 fingerprint of the verified client certificate, when one was presented. */
    clientCertificate: string | null
  }
  interface FastifyContextConfig {
    access?: Access
  }
}
