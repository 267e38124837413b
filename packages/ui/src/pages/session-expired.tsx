import { Navigate } from 'react-router'
import { loginHref } from '../session/session.ts'

/** `/session-expired`: the login page with `E-AUTH-004` (a stable URL for links and tests). */
export function SessionExpiredRedirect() {
  return <Navigate to={loginHref('E-AUTH-004')} replace />
}
