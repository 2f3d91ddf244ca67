package org.unionreports.portal.database;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import org.unionreports.portal.PortalApplication;
import org.unionreports.portal.PortalHttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * scripts/backup.sh and scripts/restore.sh, round trip: the portal's database (regions, catalogue, demo
 * reports) dumped, restored into an empty database, and every table the same row for row; a restore into a
 * database that is not empty is refused.
 * <p>
 * pg_dump must be at least as new as the server, and the only client programs on this machine's registries
 * are Debian's PostgreSQL 15 (the embedded server is 17): so the round trip runs against a PostgreSQL 15
 * server of Debian's, as an external server ({@code SPRING_DATASOURCE_URL}). .ci/run installs it.
 */
class BackupRestoreTest {

	private static final Path PG15 = Path.of("/usr/lib/postgresql/15/bin");

	private static final List<String> TABLES = List.of("region", "metric", "report", "section", "figure", "figure_label",
			"report_change", "report_event", "report_revision", "app_user", "user_region", "security_event",
			"flyway_schema_history");

	private Path directory;

	private int port;

	@BeforeEach
	void startServer() throws Exception {
		assumeTrue(Files.isExecutable(PG15.resolve("pg_dump")) && Files.isExecutable(PG15.resolve("initdb")),
				"PostgreSQL 15's programs are not in " + PG15 + " (apt-get install postgresql-15)");
		this.directory = Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-databases"))
			.toAbsolutePath(), "backup-");
		this.port = PortalHttp.freePort();
		Path cluster = this.directory.resolve("pg15");
		Files.createDirectories(cluster);
		if (isRoot()) {
			// PostgreSQL refuses to run as root: its own system user runs it.
			run(List.of("chown", "-R", "postgres", this.directory.toString()), Map.of());
		}
		asPostgres(List.of(PG15.resolve("initdb").toString(), "-D", cluster.toString(), "-A", "trust", "-U", "postgres",
				"--locale=C.UTF-8", "-E", "UTF8"));
		asPostgres(List.of(PG15.resolve("pg_ctl").toString(), "-D", cluster.toString(), "-w", "-l",
				this.directory.resolve("pg15.log").toString(), "-o",
				"-p " + this.port + " -k " + this.directory + " -c listen_addresses=localhost", "start"));
		for (String database : List.of("portal", "restored")) {
			assertThat(run(List.of(PG15.resolve("createdb").toString(), "-h", "localhost", "-p", Integer.toString(this.port),
					"-U", "postgres", database), Map.of()).exit()).isZero();
		}
	}

	@AfterEach
	void stopServer() throws Exception {
		if (this.directory != null) {
			asPostgres(List.of(PG15.resolve("pg_ctl").toString(), "-D", this.directory.resolve("pg15").toString(), "-m",
					"fast", "-w", "stop"));
		}
	}

	@Test
	void aBackupRestoredIntoAnEmptyDatabaseHoldsTheSameRows() throws Exception {
		try (ConfigurableApplicationContext portal = SpringApplication.run(PortalApplication.class,
				"--spring.datasource.url=" + url("portal"), "--spring.datasource.username=postgres",
				"--spring.datasource.password=", "--server.port=0", "--portal.data-dir=" + this.directory.resolve("unused"))) {
			assertThat(portal.getBean(JdbcClient.class).sql("select count(*) from figure").query(Long.class).single())
				.isPositive();
		}
		Path dump = this.directory.resolve("backups/portal.dump");

		Result backup = script("backup.sh", "portal", dump.toString());
		assertThat(backup.exit()).as(backup.output()).isZero();
		assertThat(backup.output()).contains("backed up localhost:" + this.port + "/portal");
		assertThat(dump).isNotEmptyFile();

		Result restore = script("restore.sh", "restored", dump.toString());
		assertThat(restore.exit()).as(restore.output()).isZero();

		JdbcClient original = jdbc("portal");
		JdbcClient restored = jdbc("restored");
		for (String table : TABLES) {
			assertThat(fingerprint(restored, table)).as(table).isEqualTo(fingerprint(original, table));
		}
		assertThat(count(restored, "figure")).isEqualTo(count(original, "figure")).isPositive();

		Result again = script("restore.sh", "restored", dump.toString());
		assertThat(again.exit()).isNotZero();
		assertThat(again.output()).contains("is not empty").contains("--replace");
		Result replaced = script("restore.sh", "restored", dump.toString(), "--replace");
		assertThat(replaced.exit()).as(replaced.output()).isZero();
		assertThat(fingerprint(restored, "figure")).isEqualTo(fingerprint(original, "figure"));
	}

	@Test
	void aFileThatIsNotABackupIsRefusedAndNothingIsWritten() throws Exception {
		Path notADump = this.directory.resolve("figures.csv");
		Files.writeString(notADump, "metric_zh,value,unit\n工会会员数,1,人\n");
		Result restore = script("restore.sh", "restored", notADump.toString());
		assertThat(restore.exit()).isNotZero();
		assertThat(restore.output()).contains("is not a backup");
		assertThat(jdbc("restored").sql("select count(*) from pg_tables where schemaname = 'public'")
			.query(Long.class)
			.single()).isZero();
	}

	/** The table's rows, each as text, sorted and hashed: equal when the rows are. */
	private static String fingerprint(JdbcClient jdbc, String table) {
		return jdbc.sql("select coalesce(md5(string_agg(t::text, '|' order by t::text)), '') from " + table + " t")
			.query(String.class)
			.single();
	}

	private static long count(JdbcClient jdbc, String table) {
		return jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

	private String url(String database) {
		return "jdbc:postgresql://localhost:" + this.port + "/" + database;
	}

	private JdbcClient jdbc(String database) {
		SimpleDriverDataSource dataSource = new SimpleDriverDataSource(new org.postgresql.Driver(), url(database),
				"postgres", "");
		return JdbcClient.create(dataSource);
	}

	private Result script(String name, String database, String... arguments) throws Exception {
		List<String> command = new ArrayList<>(List.of("bash", Path.of("scripts", name).toString()));
		command.addAll(List.of(arguments));
		return run(command, Map.of("SPRING_DATASOURCE_URL", url(database), "SPRING_DATASOURCE_USERNAME", "postgres",
				"PG_BIN", PG15.toString()));
	}

	private void asPostgres(List<String> command) throws Exception {
		List<String> full = new ArrayList<>();
		if (isRoot()) {
			full.addAll(List.of("runuser", "-u", "postgres", "--"));
		}
		full.addAll(command);
		Result result = run(full, Map.of());
		assertThat(result.exit()).as(result.output()).isZero();
	}

	private record Result(int exit, String output) {
	}

	private static Result run(List<String> command, Map<String, String> environment) throws Exception {
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).directory(new File("."));
		builder.environment().putAll(environment);
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
		return new Result(process.exitValue(), output);
	}

	private static boolean isRoot() {
		return "root".equals(System.getProperty("user.name"));
	}

}
