package org.unionreports.portal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * An embedded database of the test's own, for a test whose context differs from the shared one (other
 * properties, other beans): one embedded server cannot serve two contexts. Pair it with @DirtiesContext.
 */
public class OwnTestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		try {
			Path parent = Files.createDirectories(Path.of("target", "test-databases"));
			Path directory = Files.createTempDirectory(parent.toAbsolutePath(), "own-");
			TestPropertyValues.of("portal.data-dir=" + directory).applyTo(context);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
