package org.unionreports.portal.identity;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import org.unionreports.portal.PortalApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first administrator: from PORTAL_ADMIN_USERNAME and PORTAL_ADMIN_PASSWORD, or with a random password
 * printed once in the log. Each case starts the whole portal on a database of its own.
 */
@ExtendWith(OutputCaptureExtension.class)
class FirstAdministratorTest {

	private static final Pattern PRINTED = Pattern.compile("Created the administrator 'admin' with the password: (\\S+)");

	@TempDir
	Path dataDirectory;

	private ConfigurableApplicationContext start(String... extra) {
		String[] args = new String[extra.length + 3];
		args[0] = "--portal.data-dir=" + this.dataDirectory;
		args[1] = "--portal.demo-data=false";
		args[2] = "--server.port=0";
		System.arraycopy(extra, 0, args, 3, extra.length);
		return SpringApplication.run(PortalApplication.class, args);
	}

	@Test
	void withoutConfigurationARandomPasswordIsPrintedOnceAndWorks(CapturedOutput output) {
		String password;
		try (ConfigurableApplicationContext portal = start()) {
			Matcher printed = PRINTED.matcher(output.getAll());
			assertThat(printed.find()).as("the generated password is printed").isTrue();
			password = printed.group(1);
			assertThat(password).hasSizeGreaterThanOrEqualTo(20);
			String hash = portal.getBean(JdbcClient.class)
				.sql("select password_hash from app_user where username = 'admin' and role = 'ADMIN'")
				.query(String.class)
				.single();
			assertThat(portal.getBean(PasswordEncoder.class).matches(password, hash)).isTrue();
		}
		int printedBefore = count(output.getAll());
		try (ConfigurableApplicationContext portal = start()) {
			assertThat(count(output.getAll())).as("not printed again on the next start").isEqualTo(printedBefore);
		}
	}

	@Test
	void theConfiguredAdministratorIsCreatedAndNoOtherOne(CapturedOutput output) {
		try (ConfigurableApplicationContext portal = start("--portal.admin.username=chief",
				"--portal.admin.password=Lantern-Harbour-93")) {
			JdbcClient jdbc = portal.getBean(JdbcClient.class);
			assertThat(jdbc.sql("select username from app_user").query(String.class).list()).containsExactly("chief");
			assertThat(jdbc.sql("select role from app_user where username = 'chief'").query(String.class).single())
				.isEqualTo("ADMIN");
			assertThat(output.getAll()).doesNotContain("with the password:");
		}
	}

	private static int count(String text) {
		Matcher matcher = PRINTED.matcher(text);
		int found = 0;
		while (matcher.find()) {
			found++;
		}
		return found;
	}

}
