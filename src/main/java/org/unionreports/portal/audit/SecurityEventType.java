package org.unionreports.portal.audit;

/** What a security event records. */
public enum SecurityEventType {

	LOGIN_SUCCEEDED, LOGIN_FAILED, LOGIN_LOCKED, LOGOUT, USER_CREATED, USER_DISABLED, USER_ENABLED, ROLE_CHANGED,
	REGIONS_CHANGED, PASSWORD_RESET, PASSWORD_CHANGED, ACCESS_DENIED

}
