package org.unionreports.portal.identity;

/**
 * A user's rights or credentials changed (disabled, role or regions changed, password changed or reset):
 * their open sessions, which still carry what they had at sign-in, are to end.
 *
 * @param username whose sessions end
 * @param keptSession the session that stays, the one the change was made in when the user made it
 * themselves; {@code null} when all end
 */
record RightsChanged(String username, String keptSession) {
}
