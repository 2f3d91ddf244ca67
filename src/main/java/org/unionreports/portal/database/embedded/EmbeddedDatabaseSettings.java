package org.unionreports.portal.database.embedded;

import java.nio.file.Path;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code portal.data-dir} and {@code portal.embedded-database.*}: where the embedded PostgreSQL server keeps
 * its cluster, its password and its binaries, and on which port it listens. Used only when no
 * {@code spring.datasource.url} is set.
 *
 * @param dataDir the data directory ({@code PORTAL_DATA_DIR})
 * @param embeddedDatabase the server itself
 */
@ConfigurationProperties("portal")
@Validated
public record EmbeddedDatabaseSettings(@DefaultValue("./data") @NotNull Path dataDir,
		@DefaultValue @Valid EmbeddedDatabase embeddedDatabase) {

	/** @param port the loopback port, 0 for any free one ({@code PORTAL_EMBEDDED_DATABASE_PORT}) */
	public record EmbeddedDatabase(@DefaultValue("0") @Min(0) @Max(65535) int port) {
	}

}
