package org.unionreports.portal.startup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's configuration table against the settings the code declares: the metadata that
 * spring-boot-configuration-processor writes from the {@code @ConfigurationProperties} records. Every
 * {@code portal.*} setting has a row (a row may cover a group, {@code portal.rate-limits.*}), every row
 * names a setting that exists, its environment variable is the setting's, and a default the code gives is
 * the default the README states.
 */
class SettingsDocumentationTest {

	private static final Pattern CODE = Pattern.compile("`([^`]+)`");

	private static final Map<String, JsonNode> DECLARED = new LinkedHashMap<>();

	private static final List<Row> ROWS = new ArrayList<>();

	record Row(List<String> variables, List<String> settings, String defaultText) {
	}

	@BeforeAll
	static void read() throws IOException {
		try (InputStream in = new ClassPathResource("META-INF/spring-configuration-metadata.json").getInputStream()) {
			for (JsonNode property : JsonMapper.builder().build().readTree(in).get("properties")) {
				String name = property.get("name").asString();
				if (name.startsWith("portal.")) {
					DECLARED.put(name, property);
				}
			}
		}
		String readme = Files.readString(Path.of("README.md"));
		String table = readme.substring(readme.indexOf("| Environment variable | Setting |"),
				readme.indexOf("\n\n", readme.indexOf("| Environment variable | Setting |")));
		for (String line : table.lines().skip(2).toList()) {
			String[] cells = line.split("(?<!\\\\)\\|");
			ROWS.add(new Row(codes(cells[1]), codes(cells[2]), cells[4].strip()));
		}
	}

	private static List<String> codes(String cell) {
		List<String> codes = new ArrayList<>();
		Matcher matcher = CODE.matcher(cell);
		while (matcher.find()) {
			codes.add(matcher.group(1));
		}
		return codes;
	}

	@Test
	void theCodeDeclaresItsSettings() {
		assertThat(DECLARED).containsKeys("portal.base-url", "portal.upload.max-size", "portal.data-dir",
				"portal.rate-limits.pdf.per-user");
	}

	@Test
	void everySettingTheCodeDeclaresHasARow() {
		List<String> documented = ROWS.stream().flatMap(row -> row.settings().stream()).toList();
		assertThat(DECLARED.keySet()).allSatisfy(name -> assertThat(documented)
			.as("README row for " + name)
			.anyMatch(setting -> setting.equals(name)
					|| setting.endsWith(".*") && name.startsWith(setting.substring(0, setting.length() - 1))));
	}

	@Test
	void everyRowNamesSettingsThatExistUnderTheirOwnEnvironmentVariables() {
		for (Row row : ROWS) {
			for (String setting : row.settings()) {
				if (!setting.startsWith("portal.")) {
					continue;
				}
				if (setting.endsWith(".*")) {
					String group = setting.substring(0, setting.length() - 1);
					assertThat(DECLARED.keySet()).as(setting).anyMatch(name -> name.startsWith(group));
					continue;
				}
				assertThat(DECLARED).as("the setting " + setting + " of the README").containsKey(setting);
				assertThat(row.variables()).as("environment variable of " + setting).contains(variable(setting));
			}
		}
	}

	@Test
	void theDefaultsTheCodeGivesAreTheReadmes() {
		for (Row row : ROWS) {
			if (row.settings().size() != 1 || !DECLARED.containsKey(row.settings().get(0))) {
				continue;
			}
			JsonNode declared = DECLARED.get(row.settings().get(0)).get("defaultValue");
			if (declared == null || declared.isNull() || declared.asString().isEmpty()) {
				continue;
			}
			assertThat(row.defaultText()).as("default of " + row.settings().get(0)).isEqualTo("`" + declared.asString() + "`");
		}
	}

	private static String variable(String setting) {
		return setting.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
	}

}
