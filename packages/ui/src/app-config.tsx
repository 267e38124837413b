import type { AppId } from '@yoryo/contracts'
import { createContext, useContext } from 'react'

/** What differs between the two SPAs; everything else in @yoryo/ui is shared. */
export interface AppConfig {
  app: AppId
  /** Function code of the app's common screens: login, portal, errors (010 / A20). */
  commonFunctionCode: string
  /** Function code of the message list (600 / G30). */
  messagesFunctionCode: string
  /** Plain link to the other SPA (same origin, same session). */
  otherAppHref: string
  otherApp: AppId
}

export const APP_CONFIGS: Record<AppId, AppConfig> = {
  preDelivery: {
    app: 'preDelivery',
    commonFunctionCode: '010',
    messagesFunctionCode: '600',
    otherAppHref: '/delivery/',
    otherApp: 'delivery',
  },
  delivery: {
    app: 'delivery',
    commonFunctionCode: 'A20',
    messagesFunctionCode: 'G30',
    otherAppHref: '/',
    otherApp: 'preDelivery',
  },
}

export const AppConfigContext = createContext<AppConfig>(APP_CONFIGS.preDelivery)

export function useAppConfig(): AppConfig {
  return useContext(AppConfigContext)
}
