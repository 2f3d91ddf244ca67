package org.unionreports.portal.database;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.hibernate.TransactionException;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures mean "the database is away" (503) and which are the request's own (not 503). */
class DatabaseOutageCausesTest {

	@Test
	void aDatabaseOutOfReachIsAnOutage() {
		assertThat(DatabaseOutage.causedBy(new CannotCreateTransactionException("no connection",
				new SQLTransientConnectionException("HikariPool-1 - Connection is not available")))).isTrue();
		assertThat(DatabaseOutage.causedBy(new RuntimeException(new SQLException("refused", "08001")))).isTrue();
		assertThat(DatabaseOutage.causedBy(new SQLException("terminating connection due to administrator command",
				"57P01"))).isTrue();
		// A rollback on a connection the pool has closed under the transaction (no SQL state).
		assertThat(DatabaseOutage.causedBy(new JpaSystemException(new TransactionException(
				"Unable to rollback against JDBC Connection", new SQLException("Connection is closed"))))).isTrue();
	}

	@Test
	void theRequestsOwnFailureIsNot() {
		// A deferred unique constraint checked at commit.
		assertThat(DatabaseOutage.causedBy(new TransactionSystemException("Could not commit",
				new SQLException("duplicate key value violates unique constraint", "23505")))).isFalse();
		assertThat(DatabaseOutage.causedBy(new JpaSystemException(new TransactionException("Unable to commit",
				new SQLException("deferred constraint", "23505"))))).isFalse();
		assertThat(DatabaseOutage.causedBy(new RuntimeException(new SQLException("canceling statement", "57014"))))
			.isFalse();
		assertThat(DatabaseOutage.causedBy(new DataIntegrityViolationException("duplicate"))).isFalse();
		assertThat(DatabaseOutage.causedBy(new IllegalStateException("a bug"))).isFalse();
	}

}
