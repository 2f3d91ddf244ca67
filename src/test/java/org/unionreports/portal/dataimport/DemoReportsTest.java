package org.unionreports.portal.dataimport;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.unionreports.portal.PortalTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The three seed reports load as published reports with exactly the figures of their CSV files. */
@PortalTest
class DemoReportsTest {

	@Autowired
	JdbcClient jdbc;

	record Stored(String nameZh, BigDecimal value, String unit, String qualifier, boolean missing, String text,
			String period, String section) {
	}

	@ParameterizedTest(name = "{0}: {4} figures, {5} missing")
	@CsvSource({ "xinjiang-2018-2023, 650000, 2018, 2022, 54, 2", "zhenjiang-xinqu-2022, 321171, 2022, 2022, 26, 0",
			"xian-2018-2023, 610100, 2018, 2022, 55, 0" })
	void seedLoadsWithEveryFigureOfItsCsv(String seed, String regionCode, int firstYear, int lastYear, int figures,
			int missing) throws IOException {
		List<CSVRecord> expected = csv("seeds/" + seed + ".figures.csv");
		Map<String, Stored> stored = this.jdbc.sql("""
				select coalesce(m.name_zh, l.name_zh) as name_zh, f.value, f.unit, f.qualifier, f.missing, f.source_text,
				       f.period_start, f.period_end, s.heading
				from figure f join report r on r.id = f.report_id join region g on g.id = r.region_id
				left join metric m on m.id = f.metric_id left join figure_label l on l.id = f.label_id
				left join section s on s.id = f.section_id
				where g.code = ? and r.period_start = ? and r.period_end = ?""")
			.params(regionCode, firstYear, lastYear)
			.query((rs, row) -> new Stored(rs.getString("name_zh"), rs.getBigDecimal("value"), rs.getString("unit"),
					rs.getString("qualifier"), rs.getBoolean("missing"), rs.getString("source_text"),
					rs.getInt("period_start") == rs.getInt("period_end") ? Integer.toString(rs.getInt("period_start"))
							: rs.getInt("period_start") + "-" + rs.getInt("period_end"),
					rs.getString("heading")))
			.list()
			.stream()
			.collect(Collectors.toMap(Stored::text, s -> s));

		assertThat(expected).hasSize(figures);
		assertThat(stored).hasSize(figures);
		assertThat(stored.values().stream().filter(Stored::missing)).hasSize(missing);
		for (CSVRecord row : expected) {
			Stored figure = stored.get(row.get("text"));
			assertThat(figure).as("figure with text %s", row.get("text")).isNotNull();
			if (row.get("value").isBlank()) {
				assertThat(figure.missing()).isTrue();
				assertThat(figure.value()).isNull();
			}
			else {
				assertThat(figure.value()).as(row.get("text")).isEqualByComparingTo(new BigDecimal(row.get("value")));
			}
			assertThat(figure.unit()).isEqualTo(row.get("unit"));
			assertThat(figure.qualifier()).isEqualTo(row.get("qualifier"));
			assertThat(figure.period()).isEqualTo(row.get("period"));
			assertThat(figure.section()).isEqualTo(row.get("section"));
		}
	}

	private static List<CSVRecord> csv(String resource) throws IOException {
		try (Reader in = new InputStreamReader(new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8)) {
			return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
		}
	}

}
