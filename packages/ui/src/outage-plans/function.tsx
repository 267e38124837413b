import { fiscalYearOf } from '@yoryo/contracts'
import { Anchor } from '@mantine/core'
import { createContext, useContext, type ReactNode } from 'react'
import { Link } from 'react-router'

/**
 * Outage plans are one record kept by two functions: 180 容量停止計画管理 before the delivery
 * year (pre-delivery SPA) and B00 容量停止計画 in it (delivery SPA). The screens are the same;
 * what differs is given here (`OutagePlanFunctionProvider` around the screens of an SPA).
 */
export interface OutagePlanFunction {
  key: 'outagePlans' | 'deliveryOutagePlans'
  code: '180' | 'B00'
  /** The delivery year the list's window banner and a new plan start from. */
  defaultYear: (now: Date) => number
  /**
   * Where an application opens (after filing, from the history): in this SPA's router, or in
   * the pre-delivery SPA, which holds the applications (700 / 701), by a full page load.
   */
  applications: 'router' | 'preDelivery'
}

/** 180: plans for the contract year (the published auction's, three years ahead). */
export const OUTAGE_PLANS_180: OutagePlanFunction = {
  key: 'outagePlans',
  code: '180',
  defaultYear: (now) => fiscalYearOf(now) + 3,
  applications: 'router',
}

/** B00: plans in the delivery year under way. */
export const OUTAGE_PLANS_B00: OutagePlanFunction = {
  key: 'deliveryOutagePlans',
  code: 'B00',
  defaultYear: (now) => fiscalYearOf(now),
  applications: 'preDelivery',
}

const OutagePlanFunctionContext = createContext<OutagePlanFunction>(OUTAGE_PLANS_180)

export const OutagePlanFunctionProvider = OutagePlanFunctionContext.Provider

export function useOutagePlanFunction(): OutagePlanFunction {
  return useContext(OutagePlanFunctionContext)
}

/**
 * A link to an application of a plan: inside the router (180), or a plain link into the
 * pre-delivery SPA, which holds the applications (B00).
 */
export function ApplicationLink({
  fn,
  applicationId,
  children,
}: {
  fn: OutagePlanFunction
  applicationId: string
  children: ReactNode
}) {
  const path = `/applications/${encodeURIComponent(applicationId)}`
  return fn.applications === 'router' ? (
    <Anchor component={Link} to={path} fz="sm" className="yoryo-code">
      {children}
    </Anchor>
  ) : (
    <Anchor href={path} fz="sm" className="yoryo-code">
      {children}
    </Anchor>
  )
}

/** Where to go once an application is filed: the application; for B00 the plan list. */
export function afterFilingPath(fn: OutagePlanFunction, applicationId: string): string {
  return fn.applications === 'router'
    ? `/applications/${encodeURIComponent(applicationId)}`
    : '/outage-plans'
}
