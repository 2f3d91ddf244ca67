package org.unionreports.portal.dashboard;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.unionreports.portal.region.Region;
import org.unionreports.portal.region.RegionTree;
import org.unionreports.portal.report.Report;
import org.unionreports.portal.report.ReportCatalogue;
import org.unionreports.portal.shared.Amount;
import org.unionreports.portal.shared.NotFoundException;
import org.unionreports.portal.shared.Qualifier;

/**
 * What a region's page shows: where it sits in the tree, its sub-regions with how many published reports
 * each has below it, and the published reports of the region and below with their headline figures.
 */
@Service
@Transactional(readOnly = true)
public class RegionOverview {

	private final RegionTree regions;

	private final ReportCatalogue reports;

	private final JdbcClient jdbc;

	RegionOverview(RegionTree regions, ReportCatalogue reports, JdbcClient jdbc) {
		this.regions = regions;
		this.reports = reports;
		this.jdbc = jdbc;
	}

	public Overview of(String code) {
		Region region = this.regions.find(code).orElseThrow(() -> new NotFoundException("region " + code));
		List<Region> ancestors = this.regions.ancestors(region);
		Map<String, Integer> reportsBelow = publishedReportsPerChild(region);
		List<SubRegion> children = this.regions.children(region)
			.stream()
			.map(child -> new SubRegion(child, reportsBelow.getOrDefault(child.getCode(), 0)))
			.toList();
		List<Report> published = this.reports.publishedInSubtree(region);
		Map<Long, List<Headline>> headlines = headlines(region);
		List<ReportSummary> summaries = published.stream()
			.map(report -> new ReportSummary(report, headlines.getOrDefault(report.getId(), List.of())))
			.toList();
		return new Overview(region, ancestors, children, summaries);
	}

	private Map<String, Integer> publishedReportsPerChild(Region region) {
		return this.jdbc.sql("""
				select c.code, count(r.id) as reports
				from region c
				left join region d on d.path like c.path || '%'
				left join report r on r.region_id = d.id and r.status = 'PUBLISHED'
				where c.parent_id = :parent
				group by c.code""")
			.param("parent", region.getId())
			.query((rs, row) -> Map.entry(rs.getString("code"), rs.getInt("reports")))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	private Map<Long, List<Headline>> headlines(Region region) {
		return this.jdbc.sql("""
				select f.report_id, m.key, m.name_zh, m.name_en, f.value, f.unit, f.qualifier
				from figure f
				join metric m on m.id = f.metric_id
				join report r on r.id = f.report_id
				join region g on g.id = r.region_id
				where m.headline and not f.target and not f.missing and r.status = 'PUBLISHED'
				  and f.period_start = r.period_start and f.period_end = r.period_end
				  and g.path like :path || '%'
				order by m.sort_order""")
			.param("path", region.getPath())
			.query((rs, row) -> Map.entry(rs.getLong("report_id"),
					new Headline(rs.getString("key"), rs.getString("name_zh"), rs.getString("name_en"),
							new Amount(rs.getBigDecimal("value"), rs.getString("unit"),
									Qualifier.fromCode(rs.getString("qualifier")).orElseThrow()))))
			.list()
			.stream()
			.collect(Collectors.groupingBy(Map.Entry::getKey,
					Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
	}

	/** A region with everything its page shows. */
	public record Overview(Region region, List<Region> ancestors, List<SubRegion> children,
			List<ReportSummary> reports) {
	}

	public record SubRegion(Region region, int publishedReports) {
	}

	public record ReportSummary(Report report, List<Headline> headlines) {
	}

	/** A headline metric's figure in a report. */
	public record Headline(String metricKey, String nameZh, String nameEn, Amount amount) {

		public String name(Locale locale) {
			return "en".equals(locale.getLanguage()) ? this.nameEn : this.nameZh;
		}

		public BigDecimal value() {
			return this.amount.value();
		}

	}

}
