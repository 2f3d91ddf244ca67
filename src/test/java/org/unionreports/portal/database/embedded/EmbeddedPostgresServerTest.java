package org.unionreports.portal.database.embedded;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import org.unionreports.portal.PortalApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The embedded server keeps its data across restarts and recovers after the portal was killed. */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedPostgresServerTest {

	@TempDir
	Path dataDirectory;

	@Test
	void dataSurvivesARestart() throws Exception {
		try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(this.dataDirectory, 0)) {
			execute(server, "create table kept (note text)");
			execute(server, "insert into kept values ('第一次启动')");
		}
		try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(this.dataDirectory, 0)) {
			assertThat(queryString(server, "select note from kept")).isEqualTo("第一次启动");
		}
	}

	@Test
	void everyAcknowledgedCommitReachesTheDisk() throws Exception {
		try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(this.dataDirectory, 0)) {
			assertThat(queryString(server, "show fsync")).isEqualTo("on");
			assertThat(queryString(server, "show synchronous_commit")).isEqualTo("on");
		}
	}

	@Test
	void startsAgainWithItsDataAfterTheProcessWasKilled() throws Exception {
		Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), EmbeddedPostgresChild.class.getName(),
				this.dataDirectory.toString())
			.redirectErrorStream(true)
			.start();
		try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			boolean ready = false;
			while (!ready && (line = out.readLine()) != null) {
				ready = line.contains("READY");
			}
			assertThat(ready).as("the child started its server and wrote").isTrue();
		}
		child.destroyForcibly(); // SIGKILL: no shutdown hook runs, the postmaster is left orphaned
		assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(EmbeddedPostgresServer.orphanedPostmaster(this.dataDirectory.resolve("postgres"))).isPresent();

		try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(this.dataDirectory, 0)) {
			assertThat(queryString(server, "select note from survivor where id = 1")).isEqualTo("写入后被强制结束");
		}
	}

	@Test
	void aDirectoryThatCannotBeCreatedIsExplainedInOneSentence() throws Exception {
		Path file = Files.writeString(this.dataDirectory.resolve("not-a-directory"), "x");
		assertThatThrownBy(() -> EmbeddedPostgresServer.start(file.resolve("data"), 0))
			.isInstanceOf(EmbeddedDatabaseException.class)
			.hasMessageStartingWith("The portal cannot create its database directory")
			.satisfies(ex -> assertThat(((EmbeddedDatabaseException) ex).action()).contains("PORTAL_DATA_DIR"));
	}

	@Test
	void thePortalStopsWithAClearReportInsteadOfAStackTrace(CapturedOutput output) throws Exception {
		Path file = Files.writeString(this.dataDirectory.resolve("blocked"), "x");
		assertThatThrownBy(() -> SpringApplication.run(PortalApplication.class, "--portal.data-dir=" + file.resolve("data"),
				"--server.port=0"))
			.isInstanceOf(Exception.class);
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("The portal cannot create its database directory")
			.contains("set PORTAL_DATA_DIR")
			.doesNotContain("\tat org.unionreports");
	}

	private static void execute(EmbeddedPostgresServer server, String sql) throws Exception {
		try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password());
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private static String queryString(EmbeddedPostgresServer server, String sql) throws Exception {
		try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password());
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(sql)) {
			assertThat(rows.next()).isTrue();
			return rows.getString(1);
		}
	}

}
