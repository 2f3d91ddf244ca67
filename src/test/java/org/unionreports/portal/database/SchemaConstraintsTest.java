package org.unionreports.portal.database;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

import org.unionreports.portal.PortalTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The database itself refuses what must never hold, whichever code writes. Each test breaks one named
 * constraint and checks that PostgreSQL names it in its refusal. Every test rolls back.
 */
@PortalTest
@Transactional
class SchemaConstraintsTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Environment environment;

	@Test
	void everyTestContextChecksTheEntitiesAgainstTheSchema() {
		// The portal skips this check at start (application.yml); the tests must not.
		assertThat(this.environment.getProperty("spring.jpa.hibernate.ddl-auto")).isEqualTo("validate");
	}

	private void refused(String constraint, String sql, Object... params) {
		assertThatThrownBy(() -> {
			var statement = this.jdbc.sql(sql);
			for (Object param : params) {
				statement = statement.param(param);
			}
			statement.update();
		}).isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining(constraint);
	}

	private long regionId(String code) {
		return this.jdbc.sql("select id from region where code = ?").param(code).query(Long.class).single();
	}

	private long newReport(String code, int first, int last) {
		return this.jdbc.sql("""
				insert into report (region_id, period_start, period_end, title) values (?, ?, ?, 'test') returning id""")
			.params(regionId(code), first, last)
			.query(Long.class)
			.single();
	}

	private long metricId(String key) {
		return this.jdbc.sql("select id from metric where key = ?").param(key).query(Long.class).single();
	}

	@Test
	void regionCodesAreUnique() {
		refused("region_code_uk", "insert into region (code, name_zh, name_en, level, parent_id, path, division_code) "
				+ "values ('610100', '重复', 'Duplicate', 'PREFECTURE', ?, '/000000/610000/610100/', true)",
				regionId("610000"));
	}

	@Test
	void divisionCodesHaveSixDigits() {
		refused("region_code_format_ck", "insert into region (code, name_zh, name_en, level, parent_id, path, division_code) "
				+ "values ('6101', '短码', 'Short', 'PREFECTURE', ?, '/000000/6101/', true)", regionId("000000"));
	}

	@Test
	void ownCodesAreUpperCaseAndMarkedAsNotDivisionCodes() {
		refused("region_code_format_ck", "insert into region (code, name_zh, name_en, level, parent_id, path, division_code) "
				+ "values ('zone-1', '小写', 'Lower', 'ZONE', ?, '/000000/zone-1/', false)", regionId("000000"));
	}

	@Test
	void onlyTheNationalRootHasNoParent() {
		refused("region_root_ck", "insert into region (code, name_zh, name_en, level, parent_id, path, division_code) "
				+ "values ('ZONE-X', '孤儿', 'Orphan', 'ZONE', null, '/ZONE-X/', false)");
	}

	@Test
	void aRegionsPathEndsWithItsOwnCode() {
		refused("region_path_ck", "insert into region (code, name_zh, name_en, level, parent_id, path, division_code) "
				+ "values ('ZONE-Y', '错路径', 'Wrong path', 'ZONE', ?, '/000000/ZONE-Z/', false)", regionId("000000"));
	}

	@Test
	void aRegionLevelIsOneOfTheTiers() {
		refused("region_level_ck", "insert into region (code, name_zh, name_en, level, parent_id, path, division_code) "
				+ "values ('ZONE-W', '错层级', 'Wrong level', 'PLANET', ?, '/000000/ZONE-W/', false)", regionId("000000"));
	}

	@Test
	void oneReportPerRegionAndPeriod() {
		newReport("610100", 2023, 2023);
		refused("report_region_period_uk",
				"insert into report (region_id, period_start, period_end, title) values (?, 2023, 2023, 'again')",
				regionId("610100"));
	}

	@Test
	void aReportPeriodDoesNotEndBeforeItStarts() {
		refused("report_period_ck",
				"insert into report (region_id, period_start, period_end, title) values (?, 2022, 2018, 'backwards')",
				regionId("610100"));
	}

	@Test
	void aReportStatusIsOneOfTheWorkflowSteps() {
		refused("report_status_ck",
				"insert into report (region_id, period_start, period_end, title, status) values (?, 2024, 2024, 't', 'LOST')",
				regionId("610100"));
	}

	@Test
	void aPublishedReportHasAPublicationTimeAndOnlyThen() {
		refused("report_published_ck",
				"insert into report (region_id, period_start, period_end, title, status) values (?, 2025, 2025, 't', 'PUBLISHED')",
				regionId("610100"));
	}

	@Test
	void aReportHasATitle() {
		refused("report_title_ck",
				"insert into report (region_id, period_start, period_end, title) values (?, 2026, 2026, '  ')",
				regionId("610100"));
	}

	@Test
	void aSourceLinkIsAWebAddress() {
		refused("report_source_url_ck",
				"insert into report (region_id, period_start, period_end, title, source_url) values (?, 2027, 2027, 't', 'javascript:alert(1)')",
				regionId("610100"));
	}

	@Test
	void sectionPositionsAreUniqueWithinAReport() {
		long report = newReport("610100", 2019, 2019);
		this.jdbc.sql("insert into section (report_id, position, heading) values (?, 0, 'a')").param(report).update();
		this.jdbc.sql("insert into section (report_id, position, heading) values (?, 0, 'b')").param(report).update();
		// The constraint is deferred so that sections can be reordered within a transaction; check it now.
		refused("section_position_uk", "set constraints section_position_uk immediate");
	}

	@Test
	void aFigureHasAMetricOrALabelNotBoth() {
		long report = newReport("610100", 2020, 2020);
		refused("figure_metric_or_label_ck", "insert into figure (report_id, subject, unit, value, period_start, period_end) "
				+ "values (?, '会员', '人', 1, 2020, 2020)", report);
	}

	@Test
	void aFigureIsMissingExactlyWhenItHasNoValue() {
		long report = newReport("610100", 2021, 2021);
		refused("figure_missing_ck", "insert into figure (report_id, metric_id, subject, unit, value, missing, period_start, period_end) "
				+ "values (?, ?, '会员', '人', null, false, 2021, 2021)", report, metricId("members"));
	}

	@Test
	void aFigureQualifierIsOneOfTheKnownWords() {
		long report = newReport("610100", 2017, 2017);
		refused("figure_qualifier_ck", "insert into figure (report_id, metric_id, subject, unit, value, qualifier, period_start, period_end) "
				+ "values (?, ?, '会员', '人', 1, '大概', 2017, 2017)", report, metricId("members"));
	}

	@Test
	void aMetricIsHeldByOneFigureOfAReportForAPeriod() {
		long report = newReport("610100", 2016, 2016);
		// Two subjects may mean one metric, but only one of them holds it; the other claims it (a conflict).
		String insert = "insert into figure (report_id, metric_id, subject, unit, value, period_start, period_end)"
				+ " values (?, ?, ?, '人', 1, 2016, 2016)";
		this.jdbc.sql(insert).params(report, metricId("members"), "会员总数").update();
		refused("figure_report_metric_ux", insert, report, metricId("members"), "工会会员");
	}

	@Test
	void aFigureIsOnceInAReportForItsSubjectUnitPeriodAndOccurrence() {
		long report = newReport("610100", 2015, 2015);
		String insert = "insert into figure (report_id, label_id, subject, unit, value, occurrence, period_start, period_end)"
				+ " values (?, (select min(id) from figure_label), '慰问职工', '人次', 1, ?, 2015, 2015)";
		this.jdbc.sql(insert).params(report, 0).update();
		this.jdbc.sql(insert).params(report, 1).update();
		refused("figure_report_subject_ux", insert, report, 1);
	}

	@Test
	void aFigureThatClaimsAMetricDoesNotAlsoHoldOne() {
		long report = newReport("610100", 2014, 2014);
		refused("figure_claim_ck", "insert into figure (report_id, metric_id, claimed_metric_id, subject, unit, value,"
				+ " period_start, period_end) values (?, ?, ?, '会员', '人', 1, 2014, 2014)", report, metricId("members"),
				metricId("members"));
	}

	@Test
	void aFlaggedFigureHasItsExplanation() {
		long report = newReport("610100", 2013, 2013);
		refused("figure_flag_note_ck", "insert into figure (report_id, metric_id, subject, unit, value, flag,"
				+ " period_start, period_end) values (?, ?, '会员', '人', 1, 'explained', 2013, 2013)", report,
				metricId("members"));
	}

	@Test
	void aMetricsRollupFitsItsKind() {
		refused("metric_rollup_ck", "insert into metric (key, name_zh, name_en, family, unit, kind, rollup, sort_order) "
				+ "values ('bad_rate', '坏比率', 'Bad rate', 'rights', '%', 'rate', 'sum', 1)");
	}

	@Test
	void aRateIsInPercent() {
		refused("metric_rate_unit_ck", "insert into metric (key, name_zh, name_en, family, unit, kind, rollup, sort_order) "
				+ "values ('bad_unit', '坏单位', 'Bad unit', 'rights', '人', 'rate', 'range', 1)");
	}

	@Test
	void aWeightedMeanNeedsItsBaseMetric() {
		refused("metric_weighted_base_ck", "insert into metric (key, name_zh, name_en, family, unit, kind, rollup, sort_order) "
				+ "values ('no_base', '无基数', 'No base', 'rights', '%', 'rate', 'weighted_mean', 1)");
	}

	@Test
	void aLongTailLabelHasAKnownFamily() {
		refused("figure_label_family_ck", "insert into figure_label (name_zh, unit, family, kind) values ('x', '个', 'sports', 'flow')");
	}

}
