import { QueryClient } from '@tanstack/react-query'
import { isApiError } from './api-error.ts'

/**
 * The QueryClient both SPAs use. Client errors (4xx) and maintenance are not retried; a network
 * failure or 5xx is retried once. Unexpected 5xx in a query reach the route's error page (500 with
 * the request ID). Redirects for 401 / 503 / forced password change: `ApiErrorRedirects`.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: (failureCount, error) =>
          failureCount < 1 && (!isApiError(error) || error.isNetworkError || error.isServerError),
        refetchOnWindowFocus: true,
        throwOnError: (error) => isApiError(error) && error.isServerError,
      },
      mutations: {
        retry: false,
      },
    },
  })
}
