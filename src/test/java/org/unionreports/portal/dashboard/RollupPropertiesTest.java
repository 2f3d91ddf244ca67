package org.unionreports.portal.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;

import org.unionreports.portal.dashboard.Aggregation.Combined;
import org.unionreports.portal.dashboard.Contributor.Reason;
import org.unionreports.portal.dashboard.Evaluation.Measure;
import org.unionreports.portal.dashboard.Evaluation.Node;
import org.unionreports.portal.dashboard.Evaluation.Stored;
import org.unionreports.portal.dashboard.RegionFigures.Place;
import org.unionreports.portal.dashboard.RegionFigures.Source;
import org.unionreports.portal.metric.MetricKind;
import org.unionreports.portal.metric.Rollup;
import org.unionreports.portal.shared.Period;
import org.unionreports.portal.shared.Qualifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The roll-up rules of docs/rollups.md on random trees (depth 1 to 4, up to 6 sub-regions each), each region
 * with random figures of its own: none, own totals, yearly figures and span figures, with qualifiers, drafts the
 * reader may or may not see, members beside some rates and not others. What is checked is what a reader of the
 * workings relies on: the number shown is what its listed contributors make, nothing with a value is left out,
 * a stock over a span is a level at its end, a hidden draft shows nothing, and a change compares like with like;
 * and every value, weight and coverage is what a small model of the written rules (docs/rollups.md) gives. The
 * {@link Example}s pin the failures the audit of issue 16 found, on the engine alone.
 * <p>
 * Regions are numbered R1 (the top) onwards in a failing sample; each figure is printed with its period,
 * qualifier, whether it is a draft (and hidden from the reader) and its report's preference.
 */
class RollupPropertiesTest {

	static final Measure FLOW = new Measure(1, "flow", MetricKind.FLOW, Rollup.SUM, null);

	static final Measure STOCK = new Measure(2, "stock", MetricKind.STOCK, Rollup.SUM_LATEST, null);

	static final Measure MEMBERS = new Measure(3, "members", MetricKind.STOCK, Rollup.SUM_LATEST, null);

	static final Measure RANGE_RATE = new Measure(4, "range_rate", MetricKind.RATE, Rollup.RANGE, null);

	static final Measure WEIGHTED_RATE = new Measure(5, "weighted_rate", MetricKind.RATE, Rollup.WEIGHTED_MEAN,
			MEMBERS);

	static final List<Measure> MEASURES = List.of(FLOW, STOCK, MEMBERS, RANGE_RATE, WEIGHTED_RATE);

	static final Period YEAR = Period.year(2022);

	static final Period SPAN = new Period(2018, 2022);

	/** The periods asked for, each with the previous one of the same length its change is from. */
	static final Map<Period, Period> ASKED = Map.of(YEAR, Period.year(2021), SPAN, new Period(2013, 2017));

	/** The years of both spans, and three spans: the two asked for and one (2019-2022) that is neither. */
	static final List<Period> PERIODS;

	static final List<Period> YEARS;

	static {
		List<Period> years = new ArrayList<>();
		for (int year = 2013; year <= 2022; year++) {
			years.add(Period.year(year));
		}
		YEARS = List.copyOf(years);
		List<Period> periods = new ArrayList<>(years);
		periods.add(SPAN);
		periods.add(new Period(2013, 2017));
		periods.add(new Period(2019, 2022));
		PERIODS = List.copyOf(periods);
	}

	static final int MAX_REGIONS = 30;

	static final Set<Reason> LEFT_OUT = EnumSet.of(Reason.NO_FIGURE, Reason.EARLIER_YEAR, Reason.INCOMPLETE_YEARS,
			Reason.NOT_PUBLISHED);

	/** The reasons of a region's own figure, whose value must be one the reader may see. */
	static final Set<Reason> OWN_FIGURE = EnumSet.of(Reason.OWN, Reason.YEAR, Reason.YEAR_END, Reason.EARLIER_YEAR);

	/** The reason of a sub-region whose value is its own figures for every year of the span, added up. */
	static final Reason YEARS_ADDED = Reason.YEARS;

	// ---------------------------------------------------------------- the properties

	@Property(tries = 250)
	void aFlowIsTheSumOfTheContributorsItLists(@ForAll("scenarios") Scenario scenario) {
		Evaluation evaluation = scenario.evaluation();
		for (Period period : ASKED.keySet()) {
			for (int region : scenario.internal()) {
				String where = scenario.name(region) + " " + period;
				Node value = evaluation.value(id(region), FLOW, period);
				List<Contributor> used = used(topLine(evaluation, id(region), FLOW, period));
				if (value.isPresent()) {
					assertThat(value.value().value()).as("the flow of %s is its used contributors added up", where)
						.isEqualByComparingTo(sum(used));
					assertThat(value.value().qualifier()).as("the qualifier of %s", where)
						.isEqualTo(QualifierAlgebra.ofSum(used.stream().map(c -> c.value().qualifier()).toList()));
				}
				else {
					assertThat(used).as("%s has no value, so nothing of it is used", where).isEmpty();
				}
				Node below = evaluation.below(id(region), FLOW, period);
				List<Contributor> usedBelow = used(below.contributors());
				assertThat(below.of()).as("%s has its sub-regions", where).isEqualTo(scenario.children(region).size());
				assertThat(below.contributors()).as("every sub-region of %s is listed", where)
					.hasSize(scenario.children(region).size());
				if (below.isPresent()) {
					assertThat(below.value().value()).as("the sub-regions' flow of %s is its used contributors added up", where)
						.isEqualByComparingTo(sum(usedBelow));
					assertThat(below.reporting()).as("%s: how many sub-regions gave a value", where)
						.isEqualTo(usedBelow.size());
					assertThat(below.draft()).as("%s is a draft where a draft went into it", where)
						.isEqualTo(usedBelow.stream().anyMatch(Contributor::draft));
				}
				else {
					assertThat(usedBelow).as("no sub-region of %s gave a value", where).isEmpty();
				}
				for (Contributor contributor : usedBelow) {
					Node child = evaluation.value(contributor.region().id(), FLOW, period);
					assertThat(contributor.value()).as("%s: %s's contribution is its own value", where,
							contributor.region().code())
						.isEqualTo(child.value());
					assertThat(contributor.period()).isEqualTo(child.period());
				}
			}
		}
	}

	@Property(tries = 250)
	void aStockOverASpanIsTheLevelsAtItsEndNeverAnEarlierYear(@ForAll("scenarios") Scenario scenario) {
		Evaluation evaluation = scenario.evaluation();
		for (Measure stock : List.of(STOCK, MEMBERS)) {
			for (int region : scenario.all()) {
				String where = scenario.name(region) + " " + stock.key() + " " + SPAN;
				Node value = evaluation.value(id(region), stock, SPAN);
				if (value.isPresent()) {
					assertThat(value.period().lastYear()).as("%s describes the span's end", where)
						.isEqualTo(SPAN.lastYear());
				}
				if (!scenario.isInternal(region)) {
					continue;
				}
				List<Contributor> line = topLine(evaluation, id(region), stock, SPAN);
				for (Contributor contributor : used(line)) {
					assertThat(contributor.period().lastYear()).as("%s: %s's level ends with the span", where,
							contributor.region().code())
						.isGreaterThanOrEqualTo(SPAN.lastYear());
				}
				if (value.isPresent()) {
					assertThat(value.value().value()).as("%s is its used contributors added up", where)
						.isEqualByComparingTo(sum(used(line)));
				}
				Node below = evaluation.below(id(region), stock, SPAN);
				for (Contributor contributor : below.contributors()) {
					if (contributor.used()) {
						assertThat(contributor.period().lastYear()).as("%s: %s", where, contributor.region().code())
							.isGreaterThanOrEqualTo(SPAN.lastYear());
					}
					if (contributor.reason() == Reason.EARLIER_YEAR) {
						assertThat(contributor.period().lastYear()).as("%s: %s is shown as an earlier level", where,
								contributor.region().code())
							.isLessThan(SPAN.lastYear());
					}
				}
				if (below.isPresent()) {
					assertThat(below.rule()).as(where).isEqualTo(RollupRule.SUM_AT_END);
					assertThat(below.value().value()).as("%s from its sub-regions", where)
						.isEqualByComparingTo(sum(used(below.contributors())));
				}
			}
		}
	}

	@Property(tries = 250)
	void aSubRegionWithAValueIsNeverLeftOutAndAHiddenDraftShowsNothing(@ForAll("scenarios") Scenario scenario) {
		Evaluation evaluation = scenario.evaluation();
		for (Measure metric : MEASURES) {
			for (Period period : ASKED.keySet()) {
				for (int region : scenario.all()) {
					String where = scenario.name(region) + " " + metric.key() + " " + period;
					for (Contributor contributor : evaluation.below(id(region), metric, period).contributors()) {
						String who = where + ": " + contributor.region().code();
						int child = (int) contributor.region().id() - 1;
						if (evaluation.value(id(child), metric, period).isPresent()) {
							assertThat(contributor.used()).as("%s has a value, so it counts", who).isTrue();
						}
						else {
							assertThat(contributor.used()).as("%s has no value", who).isFalse();
							assertThat(contributor.reason()).as("why %s was left out", who).isIn(LEFT_OUT);
							if (scenario.hasHidden(child, metric, period) && !scenario.hasVisibleWithin(child, metric, period)) {
								assertThat(contributor.reason()).as("%s's figure is a draft the reader may not see", who)
									.isEqualTo(Reason.NOT_PUBLISHED);
							}
						}
						if (contributor.reason() == Reason.NOT_PUBLISHED) {
							assertThat(IntStream.rangeClosed(period.firstYear(), period.lastYear())
								.anyMatch(year -> scenario.hasHidden(child, metric, Period.year(year)))
									|| scenario.hasHidden(child, metric, period))
								.as("%s has a figure the reader may not see", who)
								.isTrue();
						}
						checkLeftOut(scenario, metric, period, who, contributor);
					}
					for (Contributor contributor : topLine(evaluation, id(region), metric, period)) {
						String who = where + " (top line): " + contributor.region().code();
						if (!contributor.used()) {
							assertThat(contributor.reason()).as(who).isIn(EnumSet.of(Reason.OWN_TOTAL, Reason.NO_FIGURE,
									Reason.EARLIER_YEAR, Reason.INCOMPLETE_YEARS, Reason.NOT_PUBLISHED));
						}
						if (contributor.reason() == Reason.OWN_TOTAL) {
							assertThat(contributor.value()).as("%s keeps its value beside the own total", who).isNotNull();
						}
						checkLeftOut(scenario, metric, period, who, contributor);
					}
				}
			}
		}
	}

	/** What holds of every contributor, used or not. */
	private static void checkLeftOut(Scenario scenario, Measure metric, Period period, String who,
			Contributor contributor) {
		if (contributor.reason() == Reason.NOT_PUBLISHED) {
			assertThat(contributor.value()).as("%s is not published, so no value is shown", who).isNull();
		}
		if (contributor.reason() == Reason.EARLIER_YEAR) {
			assertThat(metric.isLevel() && !period.isSingleYear()).as("%s: only a level over a span has an earlier year",
					who)
				.isTrue();
			assertThat(contributor.value()).as("%s shows its latest earlier level", who).isNotNull();
		}
		if (contributor.reason() == Reason.INCOMPLETE_YEARS) {
			assertThat(metric.kind() == MetricKind.FLOW && !period.isSingleYear()).as(who).isTrue();
		}
		if (contributor.reason() == YEARS_ADDED) {
			// A sub-region whose value is its own years added up: the sum of exactly those years.
			assertThat(contributor.period().isSingleYear()).as(who).isFalse();
			BigDecimal years = BigDecimal.ZERO;
			for (int year = contributor.period().firstYear(); year <= contributor.period().lastYear(); year++) {
				Stored figure = scenario.bestVisible((int) contributor.region().id() - 1, metric, Period.year(year));
				assertThat(figure).as("%s's figure for %s is one the reader may see", who, year).isNotNull();
				years = years.add(figure.value());
			}
			assertThat(contributor.value().value()).as(who).isEqualByComparingTo(years);
		}
		else if (OWN_FIGURE.contains(contributor.reason())) {
			Stored figure = scenario.bestVisible((int) contributor.region().id() - 1, metric, contributor.period());
			assertThat(figure).as("%s's figure for %s is one the reader may see", who, contributor.period()).isNotNull();
			assertThat(contributor.value().value()).as(who).isEqualByComparingTo(figure.value());
		}
	}

	@Property(tries = 250)
	void aRangeOfRatesRunsFromTheLowestLowToTheHighestHigh(@ForAll("scenarios") Scenario scenario) {
		Evaluation evaluation = scenario.evaluation();
		for (Measure rate : List.of(RANGE_RATE, WEIGHTED_RATE)) {
			for (Period period : ASKED.keySet()) {
				for (int region : scenario.internal()) {
					String where = scenario.name(region) + " " + rate.key() + " " + period;
					Node below = evaluation.below(id(region), rate, period);
					List<Contributor> used = used(below.contributors());
					assertThat(used).as("%s: every sub-region with a rate counts, a range too", where)
						.hasSize((int) scenario.children(region)
							.stream()
							.filter(child -> evaluation.value(id(child), rate, period).isPresent())
							.count());
					if (!below.isPresent() || below.rule() != RollupRule.RANGE) {
						continue;
					}
					BigDecimal low = used.stream().map(c -> low(c.value())).min(Comparator.naturalOrder()).orElseThrow();
					BigDecimal high = used.stream().map(c -> high(c.value())).max(Comparator.naturalOrder()).orElseThrow();
					assertThat(low(below.value())).as("%s: the lowest low", where).isEqualByComparingTo(low);
					assertThat(high(below.value())).as("%s: the highest high", where).isEqualByComparingTo(high);
					assertThat(below.value().isRange()).as("%s is a range unless all ends are equal", where)
						.isEqualTo(low.compareTo(high) != 0);
					assertThat(below.weight()).as("%s: a range has no weight", where).isNull();
				}
			}
		}
	}

	@Property(tries = 250)
	void aWeightedRateWeighsByTheMembersOfExactlyItsContributors(@ForAll("scenarios") Scenario scenario) {
		Evaluation evaluation = scenario.evaluation();
		for (Period period : ASKED.keySet()) {
			for (int region : scenario.all()) {
				String where = scenario.name(region) + " " + period;
				Node value = evaluation.value(id(region), WEIGHTED_RATE, period);
				if (value.isPresent() && value.source() != Source.SUB_REGIONS) {
					// A region's own rate is weighed by its own members for the rate's period, never rolled-up ones.
					Stored members = scenario.ownLevel(region, MEMBERS, value.period());
					assertThat(value.weight()).as("%s: the weight of its own rate (%s, %s) is its own members", where,
							value.source(), value.period())
						.isEqualTo(members == null ? null : Aggregation.plain(members.value()));
				}
				if (!scenario.isInternal(region)) {
					continue;
				}
				Node below = evaluation.below(id(region), WEIGHTED_RATE, period);
				List<Contributor> used = used(below.contributors());
				for (Contributor contributor : used) {
					assertThat(contributor.weight()).as("%s: %s's weight is its value's", where, contributor.region().code())
						.isEqualTo(evaluation.value(contributor.region().id(), WEIGHTED_RATE, period).weight());
				}
				if (!below.isPresent()) {
					continue;
				}
				boolean allWeighted = used.stream()
					.allMatch(c -> !c.value().isRange() && c.weight() != null && c.weight().signum() > 0);
				assertThat(below.weight() != null).as("%s is a weighted mean exactly when every contributor has a weight",
						where)
					.isEqualTo(allWeighted);
				if (below.weight() == null) {
					assertThat(below.rule()).as(where).isEqualTo(RollupRule.RANGE);
					continue;
				}
				BigDecimal weights = used.stream().map(Contributor::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
				assertThat(below.weight()).as("%s: the weight is the contributors' weights added up", where)
					.isEqualByComparingTo(weights);
				BigDecimal weighted = used.stream()
					.map(c -> c.value().value().multiply(c.weight()))
					.reduce(BigDecimal.ZERO, BigDecimal::add);
				assertThat(below.value().value()).as("%s: the weighted mean", where)
					.isEqualByComparingTo(weighted.divide(weights, 2, RoundingMode.HALF_EVEN));
				assertThat(below.rule()).as(where).isEqualTo(RollupRule.WEIGHTED_MEAN);
			}
		}
	}

	@Property(tries = 250)
	void aChangeComparesTheSameRegions(@ForAll("scenarios") Scenario scenario) {
		Evaluation evaluation = scenario.evaluation();
		for (Measure metric : List.of(FLOW, STOCK, RANGE_RATE, WEIGHTED_RATE)) {
			for (Map.Entry<Period, Period> asked : ASKED.entrySet()) {
				Period period = asked.getKey();
				Period previousPeriod = asked.getValue();
				for (int region : scenario.internal()) {
					String where = scenario.name(region) + " " + metric.key() + " " + period;
					Node current = evaluation.value(id(region), metric, period);
					Node previous = evaluation.value(id(region), metric, previousPeriod);
					checkCoverage(scenario, region, current, where);
					Change change = evaluation.change(id(region), metric, period, current, previousPeriod);
					if (!current.isPresent() || !previous.isPresent()) {
						assertThat(change).as("%s: no change without both values", where).isNull();
						continue;
					}
					assertThat(change).as(where).isNotNull();
					assertThat(change.currentTotal()).as("%s: the current total", where).isEqualTo(current.value());
					assertThat(change.previousTotal()).as("%s: the previous total", where).isEqualTo(previous.value());
					if (metric.kind() == MetricKind.RATE) {
						assertThat(change.percent()).as("%s: a rate changes in points, not per cent", where).isEmpty();
					}
					List<Integer> common = scenario.children(region).stream().filter(child -> {
						Node now = evaluation.value(id(child), metric, period);
						Node then = evaluation.value(id(child), metric, previousPeriod);
						return now.isPresent() && then.isPresent() && now.coverage().equals(then.coverage());
					}).toList();
					if (current.coverage().equals(previous.coverage())) {
						assertThat(change.basis()).as(where).isEqualTo(Change.Basis.SAME_COVERAGE);
						assertThat(change.current()).as("%s: same coverage compares the totals", where)
							.isEqualTo(current.value());
						assertThat(change.previous()).as(where).isEqualTo(previous.value());
						assertThat(change.regions()).isZero();
					}
					else if (common.isEmpty()) {
						assertThat(change.basis()).as(where).isEqualTo(Change.Basis.NOT_COMPARABLE);
						assertThat(change.difference()).as("%s: nothing in common, no change", where).isEmpty();
					}
					else {
						assertThat(change.basis()).as(where).isEqualTo(Change.Basis.LIKE_FOR_LIKE);
						assertThat(change.regions()).as("%s: over how many sub-regions", where)
							.isPositive()
							.isEqualTo(common.size());
						assertThat(change.common().stream().map(Place::id).toList()).as(where)
							.isEqualTo(common.stream().map(RollupPropertiesTest::id).toList());
						for (Place place : change.common()) {
							assertThat(evaluation.value(place.id(), metric, period).isPresent()).as(where).isTrue();
							assertThat(evaluation.value(place.id(), metric, previousPeriod).isPresent()).as(where).isTrue();
						}
						if (metric.kind() != MetricKind.RATE) {
							assertThat(change.current().value()).as("%s: now, over the common sub-regions", where)
								.isEqualByComparingTo(sumOf(evaluation, common, metric, period));
							assertThat(change.previous().value()).as("%s: then, over the same sub-regions", where)
								.isEqualByComparingTo(sumOf(evaluation, common, metric, previousPeriod));
						}
					}
				}
			}
		}
	}

	/** A value's coverage is a set of regions of its own subtree, none inside another: it counts nothing twice. */
	private static void checkCoverage(Scenario scenario, int region, Node node, String where) {
		if (!node.isPresent()) {
			return;
		}
		assertThat(node.coverage()).as("%s rests on some region", where).isNotEmpty();
		for (long covered : node.coverage()) {
			int index = (int) covered - 1;
			assertThat(scenario.isWithin(index, region)).as("%s rests on %s, in its subtree", where, covered).isTrue();
			for (long other : node.coverage()) {
				if (other != covered) {
					assertThat(scenario.isWithin(index, (int) other - 1)).as("%s: %s and %s overlap", where, covered, other)
						.isFalse();
				}
			}
		}
	}

	@Property(tries = 250)
	void everyValueIsWhatTheWrittenRulesGive(@ForAll("scenarios") Scenario scenario) {
		// A model of docs/rollups.md written from the rules alone, over the figures as generated: the value (or
		// the ends of a range), the weight of a rate and the regions the value rests on.
		Evaluation evaluation = scenario.evaluation();
		for (Period period : ASKED.keySet()) {
			for (int region : scenario.all()) {
				for (Measure metric : MEASURES) {
					Modelled expected = scenario.model(region, metric, period);
					Node node = evaluation.value(id(region), metric, period);
					String where = scenario.name(region) + " " + metric.key() + " " + period;
					if (expected == null) {
						assertThat(node.isPresent()).as("%s has no value", where).isFalse();
						continue;
					}
					assertThat(node.isPresent()).as("%s has a value", where).isTrue();
					assertThat(low(node.value())).as("%s (low end)", where).isEqualByComparingTo(expected.low());
					assertThat(high(node.value())).as("%s (high end)", where).isEqualByComparingTo(expected.high());
					if (expected.weight() == null) {
						assertThat(node.weight()).as("%s has no weight", where).isNull();
					}
					else {
						assertThat(node.weight()).as("%s: its weight", where).isEqualByComparingTo(expected.weight());
					}
					assertThat(node.coverage()).as("%s rests on", where).isEqualTo(expected.coverage());
				}
			}
		}
	}

	@Property(tries = 200)
	void aHiddenDraftChangesNoValue(@ForAll("scenarios") Scenario scenario) {
		Evaluation evaluation = scenario.evaluation();
		Evaluation withoutHidden = scenario.without(f -> !f.visible()).evaluation();
		for (Measure metric : MEASURES) {
			for (Period period : ASKED.keySet()) {
				for (int region : scenario.all()) {
					assertThat(evaluation.value(id(region), metric, period).value())
						.as("%s %s %s", scenario.name(region), metric.key(), period)
						.isEqualTo(withoutHidden.value(id(region), metric, period).value());
				}
			}
		}
	}


	// ---------------------------------------------------------------- the audit's failures, pinned

	@Example
	void aSubRegionWhoseRateIsARangeIsNotDroppedFromItsParent() {
		// 省 has 市A at 60% and 市B, whose districts gave 78% and 95% with no members: 60%～95%, 2 of 2, not 60%.
		Tree tree = new Tree();
		int province = tree.root("省");
		int a = tree.child(province, "市A");
		int b = tree.child(province, "市B");
		int b1 = tree.child(b, "区1");
		int b2 = tree.child(b, "区2");
		tree.child(b, "区3");
		tree.figure(a, RANGE_RATE, YEAR, "60");
		tree.figure(b1, RANGE_RATE, YEAR, "78");
		tree.figure(b2, RANGE_RATE, YEAR, "95");
		Evaluation evaluation = tree.evaluation();
		Node city = evaluation.value(id(b), RANGE_RATE, YEAR);
		assertThat(city.value().isRange()).isTrue();
		assertThat(city.reporting()).isEqualTo(2);
		assertThat(city.of()).isEqualTo(3);
		Node node = evaluation.value(id(province), RANGE_RATE, YEAR);
		assertThat(node.rule()).isEqualTo(RollupRule.RANGE);
		assertThat(node.value().min()).isEqualByComparingTo("60");
		assertThat(node.value().max()).isEqualByComparingTo("95");
		assertThat(node.reporting()).isEqualTo(2);
		assertThat(node.contributors()).allMatch(Contributor::used);
		assertThat(node.coverage()).containsExactlyInAnyOrder(id(a), id(b1), id(b2));
	}

	@Example
	void aRolledUpRateIsWeighedByTheMembersOfTheRegionsThatGaveItNotTheCitysWholeMembers() {
		// 市B's own members are 2,260,900, but its rate comes from 区1 (80%, 100,000 members) and 区2 (85%,
		// 300,000): 83.75% weighing 400,000. With 市A at 60% of 100,000 members the province is
		// (60 × 100,000 + 83.75 × 400,000) / 500,000 = 79%, not the 81-odd that 2,260,900 would give.
		Tree tree = new Tree();
		int province = tree.root("省");
		int a = tree.child(province, "市A");
		int b = tree.child(province, "市B");
		int b1 = tree.child(b, "区1");
		int b2 = tree.child(b, "区2");
		tree.child(b, "区3");
		tree.figure(a, WEIGHTED_RATE, YEAR, "60");
		tree.figure(a, MEMBERS, YEAR, "100000");
		tree.figure(b, MEMBERS, YEAR, "2260900");
		tree.figure(b1, WEIGHTED_RATE, YEAR, "80");
		tree.figure(b1, MEMBERS, YEAR, "100000");
		tree.figure(b2, WEIGHTED_RATE, YEAR, "85");
		tree.figure(b2, MEMBERS, YEAR, "300000");
		Evaluation evaluation = tree.evaluation();
		Node city = evaluation.value(id(b), WEIGHTED_RATE, YEAR);
		assertThat(city.value().value()).isEqualByComparingTo("83.75");
		assertThat(city.weight()).isEqualByComparingTo("400000");
		Node node = evaluation.value(id(province), WEIGHTED_RATE, YEAR);
		assertThat(node.rule()).isEqualTo(RollupRule.WEIGHTED_MEAN);
		assertThat(node.value().value()).isEqualByComparingTo("79");
		assertThat(node.weight()).isEqualByComparingTo("500000");
	}

	@Example
	void aRateWithoutItsMembersTurnsTheWeightedMeanIntoTheRange() {
		Tree tree = new Tree();
		int province = tree.root("省");
		int a = tree.child(province, "市A");
		int b = tree.child(province, "市B");
		tree.figure(a, WEIGHTED_RATE, YEAR, "60");
		tree.figure(a, MEMBERS, YEAR, "100000");
		tree.figure(b, WEIGHTED_RATE, YEAR, "90");
		Node node = tree.evaluation().value(id(province), WEIGHTED_RATE, YEAR);
		assertThat(node.rule()).isEqualTo(RollupRule.RANGE);
		assertThat(node.value().min()).isEqualByComparingTo("60");
		assertThat(node.value().max()).isEqualByComparingTo("90");
		assertThat(node.weight()).isNull();
	}

	@Example
	void aStockOverASpanIgnoresALevelOfAnEarlierYear() {
		// 区1 gave only a 2021 level, 区2 only a 2018 one, 区3 its 2022 level: the 2018-2022 level is 区3's.
		Tree tree = new Tree();
		int city = tree.root("市");
		int d1 = tree.child(city, "区1");
		int d2 = tree.child(city, "区2");
		int d3 = tree.child(city, "区3");
		tree.figure(d1, STOCK, Period.year(2021), "700");
		tree.figure(d2, STOCK, Period.year(2018), "800");
		tree.figure(d3, STOCK, YEAR, "500");
		Node node = tree.evaluation().value(id(city), STOCK, SPAN);
		assertThat(node.value().value()).isEqualByComparingTo("500");
		assertThat(node.rule()).isEqualTo(RollupRule.SUM_AT_END);
		assertThat(node.reporting()).isEqualTo(1);
		assertThat(node.contributors()).extracting(Contributor::reason)
			.containsExactly(Reason.EARLIER_YEAR, Reason.EARLIER_YEAR, Reason.YEAR_END);
		Contributor first = node.contributors().get(0);
		assertThat(first.used()).isFalse();
		assertThat(first.value().value()).isEqualByComparingTo("700");
		assertThat(first.period()).isEqualTo(Period.year(2021));
	}

	@Example
	void aCitysOwnEarlierLevelDoesNotWinOverItsDistrictsLevelsAtTheSpansEnd() {
		Tree tree = new Tree();
		int city = tree.root("市");
		int d1 = tree.child(city, "区1");
		int d2 = tree.child(city, "区2");
		tree.figure(city, STOCK, Period.year(2018), "9999");
		tree.figure(d1, STOCK, YEAR, "100");
		tree.figure(d2, STOCK, YEAR, "200");
		Evaluation evaluation = tree.evaluation();
		assertThat(evaluation.own(id(city), STOCK, SPAN)).isNull();
		Node node = evaluation.value(id(city), STOCK, SPAN);
		assertThat(node.source()).isEqualTo(Source.SUB_REGIONS);
		assertThat(node.rule()).isEqualTo(RollupRule.SUM_AT_END);
		assertThat(node.value().value()).isEqualByComparingTo("300");
		assertThat(node.period()).isEqualTo(YEAR);
	}

	@Example
	void aFigureCountsForItsOwnPeriodWhicheverReportHoldsIt() {
		// A 2022 figure inside a 2018-2022 report (preference 1) counts for 2022; the 2022 report's own wins.
		Tree tree = new Tree();
		int city = tree.root("市");
		int d1 = tree.child(city, "区1");
		int d2 = tree.child(city, "区2");
		tree.add(new Stored(id(d1), FLOW.id(), new BigDecimal("40"), Qualifier.EXACT, YEAR, false, true, 1));
		tree.add(new Stored(id(d2), FLOW.id(), new BigDecimal("60"), Qualifier.EXACT, YEAR, false, true, 1));
		tree.add(new Stored(id(d2), FLOW.id(), new BigDecimal("65"), Qualifier.EXACT, YEAR, false, true, 0));
		Node node = tree.evaluation().value(id(city), FLOW, YEAR);
		assertThat(node.value().value()).isEqualByComparingTo("105");
		assertThat(node.reporting()).isEqualTo(2);
	}

	@Example
	void aFlowOverASpanAddsUpAllItsYearsOrElseLeavesTheRegionOut() {
		Tree tree = new Tree();
		int city = tree.root("市");
		int d1 = tree.child(city, "区1");
		int d2 = tree.child(city, "区2");
		int d3 = tree.child(city, "区3");
		for (int year = 2018; year <= 2022; year++) {
			tree.figure(d1, FLOW, Period.year(year), "10");
		}
		tree.figure(d2, FLOW, Period.year(2022), "1000");
		tree.figure(d3, FLOW, SPAN, "7");
		Node node = tree.evaluation().value(id(city), FLOW, SPAN);
		assertThat(node.value().value()).isEqualByComparingTo("57");
		assertThat(node.contributors()).extracting(Contributor::reason)
			.containsExactly(Reason.YEARS, Reason.INCOMPLETE_YEARS, Reason.OWN);
		assertThat(node.contributors().get(0).value().value()).isEqualByComparingTo("50");
		assertThat(node.reporting()).isEqualTo(2);
		assertThat(node.coverage()).containsExactlyInAnyOrder(id(d1), id(d3));
	}

	@Example
	void aChangeIsOverTheSubRegionsThatReportedBothYears() {
		// 2021: four districts, 1,250; 2022: five, 4,470; the three in both went from 920 to 970, +5.4%.
		Tree tree = new Tree();
		int city = tree.root("市");
		int[] d = IntStream.range(0, 6).map(i -> tree.child(city, "区" + (i + 1))).toArray();
		Period before = Period.year(2021);
		tree.figure(d[0], FLOW, before, "300");
		tree.figure(d[1], FLOW, before, "300");
		tree.figure(d[2], FLOW, before, "320");
		tree.figure(d[3], FLOW, before, "330");
		tree.figure(d[0], FLOW, YEAR, "310");
		tree.figure(d[1], FLOW, YEAR, "320");
		tree.figure(d[2], FLOW, YEAR, "340");
		tree.figure(d[4], FLOW, YEAR, "1500");
		tree.figure(d[5], FLOW, YEAR, "2000");
		Evaluation evaluation = tree.evaluation();
		Node current = evaluation.value(id(city), FLOW, YEAR);
		Change change = evaluation.change(id(city), FLOW, YEAR, current, before);
		assertThat(change.basis()).isEqualTo(Change.Basis.LIKE_FOR_LIKE);
		assertThat(change.regions()).isEqualTo(3);
		assertThat(change.current().value()).isEqualByComparingTo("970");
		assertThat(change.previous().value()).isEqualByComparingTo("920");
		assertThat(change.percent()).contains(new BigDecimal("5.4"));
		assertThat(change.currentTotal().value()).isEqualByComparingTo("4470");
		assertThat(change.previousTotal().value()).isEqualByComparingTo("1250");
	}

	@Example
	void aCitysOwnTotalAndAllItsDistrictsAreTheSameCoverage() {
		Tree tree = new Tree();
		int city = tree.root("市");
		int d1 = tree.child(city, "区1");
		int d2 = tree.child(city, "区2");
		tree.figure(city, FLOW, Period.year(2021), "500");
		tree.figure(d1, FLOW, YEAR, "300");
		tree.figure(d2, FLOW, YEAR, "250");
		Evaluation evaluation = tree.evaluation();
		Change change = evaluation.change(id(city), FLOW, YEAR, evaluation.value(id(city), FLOW, YEAR),
				Period.year(2021));
		assertThat(change.basis()).isEqualTo(Change.Basis.SAME_COVERAGE);
		assertThat(change.percent()).contains(new BigDecimal("10.0"));
	}

	@Example
	void membersAreSummedOnlyOverExactlyTheRegionsAFigureRestsOn() {
		// The figure comes from 区1 and 区2; only 区1 gave its members: no ratio, rather than one over other regions.
		Tree tree = new Tree();
		int city = tree.root("市");
		int d1 = tree.child(city, "区1");
		int d2 = tree.child(city, "区2");
		int d3 = tree.child(city, "区3");
		tree.figure(d1, FLOW, YEAR, "30");
		tree.figure(d2, FLOW, YEAR, "20");
		tree.figure(d1, MEMBERS, YEAR, "10000");
		tree.figure(d3, MEMBERS, YEAR, "90000");
		Evaluation evaluation = tree.evaluation();
		Node node = evaluation.value(id(city), FLOW, YEAR);
		assertThat(evaluation.sumOver(node.coverage(), MEMBERS, YEAR)).isNull();
		tree.figure(d2, MEMBERS, YEAR, "40000");
		Evaluation complete = tree.evaluation();
		assertThat(complete.sumOver(complete.value(id(city), FLOW, YEAR).coverage(), MEMBERS, YEAR).value())
			.isEqualByComparingTo("50000");
	}

	@Example
	void aDraftTheReaderMayNotSeeIsLeftOutAsNotPublishedWithoutItsValue() {
		Tree tree = new Tree();
		int city = tree.root("市");
		int d1 = tree.child(city, "区1");
		int d2 = tree.child(city, "区2");
		tree.figure(d1, FLOW, YEAR, "30");
		tree.add(new Stored(id(d2), FLOW.id(), new BigDecimal("20"), Qualifier.EXACT, YEAR, true, false, 0));
		Node node = tree.evaluation().value(id(city), FLOW, YEAR);
		assertThat(node.value().value()).isEqualByComparingTo("30");
		Contributor hidden = node.contributors().get(1);
		assertThat(hidden.used()).isFalse();
		assertThat(hidden.reason()).isEqualTo(Reason.NOT_PUBLISHED);
		assertThat(hidden.value()).isNull();
	}

	// ---------------------------------------------------------------- helpers

	static long id(int index) {
		return index + 1L;
	}

	/** The contributors of a region's top line, as {@code RegionFigures} lists them in the workings. */
	static List<Contributor> topLine(Evaluation evaluation, long regionId, Measure metric, Period period) {
		Node own = evaluation.own(regionId, metric, period);
		Node below = evaluation.below(regionId, metric, period);
		Node used = own != null ? own : below;
		List<Contributor> contributors = new ArrayList<>(used.contributors());
		if (own != null) {
			below.contributors().forEach(c -> contributors.add(c.used() ? c.leftOut(Reason.OWN_TOTAL) : c));
		}
		return contributors;
	}

	static List<Contributor> used(List<Contributor> contributors) {
		return contributors.stream().filter(Contributor::used).toList();
	}

	static BigDecimal sum(List<Contributor> contributors) {
		return contributors.stream().map(c -> c.value().value()).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	static BigDecimal sumOf(Evaluation evaluation, List<Integer> regions, Measure metric, Period period) {
		return regions.stream()
			.map(r -> evaluation.value(id(r), metric, period).value().value())
			.reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	static BigDecimal low(Combined value) {
		return value.isRange() ? value.min() : value.value();
	}

	static BigDecimal high(Combined value) {
		return value.isRange() ? value.max() : value.value();
	}

	/** A small tree written by hand, regions numbered from 0 in the order they are added. */
	static final class Tree {

		private final List<Integer> parents = new ArrayList<>();

		private final List<String> names = new ArrayList<>();

		private final List<Stored> figures = new ArrayList<>();

		int root(String name) {
			return child(-1, name);
		}

		int child(int parent, String name) {
			this.parents.add(parent);
			this.names.add(name);
			return this.parents.size() - 1;
		}

		void figure(int region, Measure metric, Period period, String value) {
			add(new Stored(id(region), metric.id(), new BigDecimal(value), Qualifier.EXACT, period, false, true, 0));
		}

		void add(Stored figure) {
			this.figures.add(figure);
		}

		Evaluation evaluation() {
			return new Scenario(this.parents, this.names, List.copyOf(this.figures)).evaluation();
		}

	}

	// ---------------------------------------------------------------- random trees and figures

	/** A value as the model has it: a single value has its two ends equal; a rate's weight, if any; what it rests on. */
	record Modelled(BigDecimal low, BigDecimal high, BigDecimal weight, Set<Long> coverage) {
	}

	/**
	 * A tree of regions (index 0 the top, {@code parents} giving each one's parent) and the figures read.
	 */
	static final class Scenario {

		private final List<Integer> parents;

		private final List<String> names;

		private final List<Stored> figures;

		private final List<List<Integer>> children = new ArrayList<>();

		/** The figures the reader sees, by region, metric and period, in the order read. */
		private final Map<List<Object>, List<Stored>> visible = new HashMap<>();

		Scenario(List<Integer> parents, List<String> names, List<Stored> figures) {
			this.parents = parents;
			this.names = names;
			this.figures = figures;
			for (int i = 0; i < parents.size(); i++) {
				this.children.add(new ArrayList<>());
			}
			for (int i = 1; i < parents.size(); i++) {
				this.children.get(parents.get(i)).add(i);
			}
			for (Stored figure : figures) {
				if (figure.visible()) {
					this.visible.computeIfAbsent(List.of(figure.regionId(), figure.metricId(), figure.period()),
							k -> new ArrayList<>()).add(figure);
				}
			}
		}

		Evaluation evaluation() {
			Map<Long, Place> places = new HashMap<>();
			Map<Long, List<Place>> children = new HashMap<>();
			for (int i = 0; i < this.parents.size(); i++) {
				places.put(id(i), place(i));
			}
			for (int i = 0; i < this.parents.size(); i++) {
				children.put(id(i), children(i).stream().map(this::place).toList());
			}
			return new Evaluation(places, children, this.figures);
		}

		Scenario without(java.util.function.Predicate<Stored> left) {
			return new Scenario(this.parents, this.names, this.figures.stream().filter(left.negate()).toList());
		}

		Place place(int index) {
			return new Place(id(index), "R" + id(index), this.names.get(index), null);
		}

		String name(int index) {
			return "R" + id(index);
		}

		List<Integer> all() {
			return IntStream.range(0, this.parents.size()).boxed().toList();
		}

		List<Integer> children(int index) {
			return this.children.get(index);
		}

		boolean isInternal(int index) {
			return !this.children.get(index).isEmpty();
		}

		/** The top region and every region with sub-regions. */
		List<Integer> internal() {
			return all().stream().filter(i -> i == 0 || isInternal(i)).toList();
		}

		/** Whether region {@code index} is {@code ancestor} or lies below it. */
		boolean isWithin(int index, int ancestor) {
			for (int i = index; i >= 0; i = this.parents.get(i)) {
				if (i == ancestor) {
					return true;
				}
			}
			return false;
		}

		/** The figure a reader sees for exactly the period: the one of the report of that very period first. */
		Stored bestVisible(int index, Measure metric, Period period) {
			Stored best = null;
			for (Stored figure : this.visible.getOrDefault(List.of(id(index), metric.id(), period), List.of())) {
				if (best == null || figure.preference() < best.preference()) {
					best = figure;
				}
			}
			return best;
		}

		/** Whether the region has a figure for exactly the period that the reader may not see. */
		boolean hasHidden(int index, Measure metric, Period period) {
			return this.figures.stream()
				.anyMatch(f -> !f.visible() && f.regionId() == id(index) && f.metricId() == metric.id()
						&& f.period().equals(period));
		}

		/** Whether the region has a figure the reader sees for the period or a year inside it. */
		boolean hasVisibleWithin(int index, Measure metric, Period period) {
			return bestVisible(index, metric, period) != null || IntStream
				.rangeClosed(period.firstYear(), period.lastYear())
				.anyMatch(year -> bestVisible(index, metric, Period.year(year)) != null);
		}

		/** A level of the region's own for the period: exactly for it, or over a span its last year's. */
		Stored ownLevel(int index, Measure metric, Period period) {
			Stored exact = bestVisible(index, metric, period);
			if (exact != null || period.isSingleYear()) {
				return exact;
			}
			return bestVisible(index, metric, Period.year(period.lastYear()));
		}

		/**
		 * A value by the written rules: the region's own figure for the period; else over a span a flow's own
		 * years added up or a level's own figure for the last year; else its sub-regions' values added up (flows,
		 * stocks), or their mean weighted by the members of exactly the regions that made them when every one
		 * has a single value and such a weight, else their range (rates). Null where there is none.
		 */
		Modelled model(int index, Measure metric, Period period) {
			BigDecimal own = null;
			Period ownPeriod = null;
			Stored exact = bestVisible(index, metric, period);
			if (exact != null) {
				own = exact.value();
				ownPeriod = period;
			}
			else if (!period.isSingleYear() && metric.kind() == MetricKind.FLOW) {
				BigDecimal total = BigDecimal.ZERO;
				for (int year = period.firstYear(); year <= period.lastYear() && total != null; year++) {
					Stored figure = bestVisible(index, metric, Period.year(year));
					total = figure == null ? null : total.add(figure.value());
				}
				own = total;
				ownPeriod = period;
			}
			else if (!period.isSingleYear()) {
				Stored end = bestVisible(index, metric, Period.year(period.lastYear()));
				own = end == null ? null : end.value();
				ownPeriod = Period.year(period.lastYear());
			}
			if (own != null) {
				Stored base = metric.base() == null ? null : ownLevel(index, metric.base(), ownPeriod);
				return new Modelled(own, own, base == null ? null : base.value(), Set.of(id(index)));
			}
			List<Modelled> parts = new ArrayList<>();
			boolean complete = true;
			Set<Long> coverage = new java.util.TreeSet<>();
			for (int child : children(index)) {
				Modelled part = model(child, metric, period);
				if (part == null) {
					complete = false;
					continue;
				}
				parts.add(part);
				coverage.addAll(part.coverage());
				complete &= part.coverage().equals(Set.of(id(child)));
			}
			if (parts.isEmpty()) {
				return null;
			}
			Set<Long> restsOn = complete ? Set.of(id(index)) : Set.copyOf(coverage);
			if (metric.kind() != MetricKind.RATE) {
				BigDecimal total = parts.stream().map(Modelled::low).reduce(BigDecimal.ZERO, BigDecimal::add);
				return new Modelled(total, total, null, restsOn);
			}
			boolean weighted = metric.rollup() == Rollup.WEIGHTED_MEAN && parts.stream()
				.allMatch(p -> p.low().compareTo(p.high()) == 0 && p.weight() != null && p.weight().signum() > 0);
			if (weighted) {
				BigDecimal weights = parts.stream().map(Modelled::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
				BigDecimal mean = parts.stream()
					.map(p -> p.low().multiply(p.weight()))
					.reduce(BigDecimal.ZERO, BigDecimal::add)
					.divide(weights, 2, RoundingMode.HALF_EVEN);
				return new Modelled(mean, mean, weights, restsOn);
			}
			BigDecimal low = parts.stream().map(Modelled::low).min(Comparator.naturalOrder()).orElseThrow();
			BigDecimal high = parts.stream().map(Modelled::high).max(Comparator.naturalOrder()).orElseThrow();
			return new Modelled(low, high, null, restsOn);
		}

		@Override
		public String toString() {
			StringBuilder text = new StringBuilder("tree:");
			for (int i = 0; i < this.parents.size(); i++) {
				List<Integer> children = children(i);
				if (!children.isEmpty()) {
					text.append(' ')
						.append(name(i))
						.append("->")
						.append(children.stream().map(this::name).collect(Collectors.joining(",", "[", "]")));
				}
			}
			text.append("\nfigures:");
			this.figures.forEach(figure -> text.append("\n  ").append(describe(figure)));
			return text.toString();
		}

	}

	@Provide
	Arbitrary<Scenario> scenarios() {
		Arbitrary<List<Integer>> shapes = Combinators
			.combine(Arbitraries.integers().between(1, 4), Arbitraries.integers().between(1, 6),
					Arbitraries.integers().between(0, 6).list().ofMaxSize(MAX_REGIONS))
			.as(RollupPropertiesTest::parents);
		return shapes.flatMap(parents -> spec(parents.size()).list()
			.ofMinSize(parents.size())
			.ofMaxSize(FIGURES_PER_REGION * parents.size())
			.withSizeDistribution(RandomDistribution.uniform())
			.map(specs -> new Scenario(parents, IntStream.range(0, parents.size()).mapToObj(i -> "地区" + (i + 1)).toList(),
					specs.stream().flatMap(spec -> spec.figures().stream()).toList())));
	}

	/**
	 * The parent of each region of a tree grown breadth first: the top region with {@code rootFanOut}
	 * sub-regions, every other region with the next of {@code fanOuts} (none once they run out), no region
	 * deeper than {@code depth} below the top, at most {@link #MAX_REGIONS} in all.
	 */
	static List<Integer> parents(int depth, int rootFanOut, List<Integer> fanOuts) {
		List<Integer> parents = new ArrayList<>(List.of(-1));
		List<Integer> levels = new ArrayList<>(List.of(0));
		int next = 0;
		for (int i = 0; i < parents.size(); i++) {
			if (levels.get(i) >= depth) {
				continue;
			}
			int fanOut = i == 0 ? rootFanOut : next < fanOuts.size() ? fanOuts.get(next++) : 0;
			for (int k = 0; k < fanOut && parents.size() < MAX_REGIONS; k++) {
				parents.add(i);
				levels.add(levels.get(i) + 1);
			}
		}
		return List.copyOf(parents);
	}

	static final int FIGURES_PER_REGION = 6;

	/**
	 * What makes one figure, or one region's figures of a metric for every year of both spans ({@code period}
	 * one past the last of {@link #PERIODS}), so that spans of flows add up and levels exist at a span's end.
	 * One flat list of these shrinks figure by figure.
	 * @param state 0 published, 1 a draft the reader may see, 2 a draft the reader may not (for every year:
	 * one of the years, so that a span of years is incomplete to this reader)
	 */
	record Spec(int region, int metric, int period, int seed, Qualifier qualifier, int state, int preference) {

		List<Stored> figures() {
			Measure measure = MEASURES.get(this.metric);
			List<Stored> figures = new ArrayList<>(figures(measure, this.seed));
			if (measure.base() != null && this.seed % 4 != 0) {
				// Most rates with their base beside them, so that weighted means are made, and some without.
				figures.addAll(figures(measure.base(), this.seed * 7 + 1));
			}
			return figures;
		}

		private List<Stored> figures(Measure measure, int seed) {
			if (this.period < PERIODS.size()) {
				return List.of(stored(measure, PERIODS.get(this.period), seed, this.state));
			}
			List<Stored> years = new ArrayList<>();
			for (int i = 0; i < YEARS.size(); i++) {
				int state = this.state == 2 ? (i == seed % YEARS.size() ? 2 : 0) : this.state;
				years.add(stored(measure, YEARS.get(i), seed + 37 * i, state));
			}
			return years;
		}

		private Stored stored(Measure measure, Period period, int seed, int state) {
			return new Stored(id(this.region), measure.id(), value(measure, seed), this.qualifier, period, state > 0,
					state < 2, this.preference);
		}

		@Override
		public String toString() {
			return figures().stream().map(RollupPropertiesTest::describe).collect(Collectors.joining("; "));
		}

	}

	static Arbitrary<Spec> spec(int regions) {
		Arbitrary<Qualifier> qualifiers = Arbitraries.frequency(Tuple.of(8, Qualifier.EXACT), Tuple.of(1, Qualifier.YU),
				Tuple.of(1, Qualifier.DUO), Tuple.of(1, Qualifier.CHAO), Tuple.of(1, Qualifier.JIN),
				Tuple.of(1, Qualifier.YISHANG), Tuple.of(1, Qualifier.YUE));
		// Mostly the periods asked for and those just before, so that values and changes are there to check.
		Arbitrary<Integer> periods = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(PERIODS.indexOf(YEAR))),
				Tuple.of(2, Arbitraries.just(PERIODS.indexOf(Period.year(2021)))),
				Tuple.of(1, Arbitraries.just(PERIODS.indexOf(SPAN))),
				Tuple.of(1, Arbitraries.just(PERIODS.indexOf(new Period(2013, 2017)))),
				Tuple.of(3, Arbitraries.integers().between(0, PERIODS.size() - 1)),
				Tuple.of(2, Arbitraries.just(PERIODS.size())));
		Arbitrary<Integer> states = Arbitraries.frequency(Tuple.of(6, 0), Tuple.of(1, 1), Tuple.of(2, 2));
		return Combinators
			.combine(Arbitraries.integers().between(0, regions - 1), Arbitraries.integers().between(0, MEASURES.size() - 1),
					periods, Arbitraries.integers().between(0, 20_000), qualifiers, states,
					Arbitraries.integers().between(0, 2))
			.as(Spec::new);
	}

	/** A value from a seed: a rate of 0 to 100.0, members of 0 to 500,000, a count (now and then with a decimal). */
	static BigDecimal value(Measure metric, int seed) {
		if (metric.kind() == MetricKind.RATE) {
			return BigDecimal.valueOf(seed % 1001, 1);
		}
		if (metric == MEMBERS) {
			return BigDecimal.valueOf(seed % 11 == 0 ? 0 : seed * 25L);
		}
		return BigDecimal.valueOf(seed, seed % 5 == 0 ? 1 : 0);
	}

	static String describe(Stored figure) {
		return "R" + figure.regionId() + " " + MEASURES.get((int) figure.metricId() - 1).key() + " " + figure.period()
				+ " = " + figure.value().toPlainString() + (figure.qualifier().isExact() ? "" : " " + figure.qualifier().code())
				+ (figure.draft() ? (figure.visible() ? " draft" : " hidden draft") : "")
				+ (figure.preference() == 0 ? "" : " preference " + figure.preference());
	}

}
