import { registryRoutes } from '@yoryo/contracts'
import { routePaths } from '@yoryo/ui'
import { describe, expect, it } from 'vitest'
import { routes } from './routes.tsx'

/** Routes that belong to no function: the screens without a session and the error screens. */
const withoutFunction = ['/login', '/maintenance', '/session-expired', '/forbidden', '/error', '/*']

describe('pre-delivery routes and the function registry', () => {
  it('has a route for every registry function of the app and no route outside it', () => {
    const paths = [...new Set(routePaths(routes))].filter((p) => !withoutFunction.includes(p))
    expect(paths.sort()).toEqual(registryRoutes('preDelivery').sort())
  })
})
