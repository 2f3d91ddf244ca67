package org.unionreports.portal.database.embedded;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a failed start of the embedded database into Spring Boot's short "what and what to do" report. */
class EmbeddedDatabaseFailureAnalyzer extends AbstractFailureAnalyzer<EmbeddedDatabaseException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, EmbeddedDatabaseException cause) {
		return new FailureAnalysis(cause.getMessage(), cause.action(), null);
	}

}
