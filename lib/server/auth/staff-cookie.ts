/**
 * The staff session cookie's name, and the staff pages a visitor without one may open. Kept apart
 * from staff-session.ts (which reads the database) so that proxy.ts can send an anonymous visitor
 * of the staff area to the sign-in page before anything renders.
 */
export const STAFF_COOKIE = 'cnam_personnel'

/** Sign-in, its second step, and an invitation link: the only staff pages for someone signed out. */
export function isStaffSignInPath(pathname: string): boolean {
  return /^\/admin\/(connexion(\/code)?|invitation\/[^/]+)\/?$/.test(pathname)
}
