package org.unionreports.portal.synthetic;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

import org.unionreports.portal.OwnTestDatabase;
import org.unionreports.portal.dashboard.RegionFigures;
import org.unionreports.portal.region.RegionTree;
import org.unionreports.portal.shared.Period;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --portal.synthetic=national} on an empty database of its own: every region with ten yearly
 * reports (and a term for the country and the provinces), a figure for every catalogue metric, totals
 * that add up, and the schema's constraints intact afterwards.
 */
@SpringBootTest(properties = "portal.synthetic=national")
@ContextConfiguration(initializers = OwnTestDatabase.class)
@DirtiesContext
class SyntheticNationalTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RegionFigures figures;

	@Autowired
	RegionTree regions;

	@Test
	void everyRegionHasTenYearsOfReportsWithEveryCatalogueMetric() {
		long regions = count("select count(*) from region");
		long metrics = count("select count(*) from metric");
		long provincesAndCountry = count("select count(*) from region where level in ('NATIONAL', 'PROVINCE')");
		long reports = count("select count(*) from report where status = 'PUBLISHED'");
		assertThat(reports).isEqualTo(regions * 10 + provincesAndCountry);
		assertThat(count("select count(*) from figure where metric_id is not null")).isEqualTo(reports * metrics);
		assertThat(count("select count(*) from figure where label_id is not null")).isEqualTo(provincesAndCountry * 10);
		assertThat(count("select count(*) from report where period_start = 2021 and period_end = 2025"))
			.isEqualTo(provincesAndCountry);
	}

	@Test
	void theForeignKeysDroppedForTheLoadAreBack() {
		List<String> keys = this.jdbc.sql("""
				select conname from pg_constraint where conrelid = cast('figure' as regclass) and contype = 'f'
				order by conname""").query(String.class).list();
		assertThat(keys).containsExactly("figure_claimed_metric_fk", "figure_label_fk", "figure_metric_fk", "figure_report_fk", "figure_section_fk");
	}

	@Test
	void countiesArePlausibleAndEveryOwnTotalAgreesWithItsSubRegions() {
		assertThat(this.jdbc.sql("""
				select min(f.value) >= 4000 and max(f.value) <= 500000
				from figure f join metric m on m.id = f.metric_id join report r on r.id = f.report_id
				join region g on g.id = r.region_id
				where m.key = 'members' and g.level = 'COUNTY'""").query(Boolean.class).single()).isTrue();
		for (String code : List.of("000000", "610000", "610100")) {
			for (Period period : List.of(Period.year(2025), Period.year(2016))) {
				List<RegionFigures.Line> lines = this.figures.of(this.regions.find(code).orElseThrow(), period);
				assertThat(lines).hasSizeGreaterThan(50);
				assertThat(lines).as("own totals of %s in %s that differ from their sub-regions'", code, period)
					.noneMatch(RegionFigures.Line::mismatch);
			}
		}
		// The term's stock is its last year's; its flow the sum of its five years.
		RegionFigures.Line membersTerm = line("000000", new Period(2021, 2025), "members");
		assertThat(membersTerm.value().value()).isEqualByComparingTo(line("000000", Period.year(2025), "members").value().value());
		RegionFigures.Line aidTerm = line("000000", new Period(2021, 2025), "aid_funds");
		java.math.BigDecimal years = java.math.BigDecimal.ZERO;
		for (int year = 2021; year <= 2025; year++) {
			years = years.add(line("000000", Period.year(year), "aid_funds").value().value());
		}
		assertThat(aidTerm.value().value()).isEqualByComparingTo(years);
	}

	private RegionFigures.Line line(String code, Period period, String metric) {
		return this.figures.of(this.regions.find(code).orElseThrow(), period)
			.stream()
			.filter(line -> line.metric().getKey().equals(metric))
			.findFirst()
			.orElseThrow();
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

}
