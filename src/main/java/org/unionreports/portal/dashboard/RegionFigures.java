package org.unionreports.portal.dashboard;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

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
import org.unionreports.portal.system.DataCache;
import org.unionreports.portal.system.DataChanges;

/**
 * A region's catalogue figures for one or more periods, rolled up live from the figures stored. Each
 * metric's value for a region is
 * <ol>
 * <li>the region's own figure for exactly that period, if its report gives one;</li>
 * <li>else, for a span of years, its yearly figures inside the span: a flow summed when every year is
 * there, a stock or a rate taken from the latest year;</li>
 * <li>else its sub-regions' values combined by the metric's rule (see {@link Aggregation}).</li>
 * </ol>
 * A region's own total is never added to its sub-regions', nor a span to the years inside it; where both
 * a region's own figure and its sub-regions' exist they are shown side by side (reconciliation).
 * <p>
 * The tree is read level by level and only as deep as it must be: the region and its sub-regions first,
 * then the sub-regions of those that lack a metric of their own, and so on. Where every region reports
 * (the national data set) the country's dashboard reads two levels, not three thousand regions.
 * <p>
 * Published figures, and the drafts of the regions the reader's own regions cover, marked as drafts.
 */
@Service
@Transactional(readOnly = true)
public class RegionFigures {

	private final JdbcClient jdbc;

	private final MetricCatalogue catalogue;

	private final Access access;

	private final DataCache<PeriodsKey, List<Period>> periodsCache;

	private final DataCache<FiguresKey, Map<Period, List<Line>>> figuresCache;

	RegionFigures(JdbcClient jdbc, MetricCatalogue catalogue, Access access, DataChanges changes) {
		this.jdbc = jdbc;
		this.catalogue = catalogue;
		this.access = access;
		this.periodsCache = new DataCache<>(changes, 5_000);
		this.figuresCache = new DataCache<>(changes, 2_000);
	}

	private record PeriodsKey(long regionId, List<String> drafts) {
	}

	private record FiguresKey(long regionId, Set<Period> periods, List<Long> metricIds, List<String> drafts,
			boolean bySubRegion) {
	}

	/** Where a value came from. */
	public enum Source {

		/** The region's own report for the period. */
		OWN,
		/** The region's yearly reports inside the period. */
		YEARS,
		/** Its sub-regions, rolled up. */
		SUB_REGIONS;

		public String messageKey() {
			return "figures.source." + name().toLowerCase(Locale.ROOT);
		}

	}

	/** A sub-region, as much of it as a dashboard shows. */
	public record Place(long id, String code, String nameZh, String nameEn) {

		public String name(Locale locale) {
			return "en".equals(locale.getLanguage()) && this.nameEn != null ? this.nameEn : this.nameZh;
		}

	}

	/** A sub-region's value of a metric: null where it gave none. */
	public record SubRegionValue(Place region, Combined value, boolean draft) {
	}

	/**
	 * One metric's figure for the region and period, and what it was made of: the value and where it came
	 * from, how many of how many sub-regions gave one, the region's own total beside its sub-regions' (a
	 * mismatch when they differ), whether a draft went into it, and each sub-region's value.
	 */
	public record Line(Metric metric, Period period, Combined value, Source source, int reporting, int subRegions,
			Combined own, Combined fromSubRegions, boolean mismatch, boolean draft, List<SubRegionValue> bySubRegion) {
	}

	/** The period to show when none is asked for: that of the latest report of the region or below it. */
	public Optional<Period> latestPeriod(Region region) {
		return periods(region).stream().findFirst();
	}

	/** The periods of the reports of the region and below it that the reader may see, latest first. */
	public List<Period> periods(Region region) {
		String[] drafts = this.access.readablePathPatterns();
		// The few distinct periods of all reports, found by skipping through report_period_ix, each then
		// checked for one report in the subtree: under a millisecond, where a DISTINCT over the subtree's
		// reports reads all of them (tens of milliseconds for the country).
		return this.periodsCache.get(new PeriodsKey(region.getId(), List.of(drafts)), () -> this.jdbc.sql("""
				with recursive p (first, last) as (
				    (select period_start, period_end from report order by period_end, period_start limit 1)
				    union all
				    select n.period_start, n.period_end from p, lateral (
				        select period_start, period_end from report r where (r.period_end, r.period_start) > (p.last, p.first)
				        order by period_end, period_start limit 1) n
				)
				select first, last from p cross join lateral (
				    select 1 from report r join region g on g.id = r.region_id
				    where r.period_start = p.first and r.period_end = p.last and g.path like :path || '%'
				      and (r.status = 'PUBLISHED' or g.path like any(:drafts))
				    limit 1) reported""")
			.param("path", region.getPath())
			.param("drafts", drafts)
			.query((rs, row) -> new Period(rs.getInt(1), rs.getInt(2)))
			.list()
			.stream()
			.sorted(Comparator.reverseOrder())
			.toList());
	}

	/** The region's figures for one period, in catalogue order. */
	public List<Line> of(Region region, Period period) {
		return of(region, List.of(period)).get(period);
	}

	/** The region's figures for each of the periods, in catalogue order, read in one walk of the tree. */
	public Map<Period, List<Line>> of(Region region, Collection<Period> periods) {
		return of(region, periods, this.catalogue.all());
	}

	/** The region's figures of these metrics (and their bases) for each of the periods. */
	public Map<Period, List<Line>> of(Region region, Collection<Period> periods, List<Metric> metrics) {
		return of(region, periods, metrics, true);
	}

	/**
	 * The region's values only (no sub-region breakdown, coverage or reconciliation), for a trend or a
	 * comparison: the sub-regions are read only where the region lacks a figure of its own.
	 */
	public Map<Period, List<Line>> valuesOf(Region region, Collection<Period> periods, List<Metric> metrics) {
		return of(region, periods, metrics, false);
	}

	private Map<Period, List<Line>> of(Region region, Collection<Period> periods, List<Metric> metrics,
			boolean bySubRegion) {
		String[] drafts = this.access.readablePathPatterns();
		FiguresKey key = new FiguresKey(region.getId(), Set.copyOf(periods), metrics.stream().map(Metric::getId).toList(),
				List.of(drafts), bySubRegion);
		return this.figuresCache.get(key, () -> walk(region, periods, metrics, drafts, bySubRegion));
	}

	private Map<Period, List<Line>> walk(Region region, Collection<Period> periods, List<Metric> metrics,
			String[] drafts, boolean bySubRegion) {
		List<Metric> wanted = new ArrayList<>(metrics);
		metrics.stream()
			.map(Metric::getBaseMetric)
			.filter(base -> base != null && wanted.stream().noneMatch(m -> m.getId().equals(base.getId())))
			.forEach(wanted::add);
		Walk walk = new Walk(region, new TreeSet<>(periods), wanted, drafts);
		walk.read(bySubRegion);
		Map<Period, List<Line>> result = new LinkedHashMap<>();
		for (Period period : walk.periods) {
			List<Line> lines = new ArrayList<>();
			for (Metric metric : metrics) {
				Line line = bySubRegion ? walk.top(metric, period) : walk.valueLine(metric, period);
				if (line != null) {
					lines.add(line);
				}
			}
			result.put(period, List.copyOf(lines));
		}
		return java.util.Collections.unmodifiableMap(result);
	}

	private record Stored(long regionId, long metricId, BigDecimal value, Qualifier qualifier, Period period,
			boolean draft) {
	}

	/** A region's value for a metric and period; its draft flag says whether a draft went into it. */
	private record Node(Combined value, Source source, boolean draft) {

		static final Node NONE = new Node(null, null, false);

	}

	private record Key(long regionId, long metricId, Period period) {
	}

	/** One evaluation: the part of the tree it needs, read level by level, then valued with a memo. */
	private final class Walk {

		private final Region region;

		private final Set<Period> periods;

		private final List<Metric> metrics;

		private final String[] drafts;

		private final Map<Long, List<Place>> children = new HashMap<>();

		private final Map<Long, Map<Long, List<Stored>>> figures = new HashMap<>();

		private final Map<Key, Node> memo = new HashMap<>();

		Walk(Region region, Set<Period> periods, List<Metric> metrics, String[] drafts) {
			this.region = region;
			this.periods = periods;
			this.metrics = metrics;
			this.drafts = drafts;
		}

		/** Reads the region and its sub-regions, then below each region that lacks a metric, for that metric. */
		void read(boolean bySubRegion) {
			if (this.periods.isEmpty()) {
				return;
			}
			Set<Long> all = new HashSet<>();
			this.metrics.forEach(metric -> all.add(metric.getId()));
			Map<Long, Set<Long>> level = new HashMap<>();
			level.put(this.region.getId(), all);
			if (bySubRegion) {
				// The region and its sub-regions always, in one read: the dashboard shows both.
				readChildren(Set.of(this.region.getId()));
				this.children.get(this.region.getId()).forEach(child -> level.put(child.id(), all));
				readFigures(level.keySet(), all);
				level.remove(this.region.getId());
			}
			else {
				readFigures(level.keySet(), all);
			}
			while (!level.isEmpty()) {
				Map<Long, Set<Long>> deeper = new HashMap<>();
				level.forEach((regionId, metricIds) -> {
					Set<Long> lacking = lacking(regionId, metricIds);
					if (!lacking.isEmpty()) {
						deeper.put(regionId, lacking);
					}
				});
				level.clear();
				if (!deeper.isEmpty()) {
					readChildren(deeper.keySet());
					deeper.forEach((regionId, lacking) -> this.children.get(regionId)
						.forEach(child -> level.merge(child.id(), lacking, Walk::union)));
					Set<Long> wanted = new HashSet<>();
					level.values().forEach(wanted::addAll);
					if (!level.isEmpty()) {
						readFigures(level.keySet(), wanted);
					}
				}
			}
		}

		private static Set<Long> union(Set<Long> a, Set<Long> b) {
			Set<Long> both = new HashSet<>(a);
			both.addAll(b);
			return both;
		}

		/** The metrics (and the bases of those that are rates) a region has no value of its own for. */
		private Set<Long> lacking(long regionId, Set<Long> metricIds) {
			Set<Long> lacking = new HashSet<>();
			for (Metric metric : this.metrics) {
				if (!metricIds.contains(metric.getId()) || metric.getRollup() == Rollup.NONE) {
					continue;
				}
				for (Period period : this.periods) {
					if (own(regionId, metric, period) == null) {
						lacking.add(metric.getId());
						if (metric.getBaseMetric() != null) {
							lacking.add(metric.getBaseMetric().getId());
						}
						break;
					}
				}
			}
			return lacking;
		}

		private void readChildren(Set<Long> parents) {
			parents.forEach(parent -> this.children.put(parent, new ArrayList<>()));
			RegionFigures.this.jdbc
				.sql("select parent_id, id, code, name_zh, name_en from region where parent_id = any(:parents) order by code")
				.param("parents", parents.toArray(Long[]::new))
				.query((rs, row) -> {
					this.children.get(rs.getLong(1))
						.add(new Place(rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5)));
					return null;
				})
				.list();
		}

		/**
		 * The figures of these regions and metrics for exactly the periods asked for; then, for a span that
		 * some of them give no figure of their own for, their yearly figures inside it.
		 */
		private void readFigures(Set<Long> regionIds, Set<Long> metricIds) {
			readFigures(regionIds, metricIds, """
					(f.period_start, f.period_end) in (select * from unnest(cast(:starts as int[]), cast(:ends as int[])))""",
					Map.of("starts", this.periods.stream().map(Period::firstYear).toArray(Integer[]::new), "ends",
							this.periods.stream().map(Period::lastYear).toArray(Integer[]::new)));
			List<Period> spans = this.periods.stream().filter(period -> !period.isSingleYear()).toList();
			Set<Long> lackingRegions = new HashSet<>();
			Set<Integer> years = new TreeSet<>();
			for (Period span : spans) {
				for (long regionId : regionIds) {
					boolean lacking = this.metrics.stream()
						.anyMatch(metric -> metricIds.contains(metric.getId()) && exact(regionId, metric, span) == null);
					if (lacking) {
						lackingRegions.add(regionId);
						for (int year = span.firstYear(); year <= span.lastYear(); year++) {
							years.add(year);
						}
					}
				}
			}
			this.periods.stream().filter(Period::isSingleYear).forEach(asked -> years.remove(asked.firstYear()));
			if (!years.isEmpty()) {
				readFigures(lackingRegions, metricIds, "f.period_start = f.period_end and f.period_start = any(:years)",
						Map.of("years", years.toArray(Integer[]::new)));
			}
		}

		private void readFigures(Set<Long> regionIds, Set<Long> metricIds, String periodCondition,
				Map<String, Object> periodParams) {
			RegionFigures.this.jdbc.sql("""
					select r.region_id, f.metric_id, f.value, f.qualifier, f.period_start, f.period_end,
					       r.status <> 'PUBLISHED' as draft
					from report r join region g on g.id = r.region_id join figure f on f.report_id = r.id
					where r.region_id = any(:regions) and f.metric_id = any(:metrics)
					  and f.period_start = r.period_start and f.period_end = r.period_end
					  and not f.target and not f.missing
					  and (r.status = 'PUBLISHED' or g.path like any(:drafts))
					  and (""" + periodCondition + ")")
				.param("regions", regionIds.toArray(Long[]::new))
				.param("metrics", metricIds.toArray(Long[]::new))
				.param("drafts", this.drafts)
				.params(periodParams)
				.query((rs, row) -> new Stored(rs.getLong(1), rs.getLong(2), rs.getBigDecimal(3),
						Qualifier.fromCode(rs.getString(4)).orElseThrow(), new Period(rs.getInt(5), rs.getInt(6)),
						rs.getBoolean(7)))
				.list()
				.forEach(f -> this.figures.computeIfAbsent(f.regionId(), k -> new HashMap<>())
					.computeIfAbsent(f.metricId(), k -> new ArrayList<>())
					.add(f));
		}

		/** The region's line: its value, and always its sub-regions' values beside it. */
		Line top(Metric metric, Period period) {
			long id = this.region.getId();
			Node own = own(id, metric, period);
			List<Place> below = this.children.getOrDefault(id, List.of());
			List<SubRegionValue> bySubRegion = new ArrayList<>();
			List<Part> parts = new ArrayList<>();
			boolean partsDraft = false;
			for (Place child : below) {
				Node node = value(child.id(), metric, period);
				bySubRegion.add(new SubRegionValue(child, node.value(), node.draft()));
				if (node.value() != null && node.value().value() != null) {
					parts.add(part(child.id(), metric, period, node));
					partsDraft |= node.draft();
				}
			}
			Combined fromBelow = combine(metric, parts);
			if (own == null && fromBelow == null) {
				return null;
			}
			boolean mismatch = own != null && fromBelow != null && fromBelow.value() != null
					&& metric.getRollup() != Rollup.RANGE && own.value().value().compareTo(fromBelow.value()) != 0;
			Node used = own != null ? own : new Node(fromBelow, Source.SUB_REGIONS, partsDraft);
			return new Line(metric, period, used.value(), used.source(), parts.size(), below.size(),
					own == null ? null : own.value(), fromBelow, mismatch, used.draft(), bySubRegion);
		}

		/** The region's value alone, as a line without its sub-regions. */
		Line valueLine(Metric metric, Period period) {
			Node node = value(this.region.getId(), metric, period);
			if (node.value() == null) {
				return null;
			}
			return new Line(metric, period, node.value(), node.source(), 0, 0,
					node.source() == Source.SUB_REGIONS ? null : node.value(), null, false, node.draft(), List.of());
		}

		/** A sub-region's value: its own if it has one, else what its own sub-regions add up to. */
		private Node value(long regionId, Metric metric, Period period) {
			Key key = new Key(regionId, metric.getId(), period);
			Node known = this.memo.get(key);
			if (known != null) {
				return known;
			}
			Node node = own(regionId, metric, period);
			if (node == null) {
				List<Part> parts = new ArrayList<>();
				boolean draft = false;
				for (Place child : this.children.getOrDefault(regionId, List.of())) {
					Node below = value(child.id(), metric, period);
					if (below.value() != null && below.value().value() != null) {
						parts.add(part(child.id(), metric, period, below));
						draft |= below.draft();
					}
				}
				Combined combined = combine(metric, parts);
				node = combined == null ? Node.NONE : new Node(combined, Source.SUB_REGIONS, draft);
			}
			this.memo.put(key, node);
			return node;
		}

		private Part part(long regionId, Metric metric, Period period, Node node) {
			BigDecimal base = null;
			if (metric.getBaseMetric() != null) {
				Node baseNode = value(regionId, metric.getBaseMetric(), period);
				base = baseNode.value() == null ? null : baseNode.value().value();
			}
			return new Part(node.value().value(), node.value().qualifier(), base);
		}

		/** The region's own figure for the period, else for a span its yearly figures inside it. */
		private Node own(long regionId, Metric metric, Period period) {
			Node exact = exact(regionId, metric, period);
			if (exact != null) {
				return exact;
			}
			List<Stored> stored = stored(regionId, metric);
			if (period.isSingleYear() || metric.getKind() == MetricKind.PER_UNIT) {
				return null;
			}
			List<Stored> yearly = stored.stream()
				.filter(f -> f.period().isSingleYear() && period.contains(f.period()))
				.sorted(Comparator.comparingInt(f -> f.period().firstYear()))
				.toList();
			if (yearly.isEmpty() || (metric.getKind() == MetricKind.FLOW && yearly.size() != period.years())) {
				return null;
			}
			List<Part> parts = yearly.stream().map(f -> Part.of(f.value(), f.qualifier())).toList();
			Combined combined = metric.getKind() == MetricKind.FLOW ? Aggregation.sum(parts) : Aggregation.latest(parts);
			return new Node(combined, Source.YEARS, yearly.stream().anyMatch(Stored::draft));
		}

		/** The region's own figure for exactly the period. */
		private Node exact(long regionId, Metric metric, Period period) {
			for (Stored figure : stored(regionId, metric)) {
				if (figure.period().equals(period)) {
					return new Node(new Combined(figure.value(), figure.qualifier()), Source.OWN,
							figure.draft());
				}
			}
			return null;
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
