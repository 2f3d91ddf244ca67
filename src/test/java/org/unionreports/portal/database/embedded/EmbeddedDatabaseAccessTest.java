package org.unionreports.portal.database.embedded;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * No other local user may enter the embedded database: every connection needs the password kept in the data
 * directory, the server listens on loopback only, its programs cannot be changed by others, and a cluster
 * of an earlier portal, which trusted everyone, is closed at its first start.
 */
class EmbeddedDatabaseAccessTest {

	@TempDir
	Path dataDirectory;

	@Test
	void aConnectionWithoutThePasswordOrWithAWrongOneIsRefused() throws Exception {
		try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(this.dataDirectory, 0)) {
			assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl()).close())
				.isInstanceOf(SQLException.class);
			assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), "postgres", "").close())
				.isInstanceOf(SQLException.class);
			assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), "postgres", "postgres").close())
				.isInstanceOf(SQLException.class)
				.satisfies(ex -> assertThat(((SQLException) ex).getSQLState()).isEqualTo("28P01"));
			assertThat(query(server, "select current_user")).isEqualTo("postgres");
			assertThat(query(server, "show password_encryption")).isEqualTo("scram-sha-256");
			assertThat(query(server, "select left(rolpassword, 14) from pg_authid where rolname = 'postgres'"))
				.isEqualTo("SCRAM-SHA-256$");
		}
	}

	@Test
	void thePasswordIsRandomKeptReadableByTheOwnerOnlyAndUsedAgainAtTheNextStart() throws Exception {
		String first;
		try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(this.dataDirectory, 0)) {
			first = server.password();
			Path file = server.passwordFile();
			assertThat(file).isEqualTo(this.dataDirectory.resolve("postgres-password"));
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS)))
				.isEqualTo("rw-------");
			assertThat(Files.readString(file)).isEqualTo(first + "\n");
			assertThat(first).hasSizeGreaterThanOrEqualTo(40).matches("[A-Za-z0-9_-]+");
		}
		try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(this.dataDirectory, 0)) {
			assertThat(server.password()).isEqualTo(first);
			assertThat(query(server, "select 1")).isEqualTo("1");
		}
	}

	@Test
	void aPasswordFileOthersCouldReadStopsTheStartWithWhatToDo() throws Exception {
		try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(this.dataDirectory, 0)) {
			assertThat(query(server, "select 1")).isEqualTo("1");
		}
		Path file = this.dataDirectory.resolve("postgres-password");
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
		assertThatThrownBy(() -> EmbeddedPostgresServer.start(this.dataDirectory, 0))
			.isInstanceOf(EmbeddedDatabaseException.class)
			.hasMessageContaining("may be read or changed by other users")
			.satisfies(ex -> assertThat(((EmbeddedDatabaseException) ex).action()).contains("chmod 600 " + file));
	}

	@Test
	void noRuleTrustsAnyoneAndNoSocketIsMadeInTheSharedTemporaryDirectory() throws Exception {
		try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(this.dataDirectory, 0)) {
			List<String> rules = Files.readAllLines(server.clusterDirectory().resolve("pg_hba.conf"))
				.stream()
				.map(line -> line.replaceAll("#.*", "").trim())
				.filter(line -> !line.isEmpty())
				.toList();
			assertThat(rules).isNotEmpty().allSatisfy(rule -> assertThat(rule).endsWith("scram-sha-256"));
			assertThat(queryAll(server, "select auth_method from pg_hba_file_rules")).containsOnly("scram-sha-256");
			assertThat(query(server, "show unix_socket_directories")).isEmpty();
			assertThat(Path.of(System.getProperty("java.io.tmpdir"), ".s.PGSQL." + server.port())).doesNotExist();
			assertThat(Path.of("/tmp", ".s.PGSQL." + server.port())).doesNotExist();
		}
	}

	@Test
	void itListensOnTheLoopbackInterfaceOnly() throws Exception {
		try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(this.dataDirectory, 0)) {
			assertThat(query(server, "show listen_addresses")).isEqualTo("localhost");
			for (InetAddress address : nonLoopbackAddresses()) {
				try (Socket socket = new Socket()) {
					assertThatThrownBy(() -> socket.connect(new InetSocketAddress(address, server.port()), 2000))
						.as("connecting on %s", address)
						.isInstanceOf(IOException.class);
				}
			}
		}
	}

	@Test
	void thePostgresProgramsCannotBeChangedByOtherUsers() throws Exception {
		try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(this.dataDirectory, 0)) {
			Path postmaster = runningPostmaster(server);
			Path installation = postmaster.getParent().getParent();
			assertThat(postmaster.getFileName()).hasToString("postgres");
			try (Stream<Path> tree = Files.walk(installation)) {
				assertThat(tree.filter(path -> !Files.isSymbolicLink(path)))
					.isNotEmpty()
					.allSatisfy(path -> assertThat(mode(path) & 0022).as("group/other write on %s", path).isZero());
			}
			for (Path above = installation.getParent(); above != null; above = above.getParent()) {
				int mode = mode(above);
				boolean othersMayReplaceEntries = (mode & 0022) != 0
						&& !((mode & 01000) != 0 && (int) Files.getAttribute(above, "unix:uid") == 0);
				assertThat(othersMayReplaceEntries).as("%s (mode %o) lets other users replace what is in it", above, mode)
					.isFalse();
			}
			Path binaries = server.binariesDirectory();
			assertThat(binaries).isEqualTo(this.dataDirectory.resolve("postgres-binaries"));
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(binaries))).isEqualTo("rwx------");
		}
	}

	@Test
	void aClusterOfAnEarlierPortalThatTrustedEveryoneKeepsItsDataAndAsksForThePasswordFromNowOn() throws Exception {
		Path cluster = this.dataDirectory.resolve("postgres");
		Files.createDirectories(cluster);
		// as the portal made and started its cluster before: zonky's defaults, initdb -A trust
		try (EmbeddedPostgres old = EmbeddedPostgres.builder()
			.setDataDirectory(cluster)
			.setCleanDataDirectory(false)
			.setLocaleConfig("locale", "C.UTF-8")
			.start(); Connection connection = DriverManager.getConnection(old.getJdbcUrl("postgres", "postgres"));
				Statement statement = connection.createStatement()) {
			statement.execute("create table kept (note text)");
			statement.execute("insert into kept values ('升级前写入')");
		}
		assertThat(ClientAuthentication.trustsAnyone(cluster)).isTrue();
		assertThat(this.dataDirectory.resolve("postgres-password")).doesNotExist();

		try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(this.dataDirectory, 0)) {
			assertThat(query(server, "select note from kept")).isEqualTo("升级前写入");
			assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl()).close())
				.isInstanceOf(SQLException.class);
			assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), "postgres", "wrong").close())
				.isInstanceOf(SQLException.class);
			assertThat(ClientAuthentication.trustsAnyone(cluster)).isFalse();
			assertThat(queryAll(server, "select auth_method from pg_hba_file_rules")).containsOnly("scram-sha-256");
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(server.passwordFile())))
				.isEqualTo("rw-------");
		}
		try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(this.dataDirectory, 0)) {
			assertThat(query(server, "select note from kept")).isEqualTo("升级前写入");
			assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl()).close())
				.isInstanceOf(SQLException.class);
		}
	}

	@Test
	void aClusterThatAsksForAPasswordWhoseFileIsGoneSaysHowToSetANewOneAndThatWorks() throws Exception {
		String lost;
		try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(this.dataDirectory, 0)) {
			lost = server.password();
			execute(server, "create table kept (note text)");
			execute(server, "insert into kept values ('密码丢失之前')");
		}
		Files.delete(this.dataDirectory.resolve("postgres-password"));
		Path hba = this.dataDirectory.resolve("postgres").resolve("pg_hba.conf");
		assertThatThrownBy(() -> EmbeddedPostgresServer.start(this.dataDirectory, 0))
			.isInstanceOf(EmbeddedDatabaseException.class)
			.hasMessageContaining("password file")
			.hasMessageContaining("is missing")
			.satisfies(ex -> assertThat(((EmbeddedDatabaseException) ex).action())
				.contains("replace scram-sha-256 with trust in " + hba));

		Files.writeString(hba, Files.readString(hba).replace("scram-sha-256", "trust"));
		try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(this.dataDirectory, 0)) {
			assertThat(server.password()).isNotEqualTo(lost);
			assertThat(query(server, "select note from kept")).isEqualTo("密码丢失之前");
			assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl()).close())
				.isInstanceOf(SQLException.class);
			assertThat(ClientAuthentication.trustsAnyone(server.clusterDirectory())).isFalse();
		}
	}

	private static Path runningPostmaster(EmbeddedPostgresServer server) throws IOException {
		long pid = Long.parseLong(Files.readAllLines(server.clusterDirectory().resolve("postmaster.pid")).get(0).trim());
		String command = ProcessHandle.of(pid).orElseThrow().info().command().orElseThrow();
		return Path.of(command).toRealPath();
	}

	private static int mode(Path path) {
		try {
			return (int) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static List<InetAddress> nonLoopbackAddresses() throws IOException {
		List<InetAddress> addresses = new ArrayList<>();
		for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
			if (network.isUp() && !network.isLoopback()) {
				Collections.list(network.getInetAddresses())
					.stream()
					.filter(address -> !address.isLoopbackAddress() && !address.isLinkLocalAddress())
					.forEach(addresses::add);
			}
		}
		return addresses;
	}

	private static void execute(EmbeddedPostgresServer server, String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password());
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private static String query(EmbeddedPostgresServer server, String sql) throws SQLException {
		List<String> rows = queryAll(server, sql);
		assertThat(rows).hasSize(1);
		return rows.get(0);
	}

	private static List<String> queryAll(EmbeddedPostgresServer server, String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password());
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(sql)) {
			List<String> values = new ArrayList<>();
			while (rows.next()) {
				values.add(rows.getString(1));
			}
			return values;
		}
	}

}
