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

}
