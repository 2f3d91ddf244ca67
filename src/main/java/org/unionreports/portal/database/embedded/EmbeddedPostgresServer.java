package org.unionreports.portal.database.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL server the portal starts for itself when no external one is configured.
 * <p>
 * Its cluster lives in {@code <dataDir>/postgres} and is kept between runs. Before starting it deals with
 * what a crash leaves behind: a postmaster orphaned by a {@code kill -9} of the portal still holds the
 * cluster, so it is shut down first; a stale {@code postmaster.pid} of a dead process is left for
 * PostgreSQL itself to discard.
 * <p>
 * No other local user may enter it: it listens on the loopback interface only, asks every connection for
 * the superuser's password (scram-sha-256), which is made at first start and kept in
 * {@code <dataDir>/postgres-password} with mode 0600, and runs programs unpacked into the private
 * {@code <dataDir>/postgres-binaries}. A cluster made by an earlier portal, which trusted every local
 * connection, is given the password and its trust taken away at its first start with this one.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

	private static final Duration ORPHAN_SHUTDOWN_WAIT = Duration.ofSeconds(60);

	private final EmbeddedPostgres postgres;

	private final Path clusterDirectory;

	private final EmbeddedDatabasePassword password;

	private final PostgresBinariesDirectory binaries;

	private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path clusterDirectory, EmbeddedDatabasePassword password,
			PostgresBinariesDirectory binaries) {
		this.postgres = postgres;
		this.clusterDirectory = clusterDirectory;
		this.password = password;
		this.binaries = binaries;
	}

	/**
	 * Starts the server on the cluster under {@code dataDirectory}, creating it on first use.
	 * @throws EmbeddedDatabaseException with a sentence for people when the server cannot start
	 */
	public static EmbeddedPostgresServer start(Path dataDirectory, int port) {
		Path data = dataDirectory.toAbsolutePath().normalize();
		Path cluster = data.resolve("postgres");
		prepareDirectory(cluster);
		refuseIfAnotherPortalUses(cluster);
		stopOrphanedPostmaster(cluster);
		boolean existing = Files.exists(cluster.resolve("postgresql.conf"));
		boolean trusting = existing && ClientAuthentication.trustsAnyone(cluster);
		if (existing && !trusting && !EmbeddedDatabasePassword.existsIn(data)) {
			throw new EmbeddedDatabaseException("The embedded database in " + cluster + " asks for a password, but its "
					+ "password file " + EmbeddedDatabasePassword.fileIn(data) + " is missing.",
					"Restore that file from a backup of the data directory; or, to make a new password, replace "
							+ "scram-sha-256 with trust in " + cluster.resolve("pg_hba.conf")
							+ " (the portal then sets a new password at its next start and takes trust away again).",
					null);
		}
		EmbeddedDatabasePassword password = EmbeddedDatabasePassword.readOrCreate(data);
		PostgresBinariesDirectory binaries = PostgresBinariesDirectory.in(data);
		try {
			EmbeddedPostgres.Builder builder = binaries.builder()
				.setDataDirectory(cluster)
				.setCleanDataDirectory(false)
				.setPGStartupWait(Duration.ofSeconds(60))
				// zonky tunes its server for throwaway test databases (-F, synchronous_commit=off); this one
				// holds a federation's figures, so every acknowledged commit must reach the disk.
				.setServerConfig("fsync", "on")
				.setServerConfig("synchronous_commit", "on")
				.setServerConfig("max_connections", "100")
				.setLocaleConfig("locale", "C.UTF-8");
			ClientAuthentication.configure(builder, password, !trusting);
			if (port > 0) {
				builder.setPort(port);
			}
			EmbeddedPostgres postgres = builder.start();
			EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres, cluster, password, binaries);
			try {
				binaries.tighten();
				if (trusting) {
					ClientAuthentication.endTrust(server);
				}
			}
			catch (RuntimeException | IOException | SQLException ex) {
				server.close();
				throw ex;
			}
			log.info("Embedded PostgreSQL started on port {} with its data in {}", postgres.getPort(), cluster);
			return server;
		}
		catch (IOException | SQLException | RuntimeException ex) {
			if (ex instanceof EmbeddedDatabaseException known) {
				throw known;
			}
			throw new EmbeddedDatabaseException("The embedded PostgreSQL server could not start with its data in "
					+ cluster + " (" + rootMessage(ex) + ").",
					"Check that the directory is writable and not used by another program, set PORTAL_DATA_DIR to "
							+ "another directory, or set SPRING_DATASOURCE_URL to use an external PostgreSQL server.",
					ex);
		}
	}

	public String jdbcUrl() {
		return this.postgres.getJdbcUrl("postgres", "postgres");
	}

	/** The superuser's name; {@link #password()} is its password. */
	public String username() {
		return "postgres";
	}

	/** The superuser's password, kept in the data directory readable by the portal's user only. */
	public String password() {
		return this.password.value();
	}

	Path passwordFile() {
		return this.password.file();
	}

	Path binariesDirectory() {
		return this.binaries.directory();
	}

	EmbeddedDatabasePassword credentials() {
		return this.password;
	}

	public int port() {
		return this.postgres.getPort();
	}

	public Path clusterDirectory() {
		return this.clusterDirectory;
	}

	@Override
	public void close() {
		try {
			this.postgres.close();
			log.info("Embedded PostgreSQL stopped");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void prepareDirectory(Path cluster) {
		try {
			Files.createDirectories(cluster);
		}
		catch (IOException ex) {
			throw new EmbeddedDatabaseException(
					"The portal cannot create its database directory " + cluster + " (" + rootMessage(ex) + ").",
					"Make the directory writable, or set PORTAL_DATA_DIR to a directory the portal may write to.", ex);
		}
		if (!Files.isWritable(cluster) || !Files.isWritable(cluster.getParent())) {
			throw new EmbeddedDatabaseException("The portal's database directory " + cluster + " is not writable.",
					"Make the directory writable, or set PORTAL_DATA_DIR to a directory the portal may write to.",
					null);
		}
	}

	/** The cluster's lock file is held by a running portal; a killed one releases it with its process. */
	private static void refuseIfAnotherPortalUses(Path cluster) {
		Path lockFile = cluster.resolve("epg-lock");
		if (!Files.exists(lockFile)) {
			return;
		}
		try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
			FileLock lock = channel.tryLock();
			if (lock == null) {
				throw anotherPortal(cluster, null);
			}
			lock.release();
		}
		catch (OverlappingFileLockException ex) {
			throw anotherPortal(cluster, ex);
		}
		catch (IOException ex) {
			throw new EmbeddedDatabaseException("The portal cannot open the lock file " + lockFile + " ("
					+ rootMessage(ex) + ").", "Make the data directory writable, or set PORTAL_DATA_DIR.", ex);
		}
	}

	private static EmbeddedDatabaseException anotherPortal(Path cluster, Exception cause) {
		return new EmbeddedDatabaseException("Another running portal already uses the database in " + cluster + ".",
				"Stop the other portal first, or give this one its own PORTAL_DATA_DIR.", cause);
	}

	/** After a kill -9 of the portal its postmaster lives on; stop it so that this start can take over. */
	private static void stopOrphanedPostmaster(Path cluster) {
		orphanedPostmaster(cluster).ifPresent(process -> {
			log.warn("Found PostgreSQL (pid {}) still running on {} from an earlier portal that did not stop cleanly;"
					+ " stopping it before starting again", process.pid(), cluster);
			process.destroy();
			try {
				process.onExit().get(ORPHAN_SHUTDOWN_WAIT.toSeconds(), TimeUnit.SECONDS);
			}
			catch (Exception ex) {
				throw new EmbeddedDatabaseException(
						"An earlier PostgreSQL server (pid " + process.pid() + ") still holds " + cluster
								+ " and did not stop within " + ORPHAN_SHUTDOWN_WAIT.toSeconds() + " seconds.",
						"Stop that process (kill " + process.pid() + ") and start the portal again.", ex);
			}
		});
	}

	static Optional<ProcessHandle> orphanedPostmaster(Path cluster) {
		Path pidFile = cluster.resolve("postmaster.pid");
		if (!Files.isRegularFile(pidFile)) {
			return Optional.empty();
		}
		try {
			List<String> lines = Files.readAllLines(pidFile);
			if (lines.size() < 2) {
				return Optional.empty();
			}
			long pid = Long.parseLong(lines.get(0).trim());
			Path dataDir = Path.of(lines.get(1).trim());
			return ProcessHandle.of(pid)
				.filter(ProcessHandle::isAlive)
				.filter(process -> isPostgres(process) && sameDirectory(dataDir, cluster));
		}
		catch (IOException | NumberFormatException ex) {
			log.debug("Unreadable {}, leaving it to PostgreSQL", pidFile, ex);
			return Optional.empty();
		}
	}

	private static boolean isPostgres(ProcessHandle process) {
		return process.info().command().map(command -> command.endsWith("postgres")).orElse(true);
	}

	private static boolean sameDirectory(Path a, Path b) {
		try {
			return Files.isSameFile(a, b);
		}
		catch (IOException ex) {
			return a.normalize().equals(b.normalize());
		}
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
	}

}
