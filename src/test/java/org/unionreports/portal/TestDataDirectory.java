package org.unionreports.portal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Gives each test JVM a fresh embedded database under {@code target/test-databases/}. */
public class TestDataDirectory implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static final Path DIRECTORY = create();

	private static Path create() {
		try {
			Path parent = Files.createDirectories(Path.of("target", "test-databases"));
			return Files.createTempDirectory(parent.toAbsolutePath(), "run-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static Path directory() {
		return DIRECTORY;
	}

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		TestPropertyValues.of("portal.data-dir=" + DIRECTORY).applyTo(context);
	}

}
