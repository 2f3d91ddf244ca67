package org.unionreports.portal.identity;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Ends the sessions of a user whose rights changed, once the change is committed, so that no session
 * outlives the rights it was opened with. Spring Session's indexed repository finds a user's sessions by
 * the principal name it keeps beside each (column {@code principal_name} of migration V8), on whichever
 * portal instance they were opened.
 */
@Component
class SignedInSessions {

	private static final Logger log = LoggerFactory.getLogger(SignedInSessions.class);

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	SignedInSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
		this.sessions = sessions;
	}

	@TransactionalEventListener(fallbackExecution = true)
	void end(RightsChanged change) {
		Map<String, ? extends Session> open = this.sessions.findByPrincipalName(change.username());
		int ended = 0;
		for (String id : open.keySet()) {
			if (!id.equals(change.keptSession())) {
				this.sessions.deleteById(id);
				ended++;
			}
		}
		if (ended > 0) {
			log.info("Ended {} open session(s) of {}, whose rights changed", ended, change.username());
		}
	}

}
