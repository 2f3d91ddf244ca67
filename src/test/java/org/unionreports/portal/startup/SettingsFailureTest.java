package org.unionreports.portal.startup;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.env.MockEnvironment;

import org.unionreports.portal.PortalApplication;
import org.unionreports.portal.cache.CacheSettings;
import org.unionreports.portal.web.PublicAddress;
import org.unionreports.portal.web.UploadLimits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A {@code portal.*} value that cannot be used stops the portal with one sentence naming the setting, its
 * environment variable and what it should be.
 */
@ExtendWith(OutputCaptureExtension.class)
class SettingsFailureTest {

	@Test
	void aStartWithABadValueStopsWithOneSentenceNamingTheSetting(@TempDir Path data, CapturedOutput output) {
		assertThatThrownBy(() -> SpringApplication.run(PortalApplication.class, "--portal.data-dir=" + data,
				"--portal.embedded-database.port=seventy", "--server.port=0", "--portal.demo-data=false"))
			.isInstanceOf(Exception.class);
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("The setting portal.embedded-database.port (PORTAL_EMBEDDED_DATABASE_PORT) is \"seventy\", "
					+ "which is not a whole number.")
			// nothing was started before the failure: the database's directory stayed empty
			.doesNotContain("Embedded PostgreSQL started");
		assertThat(data.resolve("postgres")).doesNotExist();
	}

	@Test
	void eachKindOfWrongValueIsNamedWithWhatItShouldBe() {
		assertThat(sentence(UploadLimits.class, "portal.upload", Map.of("portal.upload.max-size", "lots")))
			.isEqualTo("The setting portal.upload.max-size (PORTAL_UPLOAD_MAX_SIZE) is \"lots\", which is not a size "
					+ "such as 20MB or 500KB.");
		assertThat(sentence(UploadLimits.class, "portal.upload", Map.of("portal.upload.max-size", "0MB")))
			.isEqualTo("portal.upload.max-size (PORTAL_UPLOAD_MAX_SIZE) must be more than nothing, such as 20MB; "
					+ "it was 0B.");
		assertThat(sentence(CacheSettings.class, "portal", Map.of("portal.data-cache", "maybe")))
			.isEqualTo("The setting portal.data-cache (PORTAL_DATA_CACHE) is \"maybe\", which is not true or false.");
		assertThat(sentence(InitialDataSettings.class, "portal", Map.of("portal.synthetic", "provincial")))
			.isEqualTo("The setting portal.synthetic (PORTAL_SYNTHETIC) is \"provincial\", which is not one of "
					+ "national.");
		assertThat(sentence(PublicAddress.class, "portal", Map.of("portal.base-url", "gonghui.example.cn")))
			.startsWith("PORTAL_BASE_URL must be an http or https address with a host");
	}

	private static String sentence(Class<?> type, String prefix, Map<String, Object> values) {
		MockEnvironment environment = new MockEnvironment();
		values.forEach((name, value) -> environment.setProperty(name, value.toString()));
		try {
			Binder.get(environment).bindOrCreate(prefix, type);
		}
		catch (BindException failure) {
			return SettingsFailureAnalyzer.sentence(failure);
		}
		throw new AssertionError(values + " was accepted");
	}

}
