package org.unionreports.portal.database.embedded;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * Run in a separate JVM by {@link EmbeddedPostgresServerTest}: starts the embedded server on a directory,
 * writes rows, says READY and waits to be killed.
 */
public final class EmbeddedPostgresChild {

	private EmbeddedPostgresChild() {
	}

	public static void main(String[] args) throws Exception {
		EmbeddedPostgresServer server = EmbeddedPostgresServer.start(Path.of(args[0]), 0);
		try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password());
				Statement statement = connection.createStatement()) {
			statement.execute("create table if not exists survivor (id int primary key, note text)");
			statement.execute("insert into survivor values (1, '写入后被强制结束')");
		}
		System.out.println("READY");
		System.out.flush();
		Thread.sleep(120_000);
	}

}
