package org.unionreports.portal.dashboard;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.unionreports.portal.dashboard.Aggregation.Combined;
import org.unionreports.portal.dashboard.Aggregation.Part;
import org.unionreports.portal.dashboard.Contributor.Reason;
import org.unionreports.portal.dashboard.RegionFigures.Place;
import org.unionreports.portal.dashboard.RegionFigures.Source;
import org.unionreports.portal.metric.Metric;
import org.unionreports.portal.metric.MetricKind;
import org.unionreports.portal.metric.Rollup;
import org.unionreports.portal.shared.Period;
import org.unionreports.portal.shared.Qualifier;

/**
 * The roll-up rules of docs/rollups.md applied to the part of the tree that was read (given as it is read,
 * then valued; no database, no state but a memo), keeping for every value how it was made (its {@link Contributor}s and {@link RollupRule}) and which
 * regions it rests on (its coverage).
 * <p>
 * A region's value of a metric for a period is its own figure for exactly that period (whatever the
 * period of the report holding it); else, over a span, its own figures for every year added up (a flow) or
 * its own level at the span's last year (a stock or a rate); else its sub-regions' values combined by the
 * metric's rule. A level for an earlier year never stands for the span.
 * <p>
 * Coverage is the set of regions whose own figures a value rests on, where a region all of whose
 * sub-regions gave complete values stands for them: a city's own total and the sum of all its districts
 * rest on the same region, 4 of its 13 districts on those four. Two values are like for like only when
 * they rest on the same regions.
 */
final class Evaluation {

	/** What the rules need of a metric. */
	record Measure(long id, String key, MetricKind kind, Rollup rollup, Measure base) {

		static Measure of(Metric metric) {
			return new Measure(metric.getId(), metric.getKey(), metric.getKind(), metric.getRollup(),
					metric.getBaseMetric() == null ? null : of(metric.getBaseMetric()));
		}

		/** A level at a moment: a stock, or a rate. */
		boolean isLevel() {
			return this.kind == MetricKind.STOCK || this.kind == MetricKind.RATE;
		}

	}

	/**
	 * A figure as read: {@code visible} says whether the reader may see it; {@code preference} orders two
	 * figures of one region, metric and period (0 for the one in the report of that very period).
	 */
	record Stored(long regionId, long metricId, BigDecimal value, Qualifier qualifier, Period period, boolean draft,
			boolean visible, int preference) {
	}

	/** A region's value and how it was made; {@link #NONE} where there is none. */
	record Node(Combined value, BigDecimal weight, Qualifier weightQualifier, Source source, RollupRule rule,
			Period period, boolean draft, Set<Long> coverage, int reporting, int of, int incomplete,
			List<Contributor> contributors) {

		static final Node NONE = new Node(null, null, null, null, null, null, false, Set.of(), 0, 0, 0, List.of());

		Part part() {
			return new Part(this.value, this.weight, this.weightQualifier);
		}

		boolean isPresent() {
			return this.value != null;
		}

		/** Whether the value rests on the whole of the region, every sub-region below it included. */
		boolean isComplete(long regionId) {
			return this.coverage.equals(Set.of(regionId));
		}

		Coverage shownCoverage() {
			return new Coverage(this.source, this.reporting, this.of, this.incomplete);
		}

	}

	/** A region, metric and period: the key of every memo, hashed once (it is looked up millions of times). */
	private static final class Key {

		private final long regionId;

		private final long metricId;

		private final Period period;

		private final int hash;

		Key(long regionId, long metricId, Period period) {
			this.regionId = regionId;
			this.metricId = metricId;
			this.period = period;
			this.hash = (Long.hashCode(regionId) * 31 + Long.hashCode(metricId)) * 31 + period.firstYear() * 131
					+ period.lastYear();
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof Key key && key.regionId == this.regionId && key.metricId == this.metricId
					&& key.period.firstYear() == this.period.firstYear() && key.period.lastYear() == this.period.lastYear();
		}

		@Override
		public int hashCode() {
			return this.hash;
		}

	}

	private final Map<Long, Place> places;

	private final Map<Long, List<Place>> children;

	private final Map<Long, Map<Long, List<Stored>>> figures = new HashMap<>();

	private final Set<Key> hidden = new HashSet<>();

	private final Map<Key, Node> memo = new HashMap<>();

	/** A region's own value (or {@link Node#NONE} for none) and its sub-regions', each worked out once. */
	private final Map<Key, Node> ownMemo = new HashMap<>();

	private final Map<Key, Node> belowMemo = new HashMap<>();

	/**
	 * @param places every region read, by id
	 * @param children the sub-regions of each region whose sub-regions were read
	 * @param stored the figures read, visible or not
	 */
	Evaluation(Map<Long, Place> places, Map<Long, List<Place>> children, List<Stored> stored) {
		this.places = places;
		this.children = children;
		addAll(stored);
	}

	/** Figures read, added before the values that depend on them are worked out (again). */
	void addAll(List<Stored> stored) {
		stored.forEach(this::store);
		if (!stored.isEmpty()) {
			this.memo.clear();
			this.ownMemo.clear();
			this.belowMemo.clear();
		}
	}

	private void store(Stored figure) {
		if (figure.visible()) {
			this.figures.computeIfAbsent(figure.regionId(), k -> new HashMap<>())
				.computeIfAbsent(figure.metricId(), k -> new ArrayList<>())
				.add(figure);
		}
		else {
			this.hidden.add(new Key(figure.regionId(), figure.metricId(), figure.period()));
		}
	}

	/** Whether the region has a visible figure of its own for exactly the period. */
	boolean hasExact(long regionId, Measure metric, Period period) {
		return best(regionId, metric, period) != null;
	}

	/** The region's value: its own where it has one, else its sub-regions' combined. */
	Node value(long regionId, Measure metric, Period period) {
		Key key = new Key(regionId, metric.id(), period);
		Node known = this.memo.get(key);
		if (known != null) {
			return known;
		}
		Node own = own(regionId, metric, period);
		Node node = own != null ? own : below(regionId, metric, period);
		this.memo.put(key, node);
		return node;
	}

	/** The region's own value (its own figure, its years, or its level at the span's end), or null. */
	Node own(long regionId, Measure metric, Period period) {
		Key key = new Key(regionId, metric.id(), period);
		Node known = this.ownMemo.get(key);
		if (known == null) {
			known = ownUncached(regionId, metric, period);
			this.ownMemo.put(key, known == null ? Node.NONE : known);
		}
		return known == Node.NONE ? null : known;
	}

	private Node ownUncached(long regionId, Measure metric, Period period) {
		Stored exact = best(regionId, metric, period);
		if (exact != null) {
			return ownNode(regionId, metric, exact, Source.OWN, RollupRule.OWN, Reason.OWN);
		}
		if (period.isSingleYear() || metric.kind() == MetricKind.PER_UNIT) {
			return null;
		}
		if (metric.kind() == MetricKind.FLOW) {
			List<Stored> years = new ArrayList<>();
			for (int year = period.firstYear(); year <= period.lastYear(); year++) {
				Stored figure = best(regionId, metric, Period.year(year));
				if (figure == null) {
					return null;
				}
				years.add(figure);
			}
			List<Part> parts = years.stream().map(f -> Part.of(f.value(), f.qualifier())).toList();
			List<Contributor> contributors = years.stream()
				.map(f -> new Contributor(place(regionId), new Combined(f.value(), f.qualifier()), f.period(), true,
						Reason.YEAR, f.draft(), null))
				.toList();
			return new Node(Aggregation.sum(parts), null, null, Source.YEARS, RollupRule.SUM_OF_YEARS, period,
					years.stream().anyMatch(Stored::draft), Set.of(regionId), 0, 0, 0, contributors);
		}
		Stored end = best(regionId, metric, Period.year(period.lastYear()));
		return end == null ? null : ownNode(regionId, metric, end, Source.YEAR_END, RollupRule.LEVEL_AT_END, Reason.YEAR_END);
	}

	private Node ownNode(long regionId, Measure metric, Stored figure, Source source, RollupRule rule, Reason reason) {
		Combined value = new Combined(figure.value(), figure.qualifier());
		BigDecimal weight = null;
		Qualifier weightQualifier = null;
		if (metric.base() != null) {
			// The weight of a region's own rate is its own base for the same period, nothing rolled up.
			Node base = own(regionId, metric.base(), figure.period());
			if (base != null && !base.value().isRange()) {
				weight = base.value().value();
				weightQualifier = base.value().qualifier();
			}
		}
		Contributor self = new Contributor(place(regionId), value, figure.period(), true, reason, figure.draft(), weight,
				weightQualifier);
		return new Node(value, weight, weightQualifier, source, rule, figure.period(), figure.draft(), Set.of(regionId),
				0, 0, 0, List.of(self));
	}

	/**
	 * What the region's sub-regions combine to, whether or not it has its own value: every sub-region that
	 * has a value counts (a range of rates too), each left out with its reason.
	 */
	Node below(long regionId, Measure metric, Period period) {
		Key key = new Key(regionId, metric.id(), period);
		Node known = this.belowMemo.get(key);
		if (known == null) {
			known = belowUncached(regionId, metric, period);
			this.belowMemo.put(key, known);
		}
		return known;
	}

	private Node belowUncached(long regionId, Measure metric, Period period) {
		List<Place> below = this.children.getOrDefault(regionId, List.of());
		if (metric.rollup() == Rollup.NONE || below.isEmpty()) {
			return Node.NONE;
		}
		List<Contributor> contributors = new ArrayList<>();
		List<Part> parts = new ArrayList<>();
		Set<Long> coverage = new TreeSet<>();
		Set<Period> periods = new HashSet<>();
		boolean complete = true;
		boolean draft = false;
		int incomplete = 0;
		for (Place child : below) {
			Node node = value(child.id(), metric, period);
			if (!node.isPresent()) {
				contributors.add(missing(child, metric, period));
				complete = false;
				continue;
			}
			parts.add(node.part());
			contributors.add(new Contributor(child, node.value(), node.period(), true, reason(node.source()), node.draft(),
					node.weight(), node.weightQualifier()));
			coverage.addAll(node.coverage());
			if (!node.isComplete(child.id())) {
				complete = false;
				incomplete++;
			}
			draft |= node.draft();
			periods.add(node.period());
		}
		if (parts.isEmpty()) {
			return new Node(null, null, null, Source.SUB_REGIONS, null, null, false, Set.of(), 0, below.size(), 0,
					contributors);
		}
		Combined value;
		BigDecimal weight = null;
		Qualifier weightQualifier = null;
		RollupRule rule;
		if (metric.rollup() == Rollup.SUM || metric.rollup() == Rollup.SUM_LATEST) {
			value = Aggregation.sum(parts);
			rule = metric.isLevel() && !period.isSingleYear() ? RollupRule.SUM_AT_END : RollupRule.SUM;
		}
		else {
			Aggregation.Rate rate = Aggregation.rate(parts, metric.rollup() == Rollup.WEIGHTED_MEAN);
			value = rate.value();
			weight = rate.weight();
			weightQualifier = rate.weightQualifier();
			rule = weight != null ? RollupRule.WEIGHTED_MEAN : RollupRule.RANGE;
		}
		Period valuePeriod = periods.size() == 1 ? periods.iterator().next() : period;
		return new Node(value, weight, weightQualifier, Source.SUB_REGIONS, rule, valuePeriod, draft,
				complete ? Set.of(regionId) : Set.copyOf(coverage), parts.size(), below.size(), incomplete,
				List.copyOf(contributors));
	}

	/**
	 * Why a sub-region gave nothing for the period: a figure not published (for the period, or a year of
	 * the span) says so first; else a level for an earlier year of the span, shown as the latest available;
	 * else some years of a flow; else nothing at all.
	 */
	private Contributor missing(Place region, Measure metric, Period period) {
		boolean unpublished = this.hidden.contains(new Key(region.id(), metric.id(), period));
		for (int year = period.firstYear(); !period.isSingleYear() && !unpublished && year <= period.lastYear(); year++) {
			unpublished = this.hidden.contains(new Key(region.id(), metric.id(), Period.year(year)));
		}
		if (unpublished) {
			return new Contributor(region, null, null, false, Reason.NOT_PUBLISHED, false, null);
		}
		List<Stored> years = period.isSingleYear() ? List.of() : yearsInside(region.id(), metric, period);
		if (metric.isLevel() && !years.isEmpty()) {
			Stored latest = years.get(years.size() - 1);
			return new Contributor(region, new Combined(latest.value(), latest.qualifier()), latest.period(), false,
					Reason.EARLIER_YEAR, latest.draft(), null);
		}
		if (metric.kind() == MetricKind.FLOW && !years.isEmpty()) {
			return new Contributor(region, null, null, false, Reason.INCOMPLETE_YEARS, false, null);
		}
		return new Contributor(region, null, null, false, Reason.NO_FIGURE, false, null);
	}

	/** The region's own yearly figures inside the span, oldest first. */
	private List<Stored> yearsInside(long regionId, Measure metric, Period span) {
		List<Stored> years = new ArrayList<>();
		for (int year = span.firstYear(); year <= span.lastYear(); year++) {
			Stored figure = best(regionId, metric, Period.year(year));
			if (figure != null) {
				years.add(figure);
			}
		}
		return years;
	}

	/**
	 * The sum of a metric (members, say) over exactly the regions of a coverage, each with a complete value
	 * of its own; null where any of them lacks one.
	 */
	Combined sumOver(Set<Long> coverage, Measure metric, Period period) {
		if (coverage.isEmpty()) {
			return null;
		}
		List<Part> parts = new ArrayList<>();
		for (long regionId : coverage) {
			Node node = value(regionId, metric, period);
			if (!node.isPresent() || node.value().isRange() || !node.coverage().equals(Set.of(regionId))) {
				return null;
			}
			parts.add(new Part(node.value(), null));
		}
		return Aggregation.sum(parts);
	}

	/**
	 * The change of a region's value from the previous period: on the same coverage when both rest on the
	 * same regions, else over the sub-regions whose values rest on the same regions in both periods, else
	 * none.
	 */
	Change change(long regionId, Measure metric, Period period, Node current, Period previousPeriod) {
		Node previous = value(regionId, metric, previousPeriod);
		if (current == null || !current.isPresent() || !previous.isPresent()) {
			return null;
		}
		boolean rate = metric.kind() == MetricKind.RATE;
		Coverage now = shownCoverage(regionId, metric, period, current);
		Coverage then = shownCoverage(regionId, metric, previousPeriod, previous);
		if (current.coverage().equals(previous.coverage())) {
			return new Change(previousPeriod, Change.Basis.SAME_COVERAGE, current.value(), now, previous.value(), then,
					current.value(), previous.value(), 0, List.of(), rate);
		}
		List<Part> nowParts = new ArrayList<>();
		List<Part> beforeParts = new ArrayList<>();
		List<Place> common = new ArrayList<>();
		for (Place child : this.children.getOrDefault(regionId, List.of())) {
			Node a = value(child.id(), metric, period);
			Node b = value(child.id(), metric, previousPeriod);
			if (a.isPresent() && b.isPresent() && a.coverage().equals(b.coverage())) {
				nowParts.add(a.part());
				beforeParts.add(b.part());
				common.add(child);
			}
		}
		if (common.isEmpty()) {
			return new Change(previousPeriod, Change.Basis.NOT_COMPARABLE, current.value(), now, previous.value(), then,
					null, null, 0, List.of(), rate);
		}
		return new Change(previousPeriod, Change.Basis.LIKE_FOR_LIKE, current.value(), now, previous.value(), then,
				combine(metric, nowParts), combine(metric, beforeParts), common.size(), List.copyOf(common), rate);
	}

	/**
	 * What a region's value rests on as its line says it: the source, and how many of its sub-regions gave a
	 * value (also beside an own figure, which its sub-regions' are compared with).
	 */
	Coverage shownCoverage(long regionId, Measure metric, Period period, Node node) {
		if (node.source() == Source.SUB_REGIONS) {
			return node.shownCoverage();
		}
		Node below = below(regionId, metric, period);
		return new Coverage(node.source(), below.reporting(), below.of(), below.incomplete());
	}

	private static Combined combine(Measure metric, List<Part> parts) {
		if (metric.rollup() == Rollup.SUM || metric.rollup() == Rollup.SUM_LATEST) {
			if (parts.stream().anyMatch(part -> part.value().isRange())) {
				return null;
			}
			return Aggregation.sum(parts);
		}
		return Aggregation.rate(parts, metric.rollup() == Rollup.WEIGHTED_MEAN).value();
	}

	private static Reason reason(Source source) {
		return switch (source) {
			case OWN -> Reason.OWN;
			case YEARS -> Reason.YEARS;
			case YEAR_END -> Reason.YEAR_END;
			case SUB_REGIONS -> Reason.ROLLED_UP;
		};
	}

	/** The best of the region's visible figures for exactly the period: the one its own report of that period holds. */
	private Stored best(long regionId, Measure metric, Period period) {
		Stored best = null;
		for (Stored figure : this.figures.getOrDefault(regionId, Map.of()).getOrDefault(metric.id(), List.of())) {
			if (figure.period().equals(period) && (best == null || figure.preference() < best.preference())) {
				best = figure;
			}
		}
		return best;
	}

	private Place place(long regionId) {
		Place place = this.places.get(regionId);
		return place != null ? place : new Place(regionId, null, null, null);
	}

}
