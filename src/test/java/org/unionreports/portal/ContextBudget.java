package org.unionreports.portal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Counts the Spring application contexts the tests of one JVM start, against a budget the build sets
 * ({@code portal.test.context-budget}, pom.xml): each distinct test configuration (other properties, other
 * beans, another web environment) starts a context of its own, with its own database, 5 to 25 seconds of
 * the suite. The context that goes over the budget fails to load, saying so; the count is written to
 * {@code target/test-contexts.txt} when the JVM ends.
 */
public class ContextBudget implements ContextCustomizerFactory {

	private static final AtomicInteger STARTED = new AtomicInteger();

	private static final int BUDGET = Integer.getInteger("portal.test.context-budget", Integer.MAX_VALUE);

	static {
		Runtime.getRuntime().addShutdownHook(new Thread(ContextBudget::report));
	}

	/**
	 * Adds this JVM's count to {@code target/test-contexts.txt} (one line per test execution of the build:
	 * unit tests, each Failsafe execution), which the build leaves beside the reports.
	 */
	private static void report() {
		String line = "%s: %d application contexts (budget %s)%n".formatted(
				System.getProperty("portal.test.execution", "tests"), STARTED.get(),
				BUDGET == Integer.MAX_VALUE ? "none" : BUDGET);
		System.out.print("[contexts] " + line);
		try {
			Files.createDirectories(Path.of("target"));
			Files.writeString(Path.of("target", "test-contexts.txt"), line, StandardOpenOption.CREATE,
					StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			System.err.println("[contexts] could not write target/test-contexts.txt: " + ex.getMessage());
		}
	}

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		return new Counting();
	}

	/** How many contexts the tests of this JVM have started so far. */
	public static int started() {
		return STARTED.get();
	}

	/** One per context configuration; equal to every other, so that it never splits the context cache. */
	private static final class Counting implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration merged) {
			int count = STARTED.incrementAndGet();
			System.out.println("[contexts] application context " + count + " of this JVM, for "
					+ merged.getTestClass().getSimpleName());
			if (count > BUDGET) {
				throw new IllegalStateException("This is application context " + count + " of a budget of " + BUDGET
						+ " for the tests of one JVM: " + merged.getTestClass().getName() + " asks for a "
						+ "configuration of its own. Share @PortalTest's (no other properties or beans), or raise "
						+ "portal.test.context-budget in pom.xml and say why.");
			}
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof Counting;
		}

		@Override
		public int hashCode() {
			return Counting.class.hashCode();
		}

	}

}
