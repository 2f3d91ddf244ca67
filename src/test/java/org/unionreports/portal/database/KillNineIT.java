package org.unionreports.portal.database;

import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.unionreports.portal.PortalHttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged portal killed with {@code kill -9} while a writer is saving figures through the API: it
 * starts again on the same data directory (taking over the PostgreSQL server the dead process left
 * behind) and every save it acknowledged before the kill is there.
 */
class KillNineIT {

	private static final Path JAR = Path.of("target", "union-report-portal.jar");

	private static final String ADMIN = "crash-admin";

	private static final String PASSWORD = "Harbour-Lantern-Quiet-77";

	private Process portal;

	private int port;

	private PortalHttp http;

	@AfterEach
	void stop() {
		if (this.portal != null) {
			this.portal.destroy();
		}
	}

	@Test
	void killedWhileWritingItStartsAgainWithEveryAcknowledgedSave() throws Exception {
		Path data = Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-databases")).toAbsolutePath(),
				"kill-nine-");
		this.port = PortalHttp.freePort();
		this.http = new PortalHttp(this.port);
		start(data);
		assertThat(post("/api/admin/users", "application/json", """
				{"username":"crash-staff","password":"%s","role":"STAFF","regionCodes":["610100"]}""".formatted(PASSWORD),
				ADMIN).statusCode()).isEqualTo(201);
		HttpResponse<String> created = post("/api/reports", "application/json",
				"{\"regionCode\":\"610100\",\"periodStart\":2023,\"title\":\"强制结束测试\"}", "crash-staff");
		assertThat(created.statusCode()).isEqualTo(201);
		long report = Long.parseLong(created.body().replaceAll("\\D", ""));

		Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();
		AtomicBoolean writing = new AtomicBoolean(true);
		Thread writer = new Thread(() -> {
			for (int i = 0; writing.get(); i++) {
				try {
					if (post("/api/reports/" + report + "/figures/import", "text/csv; charset=UTF-8",
							"metric_zh,value,unit\n强制结束测试" + i + "," + i + ",个\n", "crash-staff").statusCode() == 200) {
						acknowledged.add(i);
					}
				}
				catch (RuntimeException ex) {
					return; // the portal died under this request
				}
			}
		});
		writer.start();
		await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= 30);
		this.portal.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, no clean stop of PostgreSQL
		writing.set(false);
		writer.join(30_000);
		int before = acknowledged.size();

		start(data);
		String stored = get("/api/reports/" + report, "crash-staff");
		for (int i : acknowledged) {
			assertThat(stored).as("save %d, acknowledged before the kill", i).contains("\"强制结束测试" + i + "\"");
		}
		assertThat(before).isGreaterThanOrEqualTo(30);
		assertThat(post("/api/reports/" + report + "/figures/import", "text/csv; charset=UTF-8",
				"metric_zh,value,unit\n重启之后,1,个\n", "crash-staff").statusCode()).isEqualTo(200);
	}

	private void start(Path data) throws Exception {
		ProcessBuilder builder = new ProcessBuilder(List.of(javaBinary(), "-Xmx384m", "-jar", JAR.toString(),
				"--server.port=" + this.port, "--portal.demo-data=false"))
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(data.resolve("portal.log").toFile()));
		builder.environment().putAll(java.util.Map.of("PORTAL_DATA_DIR", data.toString(), "PORTAL_ADMIN_USERNAME", ADMIN,
				"PORTAL_ADMIN_PASSWORD", PASSWORD));
		this.portal = builder.start();
		await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> {
			assertThat(this.portal.isAlive()).as("the portal exited; see " + data.resolve("portal.log")).isTrue();
			try {
				return this.http.send(HttpRequest.newBuilder(this.http.uri("/actuator/health"))).statusCode() == 200;
			}
			catch (UncheckedIOException ex) {
				return false;
			}
		});
	}

	private HttpResponse<String> post(String path, String type, String body, String user) {
		return this.http.post(path, type, body, user, PASSWORD);
	}

	private String get(String path, String user) {
		HttpResponse<String> answer = this.http.send(HttpRequest.newBuilder(this.http.uri(path))
			.header("Authorization", PortalHttp.basic(user, PASSWORD))
			.GET());
		assertThat(answer.statusCode()).isEqualTo(200);
		return answer.body();
	}

	private static String javaBinary() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

}
