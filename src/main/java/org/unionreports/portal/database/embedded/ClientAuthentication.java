package org.unionreports.portal.database.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may connect to the embedded server: only a client that knows the superuser's password
 * (scram-sha-256), and only over the loopback interface. zonky makes its clusters for throwaway test
 * databases, with {@code initdb -A trust}: any local process could then read the users' password hashes or
 * add an administrator.
 */
final class ClientAuthentication {

	private static final Logger log = LoggerFactory.getLogger(ClientAuthentication.class);

	static final String HBA_FILE = "pg_hba.conf";

	/**
	 * The whole of pg_hba.conf, written at every start so that nothing else stays in it. No line for
	 * replication: the backups are made with pg_dump.
	 */
	static final String HBA = """
			# Written by the union work-report portal at every start; changes here do not last.
			# Only a client with the superuser's password (kept in ../postgres-password) may connect,
			# and the server listens on the loopback interface only.
			# TYPE  DATABASE  USER  ADDRESS        METHOD
			local   all       all                  scram-sha-256
			host    all       all   127.0.0.1/32   scram-sha-256
			host    all       all   ::1/128        scram-sha-256
			""";

	private static final Duration RELOAD_WAIT = Duration.ofSeconds(10);

	private ClientAuthentication() {
	}

	/**
	 * Sets the builder up for a password on every connection.
	 * @param writeHba whether to write {@link #HBA} before the server starts; not for a cluster that still
	 * trusts everyone, whose superuser has no password yet (see {@link #endTrust})
	 */
	static void configure(EmbeddedPostgres.Builder builder, EmbeddedDatabasePassword password, boolean writeHba) {
		// zonky passes its "locale config" to initdb as --name=value after its own "-A trust": the later
		// option wins, so a new cluster never trusts anyone, and its superuser has the password from the start.
		builder.setLocaleConfig("auth", "scram-sha-256")
			.setLocaleConfig("pwfile", password.file().toString())
			// zonky's check that the server is up connects as the superuser
			.setConnectConfig("password", password.value())
			.setServerConfig("password_encryption", "scram-sha-256")
			.setServerConfig("listen_addresses", "localhost")
			// No Unix-domain socket: the portal and scripts/ connect over TCP, and a socket in the shared
			// temporary directory is one more door (and one another user could squat).
			.setServerConfig("unix_socket_directories", "''");
		if (writeHba) {
			builder.setDataDirectoryCustomizer(cluster -> writeHba(cluster.toPath()));
		}
	}

	/** Whether pg_hba.conf lets anyone in without a password, as a cluster of an earlier portal does. */
	static boolean trustsAnyone(Path cluster) {
		Path file = cluster.resolve(HBA_FILE);
		if (!Files.isRegularFile(file)) {
			return false;
		}
		try {
			for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
				int comment = line.indexOf('#');
				String rule = (comment >= 0) ? line.substring(0, comment) : line;
				for (String token : rule.trim().split("\\s+")) {
					if (token.toLowerCase(Locale.ROOT).equals("trust")) {
						return true;
					}
				}
			}
			return false;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * For a cluster made by an earlier portal, started as it was (trusting every local connection): gives the
	 * superuser the password, writes {@link #HBA}, reloads it, and returns once a connection without the
	 * password is refused. Until then every local process could connect, as it always could before; what one
	 * did then cannot be seen from here, so other roles that may log in are named in the log.
	 */
	static void endTrust(EmbeddedPostgresServer server) throws SQLException, IOException {
		Path cluster = server.clusterDirectory();
		log.warn("The embedded database in {} trusts every local connection (made by an earlier portal):"
				+ " giving its superuser the password in {} and taking trust away", cluster, server.passwordFile());
		try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), server.username(),
				server.password()); Statement statement = connection.createStatement()) {
			statement.execute("set password_encryption = 'scram-sha-256'");
			statement.execute("alter role " + server.username() + " password " + server.credentials().sqlLiteral());
			writeHba(cluster);
			statement.execute("select pg_reload_conf()");
			List<String> others = otherLoginRoles(statement, server.username());
			if (!others.isEmpty()) {
				log.warn("Roles other than {} may log in to the embedded database: {}. The portal did not make them;"
						+ " while the database trusted every local connection anyone on this machine could have.",
						server.username(), others);
			}
		}
		awaitPasswordRequired(server);
		log.info("The embedded database in {} now asks every connection for its password", cluster);
	}

	private static List<String> otherLoginRoles(Statement statement, String superuser) throws SQLException {
		List<String> roles = new ArrayList<>();
		try (ResultSet rows = statement
			.executeQuery("select rolname from pg_roles where rolcanlogin and rolname <> '" + superuser + "'")) {
			while (rows.next()) {
				roles.add(rows.getString(1));
			}
		}
		return roles;
	}

	/** pg_reload_conf() only signals the postmaster; wait until it has read the new rules. */
	private static void awaitPasswordRequired(EmbeddedPostgresServer server) throws SQLException {
		long deadline = System.nanoTime() + RELOAD_WAIT.toNanos();
		Properties withoutPassword = new Properties();
		withoutPassword.setProperty("user", server.username());
		while (true) {
			try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), withoutPassword)) {
				if (System.nanoTime() > deadline) {
					throw new SQLException("the server still lets clients in without a password after reloading "
							+ server.clusterDirectory().resolve(HBA_FILE));
				}
			}
			catch (SQLException ex) {
				if ("28P01".equals(ex.getSQLState()) || "28000".equals(ex.getSQLState())
						|| "08004".equals(ex.getSQLState())) {
					return;
				}
				throw ex;
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new SQLException("interrupted while waiting for the server to reload " + HBA_FILE, ex);
			}
		}
	}

	/** Replaced in one step, readable by the server's user only, as initdb makes it. */
	static void writeHba(Path cluster) {
		Path file = cluster.resolve(HBA_FILE);
		Path draft = cluster.resolve(HBA_FILE + ".new");
		try {
			Files.deleteIfExists(draft);
			if (cluster.getFileSystem().supportedFileAttributeViews().contains("posix")) {
				Files.createFile(draft, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			}
			Files.writeString(draft, HBA, StandardCharsets.UTF_8);
			Files.move(draft, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
