package org.unionreports.portal.dashboard;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
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
import org.unionreports.portal.dashboard.Evaluation.Measure;
import org.unionreports.portal.dashboard.Evaluation.Node;
import org.unionreports.portal.dashboard.Evaluation.Stored;
import org.unionreports.portal.identity.Access;
import org.unionreports.portal.metric.Metric;
import org.unionreports.portal.metric.MetricCatalogue;
import org.unionreports.portal.metric.MetricKind;
import org.unionreports.portal.metric.Rollup;
import org.unionreports.portal.region.Region;
import org.unionreports.portal.shared.Period;
import org.unionreports.portal.shared.Qualifier;
import org.unionreports.portal.cache.DataCache;
import org.unionreports.portal.cache.DataCaches;

/**
 * A region's catalogue figures for one or more periods, rolled up live from the figures stored, by the
 * rules of docs/rollups.md (applied by {@link Evaluation}): a figure counts for its own period, whatever the
 * report holding it; a region's own figure for the period wins; over a span a flow adds up every year and a
 * stock or a rate is the level at the span's last year; else the sub-regions' values combine by the
 * metric's rule, every sub-region with a value counting. Each value keeps its workings: the rule, each
 * contributor used or left out and why, and the regions it rests on, so that ratios divide like by like and
 * a change is computed over what both periods share.
 * <p>
 * A region's own total is never added to its sub-regions', nor a span to the years inside it; where both
 * a region's own figure and its sub-regions' exist they are shown side by side (reconciliation).
 * <p>
 * The tree is read level by level and only as deep as it must be: the region and its sub-regions first,
 * then the sub-regions of those that lack a metric of their own, and so on. Where every region reports
 * (the national data set) the country's dashboard reads two levels, not three thousand regions.
 * <p>
 * Published figures, and the drafts of the regions the reader's own regions cover, marked as drafts. Of
 * another draft the workings say only that a sub-region's figure is not published, never its value.
 */
@Service
@Transactional(readOnly = true)
public class RegionFigures {

	private final JdbcClient jdbc;

	private final MetricCatalogue catalogue;

	private final Access access;

	private final DataCache<PeriodsKey, List<Period>> periodsCache;

	private final DataCache<FiguresKey, Map<Period, List<Line>>> figuresCache;

	RegionFigures(JdbcClient jdbc, MetricCatalogue catalogue, Access access, DataCaches caches) {
		this.jdbc = jdbc;
		this.catalogue = catalogue;
		this.access = access;
		this.periodsCache = caches.create("rollup.periods", 5_000);
		this.figuresCache = caches.create("rollup.figures", 2_000);
	}

	private record PeriodsKey(long regionId, List<String> drafts) {
	}

	private record FiguresKey(long regionId, Set<Period> periods, List<Long> metricIds, List<String> drafts,
			boolean full) {
	}

	/** Where a value came from. */
	public enum Source {

		/** The region's own figure for the period. */
		OWN,
		/** A flow: the region's own figures for every year of the span, added up. */
		YEARS,
		/** A stock or a rate: the region's own level at the span's last year. */
		YEAR_END,
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

	/**
	 * A sub-region's value of a metric: null where it gave none; {@code complete} is false where the value
	 * rests on only part of the sub-region (a city's figure from some of its districts).
	 */
	public record SubRegionValue(Place region, Combined value, boolean draft, boolean complete) {
	}

	/**
	 * One metric's figure for the region and period, and what it was made of: the value and where it came
	 * from, how many of how many sub-regions gave one, the region's own total beside its sub-regions' (a
	 * mismatch when they differ), whether a draft went into it, and each sub-region's value; its workings
	 * (the rule, the period the value describes, each contributor); the members of exactly the regions it
	 * rests on, where known; and its change from the previous period, where asked for.
	 */
	public record Line(Metric metric, Period period, Combined value, Source source, int reporting, int subRegions,
			int incomplete, Combined own, Combined fromSubRegions, boolean mismatch, boolean draft,
			List<SubRegionValue> bySubRegion, RollupRule rule, Period valuePeriod, List<Contributor> contributors,
			Combined sameRegionsMembers, Change change) {

		/** What the value rests on, as the page says it: own report, or 4 of 13 sub-regions. */
		public Coverage coverage() {
			return new Coverage(this.source, this.reporting, this.subRegions, this.incomplete);
		}

		Line withChange(Change change) {
			return new Line(this.metric, this.period, this.value, this.source, this.reporting, this.subRegions,
					this.incomplete, this.own, this.fromSubRegions, this.mismatch, this.draft, this.bySubRegion, this.rule,
					this.valuePeriod, this.contributors, this.sameRegionsMembers, change);
		}

		/** The contributors left out, and why. */
		public List<Contributor> leftOut() {
			return this.contributors.stream().filter(c -> !c.used()).toList();
		}

		/** The value per 10,000 members of exactly the regions it rests on; null where that is not known. */
		public Combined perTenThousandMembers() {
			return Aggregation.perTenThousand(this.value, this.sameRegionsMembers);
		}

	}

	/** The period to show when none is asked for: that of the latest report of the region or below it. */
	public Optional<Period> latestPeriod(Region region) {
		return periods(region).stream().findFirst();
	}

	/** The period of the same length just before (2021 for 2022, 2013–2017 for 2018–2022); none before 1949. */
	public static Period previous(Period period) {
		int first = period.firstYear() - period.years();
		return first < Period.EARLIEST_YEAR ? null : new Period(first, period.firstYear() - 1);
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

	/**
	 * The region's figures for one period in catalogue order, each with its sub-regions' values, its
	 * workings and its change from the previous period of the same length.
	 */
	public List<Line> of(Region region, Period period) {
		return of(region, period, this.catalogue.all());
	}

	/** The same for these metrics only (and what they need: their bases, members). */
	public List<Line> of(Region region, Period period, List<Metric> metrics) {
		Period previous = previous(period);
		Set<Period> periods = previous == null ? Set.of(period) : Set.of(period, previous);
		return cached(region, periods, metrics, true).get(period);
	}

	/**
	 * The region's values only (no sub-region breakdown, reconciliation or change), for a trend or a
	 * comparison: the sub-regions are read only where the region lacks a figure of its own.
	 */
	public Map<Period, List<Line>> valuesOf(Region region, Collection<Period> periods, List<Metric> metrics) {
		return cached(region, Set.copyOf(periods), metrics, false);
	}

	private Map<Period, List<Line>> cached(Region region, Set<Period> periods, List<Metric> metrics, boolean full) {
		String[] drafts = this.access.readablePathPatterns();
		FiguresKey key = new FiguresKey(region.getId(), periods, metrics.stream().map(Metric::getId).toList(),
				List.of(drafts), full);
		return this.figuresCache.get(key, () -> walk(region, periods, metrics, drafts, full));
	}

	private Map<Period, List<Line>> walk(Region region, Set<Period> periods, List<Metric> metrics, String[] drafts,
			boolean full) {
		List<Metric> wanted = new ArrayList<>(metrics);
		Set<Long> ids = new HashSet<>();
		metrics.forEach(metric -> ids.add(metric.getId()));
		for (Metric metric : metrics) {
			Metric base = metric.getBaseMetric();
			if (base != null && ids.add(base.getId())) {
				wanted.add(base);
			}
		}
		Metric members = this.catalogue.all().stream().filter(m -> MEMBERS.equals(m.getKey())).findFirst().orElse(null);
		if (members != null && metrics.stream().anyMatch(RegionFigures::perMembers) && ids.add(members.getId())) {
			wanted.add(members);
		}
		// A period no report of the subtree overlaps (and no figure outside its report is of) has nothing to
		// read: the walk would otherwise go down to every grassroots union looking for it.
		TreeSet<Period> possible = new TreeSet<>(periods);
		List<Period> reported = periods(region);
		possible.removeIf(asked -> reported.stream().noneMatch(r -> overlap(r, asked)) && !outside(region, asked));
		Measure membersMeasure = members == null ? null : Measure.of(members);
		Map<Period, List<Line>> result = new LinkedHashMap<>();
		if (!full) {
			Walk walk = new Walk(region, possible, wanted, drafts);
			walk.read(false);
			for (Period period : new TreeSet<>(periods)) {
				List<Line> lines = new ArrayList<>();
				for (Metric metric : metrics) {
					Line line = valueLine(walk.evaluation(), region, metric, period, membersMeasure);
					if (line != null) {
						lines.add(line);
					}
				}
				result.put(period, List.copyOf(lines));
			}
			return Collections.unmodifiableMap(result);
		}
		// The period with its sub-regions; the previous one first as values only, from the region down where
		// it lacks its own: where both rest on the same regions that is all a change needs. Only where they
		// do not are the sub-regions read for both periods, to compare like with like.
		Period period = Collections.max(periods);
		Period previous = previous(period);
		Walk current = new Walk(region, filter(possible, period), wanted, drafts);
		current.read(true);
		Walk before = null;
		if (previous != null && possible.contains(previous)) {
			before = new Walk(region, filter(possible, previous), wanted, drafts);
			before.read(false);
		}
		Walk[] both = new Walk[1];
		List<Line> lines = new ArrayList<>();
		for (Metric metric : metrics) {
			Line line = top(current.evaluation(), region, metric, period, membersMeasure);
			if (line == null) {
				continue;
			}
			if (before != null) {
				Measure measure = Measure.of(metric);
				Change change = sameCoverageChange(current.evaluation(), before.evaluation(), region, measure, period,
						previous);
				if (change == null && before.evaluation().value(region.getId(), measure, previous).isPresent()) {
					if (both[0] == null) {
						both[0] = new Walk(region, filter(possible, period, previous), wanted, drafts);
						both[0].read(true);
					}
					Evaluation evaluation = both[0].evaluation();
					change = evaluation.change(region.getId(), measure, period, evaluation.value(region.getId(), measure, period),
							previous);
				}
				line = line.withChange(change);
			}
			lines.add(line);
		}
		result.put(period, List.copyOf(lines));
		return Collections.unmodifiableMap(result);
	}

	private static TreeSet<Period> filter(Set<Period> possible, Period... wanted) {
		TreeSet<Period> kept = new TreeSet<>(List.of(wanted));
		kept.retainAll(possible);
		return kept;
	}

	/**
	 * The change where the region's value rests on the same regions in both periods, from the two walks as
	 * they are; null where it does not (or either value is missing).
	 */
	private static Change sameCoverageChange(Evaluation current, Evaluation before, Region region, Measure measure,
			Period period, Period previous) {
		long id = region.getId();
		Node now = current.value(id, measure, period);
		Node then = before.value(id, measure, previous);
		if (!now.isPresent() || !then.isPresent() || !now.coverage().equals(then.coverage())) {
			return null;
		}
		Coverage thenCoverage = then.source() == Source.SUB_REGIONS ? then.shownCoverage()
				// An own value's sub-regions were not read for the previous period: how many reported is not known.
				: new Coverage(then.source(), null, current.below(id, measure, period).of(), 0);
		return new Change(previous, Change.Basis.SAME_COVERAGE, now.value(), current.shownCoverage(id, measure, period, now),
				then.value(), thenCoverage, now.value(), then.value(), 0, List.of(), measure.kind() == MetricKind.RATE);
	}

	private static boolean overlap(Period a, Period b) {
		return a.firstYear() <= b.lastYear() && b.firstYear() <= a.lastYear();
	}

	/** Whether a report of the subtree holds a figure outside its own period that falls in the period asked. */
	private boolean outside(Region region, Period asked) {
		return this.jdbc.sql("""
				select exists (select 1 from figure_outside_report o join report r on r.id = o.report_id
				    join region g on g.id = r.region_id
				    where o.period_start <= :last and o.period_end >= :first and g.path like :path || '%')""")
			.param("first", asked.firstYear())
			.param("last", asked.lastYear())
			.param("path", region.getPath())
			.query(Boolean.class)
			.single();
	}

	/** The metrics a figure per 10,000 members means something for: counts and amounts, not rates or per-head figures. */
	static boolean perMembers(Metric metric) {
		return (metric.getKind() == MetricKind.FLOW || metric.getKind() == MetricKind.STOCK)
				&& !MEMBERS.equals(metric.getKey());
	}

	static final String MEMBERS = "members";

	/** The region's line: its value, and always its sub-regions' values and its change beside it. */
	private static Line top(Evaluation evaluation, Region region, Metric metric, Period period, Measure members) {
		long id = region.getId();
		Measure measure = Measure.of(metric);
		Node own = evaluation.own(id, measure, period);
		Node below = evaluation.below(id, measure, period);
		if (own == null && !below.isPresent()) {
			return null;
		}
		List<SubRegionValue> bySubRegion = new ArrayList<>();
		for (Contributor contributor : below.contributors()) {
			boolean used = contributor.used();
			bySubRegion.add(new SubRegionValue(contributor.region(), used ? contributor.value() : null,
					used && contributor.draft(),
					!used || evaluation.value(contributor.region().id(), measure, period).isComplete(contributor.region().id())));
		}
		Node used = own != null ? own : below;
		List<Contributor> contributors = new ArrayList<>(used.contributors());
		if (own != null) {
			below.contributors()
				.forEach(c -> contributors.add(c.used() ? c.leftOut(Contributor.Reason.OWN_TOTAL) : c));
		}
		Combined fromBelow = below.isPresent() ? below.value() : null;
		return new Line(metric, period, used.value(), used.source(), below.reporting(), below.of(), below.incomplete(),
				own == null ? null : own.value(), fromBelow, mismatch(id, measure, own, below), used.draft(),
				List.copyOf(bySubRegion), used.rule(), used.period(), List.copyOf(contributors),
				membersOf(evaluation, metric, used, period, members), null);
	}

	/**
	 * Whether the region's own total and its sub-regions' disagree: when the sub-regions' value rests on the
	 * whole region (every sub-region, and every one of theirs, gave a value) and the two cannot both be
	 * true, or when those that did report already add up to more than the whole. A sum of some sub-regions
	 * below the own total is what an incomplete sum is, not a discrepancy; a range of rates never disagrees.
	 */
	static boolean mismatch(long regionId, Measure metric, Node own, Node below) {
		if (own == null || !below.isPresent() || below.value().value() == null || metric.rollup() == Rollup.RANGE) {
			return false;
		}
		if (below.isComplete(regionId)) {
			return !Agreement.agree(own.value(), below.value());
		}
		boolean sum = metric.rollup() == Rollup.SUM || metric.rollup() == Rollup.SUM_LATEST;
		return sum && Agreement.exceeds(below.value(), own.value());
	}

	/** The region's value alone, as a line without its sub-regions. */
	private static Line valueLine(Evaluation evaluation, Region region, Metric metric, Period period, Measure members) {
		Node node = evaluation.value(region.getId(), Measure.of(metric), period);
		if (!node.isPresent()) {
			return null;
		}
		return new Line(metric, period, node.value(), node.source(), node.reporting(), node.of(), node.incomplete(),
				node.source() == Source.SUB_REGIONS ? null : node.value(), null, false, node.draft(), List.of(), node.rule(),
				node.period(), node.contributors(), membersOf(evaluation, metric, node, period, members), null);
	}

	/** The members of exactly the regions the value rests on, where every one of them gave its members. */
	private static Combined membersOf(Evaluation evaluation, Metric metric, Node node, Period period, Measure members) {
		if (members == null || !perMembers(metric)) {
			return null;
		}
		return evaluation.sumOver(node.coverage(), members, period);
	}

	/** One evaluation: the part of the tree it needs, read level by level, then valued. */
	private final class Walk {

		private final Region region;

		private final TreeSet<Period> periods;

		private final List<Metric> metrics;

		private final List<Measure> measures;

		/** The members metric's id where it is read: a figure per 10,000 members needs it below. */
		private final Long members;

		private final String[] drafts;

		private final Map<Long, Place> places = new HashMap<>();

		private final Map<Long, List<Place>> children = new HashMap<>();

		private final Evaluation evaluation;

		Walk(Region region, TreeSet<Period> periods, List<Metric> metrics, String[] drafts) {
			this.region = region;
			this.periods = periods;
			this.metrics = metrics;
			this.measures = metrics.stream().map(Measure::of).toList();
			this.members = this.measures.stream()
				.filter(m -> MEMBERS.equals(m.key()))
				.map(Measure::id)
				.findFirst()
				.orElse(null);
			this.drafts = drafts;
			this.places.put(region.getId(),
					new Place(region.getId(), region.getCode(), region.getNameZh(), region.getNameEn()));
			this.evaluation = new Evaluation(this.places, this.children, List.of());
		}

		Evaluation evaluation() {
			return this.evaluation;
		}

		/** Reads the region and its sub-regions, then below each region that lacks a metric, for that metric. */
		void read(boolean full) {
			if (this.periods.isEmpty()) {
				return;
			}
			Set<Long> all = new HashSet<>();
			this.metrics.forEach(metric -> all.add(metric.getId()));
			Map<Long, Set<Long>> level = new HashMap<>();
			level.put(this.region.getId(), all);
			if (full) {
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

		/**
		 * The metrics a region has no value of its own for, with what their roll-up needs from below: the
		 * base of a rate, and the members that make a figure per 10,000 members of the same regions.
		 */
		private Set<Long> lacking(long regionId, Set<Long> metricIds) {
			Set<Long> lacking = new HashSet<>();
			for (int i = 0; i < this.metrics.size(); i++) {
				Metric metric = this.metrics.get(i);
				Measure measure = this.measures.get(i);
				if (!metricIds.contains(metric.getId()) || metric.getRollup() == Rollup.NONE) {
					continue;
				}
				for (Period period : this.periods) {
					if (this.evaluation.own(regionId, measure, period) == null) {
						lacking.add(metric.getId());
						if (metric.getBaseMetric() != null) {
							lacking.add(metric.getBaseMetric().getId());
						}
						if (this.members != null && perMembers(metric)) {
							lacking.add(this.members);
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
					Place place = new Place(rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5));
					this.children.get(rs.getLong(1)).add(place);
					this.places.put(place.id(), place);
					return null;
				})
				.list();
		}

		/**
		 * The figures of these regions and metrics for exactly the periods asked for; then, for a span that
		 * some of them give no figure of their own for, their yearly figures inside it.
		 */
		private void readFigures(Set<Long> regionIds, Set<Long> metricIds) {
			readFigures(regionIds, metricIds, this.periods);
			List<Period> spans = this.periods.stream().filter(period -> !period.isSingleYear()).toList();
			Set<Long> lackingRegions = new HashSet<>();
			Set<Period> years = new TreeSet<>();
			for (Period span : spans) {
				for (long regionId : regionIds) {
					boolean lacking = this.measures.stream()
						.anyMatch(measure -> metricIds.contains(measure.id())
								&& !this.evaluation.hasExact(regionId, measure, span));
					if (lacking) {
						lackingRegions.add(regionId);
						for (int year = span.firstYear(); year <= span.lastYear(); year++) {
							years.add(Period.year(year));
						}
					}
				}
			}
			years.removeAll(this.periods);
			if (!years.isEmpty()) {
				readFigures(lackingRegions, metricIds, years);
			}
		}

		/**
		 * Figures count for their own period, whatever the period of the report that holds them; of two for
		 * the same period the one in the report of that very period is preferred. Figures the reader may not
		 * see are read too, marked, so that the workings can say a figure is not published; their values are
		 * never shown.
		 */
		private void readFigures(Set<Long> regionIds, Set<Long> metricIds, Set<Period> periods) {
			// Only the reports that may hold a figure of a period asked for are read: those whose period
			// contains it, and those listed in figure_outside_report (migration V11) as holding one of it.
			this.evaluation.addAll(RegionFigures.this.jdbc.sql("""
					with asked (first_year, last_year) as (
					    select * from unnest(cast(:starts as int[]), cast(:ends as int[]))),
					reports as materialized (
					    select r.id, r.region_id, r.period_start, r.period_end, r.status <> 'PUBLISHED' as draft,
					           (r.status = 'PUBLISHED' or g.path like any(:drafts)) as visible
					    from report r join region g on g.id = r.region_id
					    where r.region_id = any(:regions)
					      and (exists (select 1 from asked a where r.period_start <= a.first_year and r.period_end >= a.last_year)
					           or exists (select 1 from figure_outside_report o join asked a
					                      on o.period_start = a.first_year and o.period_end = a.last_year where o.report_id = r.id)))
					select r.region_id, f.metric_id, f.value, f.qualifier, f.period_start, f.period_end, r.draft, r.visible,
					       case when f.period_start = r.period_start and f.period_end = r.period_end then 0
					            else 1 + r.period_end - r.period_start end as preference
					from reports r join figure f on f.report_id = r.id
					where f.metric_id = any(:metrics) and not f.target and not f.missing
					  and (f.period_start, f.period_end) in (select * from asked)
					order by r.id""")
				.param("regions", regionIds.toArray(Long[]::new))
				.param("metrics", metricIds.toArray(Long[]::new))
				.param("drafts", this.drafts)
				.param("starts", periods.stream().map(Period::firstYear).toArray(Integer[]::new))
				.param("ends", periods.stream().map(Period::lastYear).toArray(Integer[]::new))
				.query((rs, row) -> new Stored(rs.getLong(1), rs.getLong(2), rs.getBigDecimal(3),
						Qualifier.fromCode(rs.getString(4)).orElseThrow(), new Period(rs.getInt(5), rs.getInt(6)),
						rs.getBoolean(7), rs.getBoolean(8), rs.getInt(9)))
				.list());
		}

	}

}
