package org.unionreports.portal;

import org.springframework.jdbc.core.simple.JdbcClient;

import org.unionreports.portal.region.Region;

/** Reports and catalogue figures written straight into the database, for roll-up tests on trees they make. */
public final class TestFigures {

	private final JdbcClient jdbc;

	public TestFigures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The region's report for the years (made if there is none), in the status given; its id. */
	public long report(Region region, int first, int last, String status) {
		return this.jdbc.sql("""
				insert into report (region_id, period_start, period_end, title, status, published_at)
				values (:region, :first, :last, :title, :status, case when :status = 'PUBLISHED' then now() end)
				on conflict (region_id, period_start, period_end) do update set title = excluded.title
				returning id""")
			.param("region", region.getId())
			.param("first", first)
			.param("last", last)
			.param("title", region.getNameZh() + (first == last ? first + "年" : first + "—" + last + "年") + "工作报告")
			.param("status", status)
			.query(Long.class)
			.single();
	}

	/** A figure of a catalogue metric in the report, for the report's period, in the metric's unit. */
	public void figure(long report, String metric, long value, String qualifier) {
		this.jdbc.sql("""
				insert into figure (report_id, metric_id, subject, unit, value, qualifier, period_start, period_end)
				select :report, m.id, m.name_zh, m.unit, :value, :qualifier, r.period_start, r.period_end
				from metric m, report r where m.key = :metric and r.id = :report""")
			.param("report", report)
			.param("metric", metric)
			.param("value", value)
			.param("qualifier", qualifier)
			.update();
	}

	/**
	 * A figure of a catalogue metric in the report for a period of its own (a 2022 figure inside a
	 * 2018–2022 report, say), in the metric's unit; {@code target} marks a plan rather than an achieved figure.
	 */
	public void figure(long report, String metric, int first, int last, java.math.BigDecimal value,
			String qualifier, boolean target) {
		this.jdbc.sql("""
				insert into figure (report_id, metric_id, subject, unit, value, qualifier, target,
				                    period_start, period_end)
				select :report, m.id, m.name_zh, m.unit, :value, :qualifier, :target, :first, :last
				from metric m where m.key = :metric""")
			.param("report", report)
			.param("metric", metric)
			.param("value", value)
			.param("qualifier", qualifier)
			.param("target", target)
			.param("first", first)
			.param("last", last)
			.update();
	}

	/** A figure of a catalogue metric in the report, for the report's period, with no value: missing, not zero. */
	public void missing(long report, String metric) {
		this.jdbc.sql("""
				insert into figure (report_id, metric_id, subject, unit, value, missing, note, period_start, period_end)
				select :report, m.id, m.name_zh, m.unit, null, true, '原文数字缺失', r.period_start, r.period_end
				from metric m, report r where m.key = :metric and r.id = :report""")
			.param("report", report)
			.param("metric", metric)
			.update();
	}

}
