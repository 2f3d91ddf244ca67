package org.unionreports.portal.audit;

import java.time.Instant;

/** One recorded security event: what happened, to whom, by whom, when and from where. */
public record SecurityEvent(long id, Instant occurredAt, SecurityEventType type, String actor, String subject,
		String remoteAddress, String details) {
}
