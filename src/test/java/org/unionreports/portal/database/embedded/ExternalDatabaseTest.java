package org.unionreports.portal.database.embedded;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.unionreports.portal.PortalApplication;

import static org.assertj.core.api.Assertions.assertThat;

/** With SPRING_DATASOURCE_URL set the portal uses that server and starts no embedded one. */
class ExternalDatabaseTest {

	@TempDir
	Path directory;

	@Test
	void usesTheConfiguredServerAndStartsNoEmbeddedOne() {
		Path unusedDataDirectory = this.directory.resolve("never-created");
		try (EmbeddedPostgresServer external = EmbeddedPostgresServer.start(this.directory.resolve("external"), 0);
				ConfigurableApplicationContext portal = SpringApplication.run(PortalApplication.class,
						"--spring.datasource.url=" + external.jdbcUrl(), "--spring.datasource.username=postgres",
						"--spring.datasource.password=" + external.password(), "--portal.data-dir=" + unusedDataDirectory,
						"--portal.demo-data=false", "--server.port=0")) {
			assertThat(portal.getBeansOfType(EmbeddedPostgresServer.class)).isEmpty();
			assertThat(Files.exists(unusedDataDirectory)).isFalse();
			int regions = portal.getBean(JdbcClient.class).sql("select count(*) from region").query(Integer.class).single();
			assertThat(regions).isEqualTo(3340);
		}
	}

}
