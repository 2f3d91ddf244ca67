package org.unionreports.portal.dataimport;

import java.util.function.Supplier;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a store as it would run and rolls it back: a dry run then answers with exactly what the store would
 * do — which figures it adds or changes, the conflicts it leaves, what it would not store and why —
 * because it is the store, not a second description of it.
 */
@Component
class Rehearsal {

	private final TransactionTemplate transactions;

	Rehearsal(PlatformTransactionManager transactions) {
		this.transactions = new TransactionTemplate(transactions);
	}

	/** The work's answer, with nothing it wrote kept. */
	<T> T rolledBack(Supplier<T> work) {
		return this.transactions.execute(status -> {
			status.setRollbackOnly();
			return work.get();
		});
	}

}
