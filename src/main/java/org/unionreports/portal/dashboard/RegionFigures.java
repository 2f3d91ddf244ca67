package org.unionreports.portal.dashboard;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.unionreports.portal.dashboard.Aggregation.Combined;
import org.unionreports.portal.dashboard.Aggregation.Part;
import org.unionreports.portal.identity.Access;
import org.unionreports.portal.metric.Metric;
import org.unionreports.portal.metric.MetricCatalogue;
import org.unionreports.portal.metric.MetricKind;
import org.unionreports.portal.metric.Rollup;
import org.unionreports.portal.region.Region;
import org.unionreports.portal.shared.Period;
import org.unionreports.portal.shared.Qualifier;

/**
 * A region's catalogue figures for a period, rolled up live from the figures stored: one query for the
 * figures of the whole subtree, then, region by region from the leaves up, each metric's value is
 * <ol>
 * <li>the region's own figure for exactly that period, if its report gives one;</li>
 * <li>else, for a span of years, its yearly figures inside the span: a flow summed when every year is
 * there, a stock or a rate taken from the latest year;</li>
 * <li>else its sub-regions' values combined by the metric's rule (see {@link Aggregation}).</li>
 * </ol>
 * A region's own total is never added to its sub-regions', nor a span to the years inside it; where both
 * a region's own figure and its sub-regions' exist they are shown side by side (reconciliation).
 * Published figures only, unless the reader's regions cover the region (then drafts too).
 */
@Service
@Transactional(readOnly = true)
public class RegionFigures {

	private final JdbcClient jdbc;

	private final MetricCatalogue catalogue;

	private final Access access;

	RegionFigures(JdbcClient jdbc, MetricCatalogue catalogue, Access access) {
		this.jdbc = jdbc;
		this.catalogue = catalogue;
		this.access = access;
	}

	/** Where a value came from. */
	public enum Source {

		/** The region's own report for the period. */
		OWN,
		/** The region's yearly reports inside the period. */
		YEARS,
		/** Its sub-regions, rolled up. */
		SUB_REGIONS

	}

	/** One metric's rolled-up figure for the region and what it was made of. */
	public record Line(Metric metric, Combined value, Source source, int reporting, int subRegions, Combined own,
			Combined fromSubRegions, boolean mismatch) {
	}

	/** The period to show when none is asked for: that of the latest report of the region or below it. */
	public Optional<Period> latestPeriod(Region region) {
		return this.jdbc.sql("""
				select r.period_start, r.period_end from report r join region g on g.id = r.region_id
				where g.path like :path || '%' and (r.status = 'PUBLISHED' or :drafts)
				order by r.period_end desc, r.period_end - r.period_start desc limit 1""")
			.param("path", region.getPath())
			.param("drafts", this.access.canRead(region))
			.query((rs, row) -> new Period(rs.getInt(1), rs.getInt(2)))
			.optional();
	}

	public List<Line> of(Region region, Period period) {
		boolean drafts = this.access.canRead(region);
		Map<Long, List<Long>> children = new HashMap<>();
		this.jdbc.sql("select id, parent_id from region where path like :path || '%' and id <> :id")
			.param("path", region.getPath())
			.param("id", region.getId())
			.query((rs, row) -> Map.entry(rs.getLong(2), rs.getLong(1)))
			.list()
			.forEach(link -> children.computeIfAbsent(link.getKey(), k -> new ArrayList<>()).add(link.getValue()));
		Map<Long, Map<Long, List<Stored>>> figures = new HashMap<>();
		this.jdbc.sql("""
				select r.region_id, f.metric_id, f.value, f.qualifier, f.period_start, f.period_end
				from figure f join report r on r.id = f.report_id join region g on g.id = r.region_id
				where g.path like :path || '%' and f.metric_id is not null and not f.target and not f.missing
				  and f.period_start = r.period_start and f.period_end = r.period_end
				  and f.period_start >= :first and f.period_end <= :last
				  and (r.status = 'PUBLISHED' or :drafts)""")
			.param("path", region.getPath())
			.param("first", period.firstYear())
			.param("last", period.lastYear())
			.param("drafts", drafts)
			.query((rs, row) -> new Stored(rs.getLong(1), rs.getLong(2), rs.getBigDecimal(3),
					Qualifier.fromCode(rs.getString(4)).orElseThrow(), new Period(rs.getInt(5), rs.getInt(6))))
			.list()
			.forEach(f -> figures.computeIfAbsent(f.regionId(), k -> new HashMap<>())
				.computeIfAbsent(f.metricId(), k -> new ArrayList<>())
				.add(f));
		Tree tree = new Tree(children, figures, period);
		List<Line> lines = new ArrayList<>();
		for (Metric metric : this.catalogue.all()) {
			if (metric.getKind() == MetricKind.PER_UNIT) {
				continue;
			}
			Node node = tree.value(region.getId(), metric);
			if (node.value() != null) {
				lines.add(new Line(metric, node.value(), node.source(), node.reporting(), node.subRegions(), node.own(),
						node.fromSubRegions(), node.mismatch()));
			}
		}
		return lines;
	}

	private record Stored(long regionId, long metricId, BigDecimal value, Qualifier qualifier, Period period) {
	}

	/** A region's value for a metric, with what it is made of. */
	private record Node(Combined value, Source source, int reporting, int subRegions, Combined own,
			Combined fromSubRegions, boolean mismatch) {

		static final Node NONE = new Node(null, null, 0, 0, null, null, false);

	}

	/** The subtree and its figures, evaluated bottom-up with a memo per region and metric. */
	private static final class Tree {

		private final Map<Long, List<Long>> children;

		private final Map<Long, Map<Long, List<Stored>>> figures;

		private final Period period;

		private final Map<String, Node> memo = new HashMap<>();

		Tree(Map<Long, List<Long>> children, Map<Long, Map<Long, List<Stored>>> figures, Period period) {
			this.children = children;
			this.figures = figures;
			this.period = period;
		}

		Node value(long regionId, Metric metric) {
			String key = regionId + ":" + metric.getId();
			Node known = this.memo.get(key);
			if (known != null) {
				return known;
			}
			Combined own = own(regionId, metric);
			Source source = own == null ? null : Source.OWN;
			if (own == null) {
				own = years(regionId, metric);
				source = own == null ? null : Source.YEARS;
			}
			List<Long> below = this.children.getOrDefault(regionId, List.of());
			List<Part> parts = new ArrayList<>();
			for (long child : below) {
				Node node = value(child, metric);
				if (node.value() != null && node.value().value() != null) {
					BigDecimal base = metric.getBaseMetric() == null ? null
							: baseValue(child, metric.getBaseMetric());
					parts.add(new Part(node.value().value(), node.value().qualifier(), base));
				}
			}
			Combined fromBelow = combine(metric, parts);
			Combined value = own != null ? own : fromBelow;
			boolean mismatch = own != null && fromBelow != null && fromBelow.value() != null
					&& metric.getRollup() != Rollup.RANGE && own.value().compareTo(fromBelow.value()) != 0;
			Node node = value == null ? Node.NONE
					: new Node(value, own != null ? source : Source.SUB_REGIONS, parts.size(), below.size(), own, fromBelow,
							mismatch);
			this.memo.put(key, node);
			return node;
		}

		private BigDecimal baseValue(long regionId, Metric base) {
			Node node = value(regionId, base);
			return node.value() == null ? null : node.value().value();
		}

		private Combined own(long regionId, Metric metric) {
			for (Stored figure : stored(regionId, metric)) {
				if (figure.period().equals(this.period)) {
					return new Combined(figure.value(), figure.qualifier(), null, null);
				}
			}
			return null;
		}

		/** The region's yearly figures inside a span: flows summed if every year is there, else the latest. */
		private Combined years(long regionId, Metric metric) {
			if (this.period.isSingleYear()) {
				return null;
			}
			List<Part> yearly = new ArrayList<>();
			int latestYear = -1;
			for (Stored figure : stored(regionId, metric).stream()
				.filter(f -> f.period().isSingleYear())
				.sorted(java.util.Comparator.comparingInt(f -> f.period().firstYear()))
				.toList()) {
				yearly.add(Part.of(figure.value(), figure.qualifier()));
				latestYear = figure.period().firstYear();
			}
			if (yearly.isEmpty()) {
				return null;
			}
			if (metric.getKind() == MetricKind.FLOW) {
				return yearly.size() == this.period.years() ? Aggregation.sum(yearly) : null;
			}
			return latestYear == -1 ? null : Aggregation.latest(yearly);
		}

		private List<Stored> stored(long regionId, Metric metric) {
			return this.figures.getOrDefault(regionId, Map.of()).getOrDefault(metric.getId(), List.of());
		}

		private static Combined combine(Metric metric, List<Part> parts) {
			return switch (metric.getRollup()) {
				case SUM, SUM_LATEST -> Aggregation.sum(parts);
				case WEIGHTED_MEAN, RANGE -> Aggregation.rate(parts);
				case NONE -> null;
			};
		}

	}

}
