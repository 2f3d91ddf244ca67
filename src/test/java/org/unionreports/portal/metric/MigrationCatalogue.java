package org.unionreports.portal.metric;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.core.io.ClassPathResource;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * The metric catalogue read straight from its migration (V2), without a database: for tests that run
 * outside a Spring context, such as the fuzz tests, which must start in milliseconds.
 */
public final class MigrationCatalogue {

	private static final String COLUMNS = "(key, name_zh, name_en, family, unit, unit_synonyms, aliases_zh, kind, rollup,"
			+ " min_value, max_value, headline, sort_order)";

	private MigrationCatalogue() {
	}

	/** The catalogue of the first insert of V2: every metric but the few defined over another one. */
	public static MetricCatalogue load() {
		List<Metric> metrics = new ArrayList<>();
		long id = 1;
		boolean inBlock = false;
		for (String line : migration().split("\n")) {
			if (line.startsWith("insert into metric ")) {
				inBlock = line.endsWith(COLUMNS);
				continue;
			}
			if (inBlock && line.startsWith("(")) {
				metrics.add(metric(id++, values(line.substring(1, line.lastIndexOf(')')))));
			}
		}
		return new MetricCatalogue(() -> metrics);
	}

	private static Metric metric(long id, List<String> v) {
		Metric metric = new Metric();
		ReflectionTestUtils.setField(metric, "id", id);
		ReflectionTestUtils.setField(metric, "key", v.get(0));
		ReflectionTestUtils.setField(metric, "nameZh", v.get(1));
		ReflectionTestUtils.setField(metric, "nameEn", v.get(2));
		ReflectionTestUtils.setField(metric, "family", Family.valueOf(v.get(3).toUpperCase()));
		ReflectionTestUtils.setField(metric, "unit", v.get(4));
		ReflectionTestUtils.setField(metric, "unitSynonyms", array(v.get(5)));
		ReflectionTestUtils.setField(metric, "aliasesZh", array(v.get(6)));
		ReflectionTestUtils.setField(metric, "kind", MetricKind.valueOf(v.get(7).toUpperCase()));
		ReflectionTestUtils.setField(metric, "rollup", Rollup.valueOf(v.get(8).toUpperCase()));
		ReflectionTestUtils.setField(metric, "minValue", "null".equals(v.get(9)) ? null : new BigDecimal(v.get(9)));
		ReflectionTestUtils.setField(metric, "maxValue", "null".equals(v.get(10)) ? null : new BigDecimal(v.get(10)));
		ReflectionTestUtils.setField(metric, "headline", Boolean.parseBoolean(v.get(11)));
		ReflectionTestUtils.setField(metric, "sortOrder", Integer.parseInt(v.get(12)));
		return metric;
	}

	/** A PostgreSQL array literal such as {@code {名,人}}. */
	private static List<String> array(String literal) {
		String inner = literal.substring(1, literal.length() - 1);
		return inner.isEmpty() ? List.of() : Arrays.asList(inner.split(","));
	}

	/** The values of one SQL tuple: quoted strings (with '' for a quote) and bare words. */
	private static List<String> values(String tuple) {
		List<String> values = new ArrayList<>();
		StringBuilder value = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < tuple.length(); i++) {
			char c = tuple.charAt(i);
			if (quoted) {
				if (c == '\'' && i + 1 < tuple.length() && tuple.charAt(i + 1) == '\'') {
					value.append('\'');
					i++;
				}
				else if (c == '\'') {
					quoted = false;
				}
				else {
					value.append(c);
				}
			}
			else if (c == '\'') {
				quoted = true;
			}
			else if (c == ',') {
				values.add(value.toString().strip());
				value.setLength(0);
			}
			else {
				value.append(c);
			}
		}
		values.add(value.toString().strip());
		return values;
	}

	private static String migration() {
		try (InputStream in = new ClassPathResource("db/migration/V2__metric_catalogue.sql").getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
