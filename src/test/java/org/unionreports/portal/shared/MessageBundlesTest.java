package org.unionreports.portal.shared;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/** Chinese and English are both complete: the two bundles have the same keys and no empty text. */
class MessageBundlesTest {

	private static Properties load(String name) throws IOException {
		Properties properties = new Properties();
		try (var in = new InputStreamReader(new ClassPathResource("messages/" + name).getInputStream(),
				StandardCharsets.UTF_8)) {
			properties.load(in);
		}
		return properties;
	}

	@Test
	void chineseAndEnglishBundlesHaveTheSameKeys() throws IOException {
		Set<String> chinese = new TreeSet<>(load("messages.properties").stringPropertyNames());
		Set<String> english = new TreeSet<>(load("messages_en.properties").stringPropertyNames());
		assertThat(english).as("keys missing in English").containsAll(chinese);
		assertThat(chinese).as("keys missing in Chinese").containsAll(english);
	}

	@Test
	void noMessageIsEmpty() throws IOException {
		for (String bundle : new String[] { "messages.properties", "messages_en.properties" }) {
			Properties properties = load(bundle);
			assertThat(properties.stringPropertyNames()).allSatisfy(
					key -> assertThat(properties.getProperty(key)).as(bundle + " " + key).isNotBlank());
		}
	}

}
