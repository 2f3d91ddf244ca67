package org.unionreports.portal.database;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a failure because the database cannot be reached (stopped, restarting, out of connections) from
 * any other: the first is answered "temporarily unavailable, try again shortly" (503), never as a fault
 * of the request or of the portal.
 */
public final class DatabaseOutage {

	private DatabaseOutage() {
	}

	/** Whether the database being out of reach is somewhere among the causes of this failure. */
	public static boolean causedBy(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
			if (cause instanceof DataAccessResourceFailureException || cause instanceof CannotCreateTransactionException
					|| cause instanceof SQLTransientConnectionException
					|| cause.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")
					|| (cause instanceof SQLException sql && unavailable(sql.getSQLState()))
					|| (endingTransaction(cause) && cause.getCause() instanceof SQLException ended && lostConnection(ended))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * A commit or rollback that failed in JDBC. Only a lost connection makes it an outage (the pool then
	 * reports the connection closed, without an SQL state, and the failure that started the rollback is
	 * lost); a constraint checked at commit is the request's own failure.
	 */
	private static boolean lostConnection(SQLException failure) {
		return failure.getSQLState() == null || unavailable(failure.getSQLState());
	}

	private static boolean endingTransaction(Throwable cause) {
		return cause instanceof TransactionSystemException
				|| cause.getClass().getName().equals("org.hibernate.TransactionException");
	}

	/**
	 * SQL states of a server that is not there: connection exceptions (08), insufficient resources (53:
	 * too many connections, out of memory or disk), a shutdown or a server that cannot take connections yet
	 * (57P01–57P03; not 57014, a query cancelled) and system errors (58).
	 */
	private static boolean unavailable(String state) {
		return state != null && (state.startsWith("08") || state.startsWith("53") || state.startsWith("57P")
				|| state.startsWith("58"));
	}

}
