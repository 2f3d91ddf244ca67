package org.unionreports.portal.database.embedded;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.unionreports.portal.PortalApplication;
import org.unionreports.portal.PortalHttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The database stops while readers and a writer are busy: every answer is the page or "temporarily
 * unavailable" (503), never a stack trace or a 500; once the database is back the portal answers again by
 * itself, and every write it acknowledged before the stop is there.
 */
class DatabaseOutageTest {

	private static final String ADMIN = "outage-admin";

	private static final String PASSWORD = "Harbour-Lantern-Quiet-77";

	@TempDir
	Path directory;

	private PortalHttp http;

	@Test
	void whileTheDatabaseIsAwayPagesAnswer503AndThePortalRecoversByItselfWithEveryAcknowledgedWrite()
			throws Exception {
		int databasePort = PortalHttp.freePort();
		Path cluster = this.directory.resolve("db");
		EmbeddedPostgresServer database = EmbeddedPostgresServer.start(cluster, databasePort);
		try (ConfigurableApplicationContext portal = SpringApplication.run(PortalApplication.class,
				"--spring.datasource.url=" + database.jdbcUrl(), "--spring.datasource.username=postgres",
				"--spring.datasource.password=" + database.password(), "--portal.data-dir=" + this.directory.resolve("unused"),
				"--portal.demo-data=false", "--server.port=0", "--portal.admin.username=" + ADMIN,
				"--portal.admin.password=" + PASSWORD)) {
			this.http = new PortalHttp(portal.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
			long report = createReport();

			Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();
			for (int i = 0; i < 10; i++) {
				assertThat(write(report, i)).isEqualTo(200);
				acknowledged.add(i);
			}
			AtomicBoolean busy = new AtomicBoolean(true);
			List<HttpResponse<String>> answers = new CopyOnWriteArrayList<>();
			List<Thread> visitors = new ArrayList<>();
			for (String path : List.of("/", "/regions/610000", "/api/regions/610000/figures")) {
				visitors.add(started(() -> {
					while (busy.get()) {
						answers.add(this.http.send(HttpRequest.newBuilder(this.http.uri(path)).GET()));
					}
				}));
			}
			visitors.add(started(() -> {
				for (int i = 10; busy.get(); i++) {
					HttpResponse<String> answer = this.http.send(importRequest(report, i));
					answers.add(answer);
					if (answer.statusCode() == 200) {
						acknowledged.add(i);
					}
				}
			}));

			Thread.sleep(1000);
			database.close();
			Thread.sleep(8000);
			List<HttpResponse<String>> duringOutage = answers.stream()
				.filter(answer -> answer.statusCode() == 503)
				.toList();
			database = EmbeddedPostgresServer.start(cluster, databasePort);
			await().atMost(Duration.ofSeconds(60))
				.until(() -> this.http.send(HttpRequest.newBuilder(this.http.uri("/regions/610000")).GET()).statusCode() == 200);
			int before = acknowledged.size();
			await().atMost(Duration.ofSeconds(30)).until(() -> acknowledged.size() > before + 3);
			busy.set(false);
			for (Thread visitor : visitors) {
				visitor.join(30_000);
			}

			assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(200, 503);
			assertThat(duringOutage).isNotEmpty();
			assertThat(duringOutage).anySatisfy(answer -> {
				assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type -> type.startsWith("text/html"));
				assertThat(answer.body()).contains("暂时无法访问").contains("temporarily unavailable");
				assertThat(answer.headers().firstValue("Retry-After")).hasValue("30");
			});
			assertThat(duringOutage).anySatisfy(answer -> {
				assertThat(answer.headers().firstValue("Content-Type"))
					.hasValueSatisfying(type -> type.startsWith("application/problem+json"));
				assertThat(answer.body()).contains("\"status\":503");
			});
			assertThat(duringOutage).allSatisfy(answer -> assertThat(answer.body()).doesNotContain("Exception"));

			JdbcClient jdbc = portal.getBean(JdbcClient.class);
			List<String> stored = jdbc.sql("""
					select l.name_zh from figure f join figure_label l on l.id = f.label_id where f.report_id = ?""")
				.param(report)
				.query(String.class)
				.list();
			assertThat(stored).containsAll(acknowledged.stream().map(DatabaseOutageTest::label).toList());
		}
		finally {
			database.close();
		}
	}

	private long createReport() {
		assertThat(this.http.post("/api/admin/users", "application/json", """
				{"username":"outage-staff","password":"%s","role":"STAFF","regionCodes":["610100"]}""".formatted(PASSWORD),
				ADMIN, PASSWORD).statusCode()).isEqualTo(201);
		HttpResponse<String> created = this.http.post("/api/reports", "application/json",
				"{\"regionCode\":\"610100\",\"periodStart\":2023,\"title\":\"停电测试报告\"}", "outage-staff", PASSWORD);
		assertThat(created.statusCode()).isEqualTo(201);
		return Long.parseLong(created.body().replaceAll("\\D", ""));
	}

	private int write(long report, int i) {
		return this.http.send(importRequest(report, i)).statusCode();
	}

	private HttpRequest.Builder importRequest(long report, int i) {
		String csv = "section,text,number_text,value,unit,qualifier,metric_zh,metric_en,family,period,kind,note\n"
				+ ",," + i + "," + i + ",个,," + label(i) + ",,other,,flow,\n";
		return HttpRequest.newBuilder(this.http.uri("/api/reports/" + report + "/figures/import"))
			.header("Authorization", PortalHttp.basic("outage-staff", PASSWORD))
			.header("Content-Type", "text/csv; charset=UTF-8")
			.POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8));
	}

	private static String label(int i) {
		return "停电测试数字" + i;
	}

	private static Thread started(Runnable work) {
		Thread thread = new Thread(work);
		thread.start();
		return thread;
	}

}
