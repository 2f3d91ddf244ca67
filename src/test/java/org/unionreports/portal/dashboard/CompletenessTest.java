package org.unionreports.portal.dashboard;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.unionreports.portal.dashboard.Evaluation.Measure;
import org.unionreports.portal.dashboard.Evaluation.Node;
import org.unionreports.portal.dashboard.Evaluation.Stored;
import org.unionreports.portal.dashboard.RegionFigures.Place;
import org.unionreports.portal.metric.MetricKind;
import org.unionreports.portal.metric.Rollup;
import org.unionreports.portal.shared.Period;
import org.unionreports.portal.shared.Qualifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Completeness judged all the way down: a province whose two cities both reported, one of them from only 1
 * of its 4 districts, is not complete; its coverage says one contributor is partial, and a difference from
 * the province's own total is no discrepancy until the sum rests on the whole province.
 */
class CompletenessTest {

	static final Measure MEMBERS = new Measure(1, "members", MetricKind.STOCK, Rollup.SUM_LATEST, null);

	static final Period YEAR = Period.year(2022);

	private final Map<Long, Place> places = new HashMap<>();

	private final Map<Long, List<Place>> children = new HashMap<>();

	private final List<Stored> figures = new ArrayList<>();

	private Place region(long id, Long parent) {
		Place place = new Place(id, "R" + id, "地区" + id, null);
		this.places.put(id, place);
		this.children.putIfAbsent(id, new ArrayList<>());
		if (parent != null) {
			this.children.get(parent).add(place);
		}
		return place;
	}

	private void members(long region, long value) {
		this.figures.add(new Stored(region, MEMBERS.id(), BigDecimal.valueOf(value), Qualifier.EXACT, YEAR, false, true, 0));
	}

	@Test
	void aContributorRestingOnPartOfItsDistrictsIsShownAsPartialAndMakesNoMismatch() {
		region(1, null);
		region(2, 1L);
		region(3, 1L);
		for (long district = 31; district <= 34; district++) {
			region(district, 3L);
		}
		members(1, 1000);
		members(2, 600);
		members(31, 50);
		Evaluation evaluation = new Evaluation(this.places, this.children, this.figures);
		Node own = evaluation.own(1, MEMBERS, YEAR);
		Node below = evaluation.below(1, MEMBERS, YEAR);
		// 600 + 50 = 650 from both cities, one of them from 1 of its 4 districts.
		assertThat(below.value().value()).isEqualByComparingTo("650");
		assertThat(below.reporting()).isEqualTo(2);
		assertThat(below.of()).isEqualTo(2);
		assertThat(below.incomplete()).isEqualTo(1);
		assertThat(below.isComplete(1)).isFalse();
		assertThat(RegionFigures.mismatch(1, MEMBERS, own, below)).isFalse();
		// Once every district reports (50 + 100 + 150 + 100 = 400, 600 + 400 = 1000 against 1000): complete, agreeing.
		members(32, 100);
		members(33, 150);
		members(34, 100);
		Evaluation whole = new Evaluation(this.places, this.children, this.figures);
		Node complete = whole.below(1, MEMBERS, YEAR);
		assertThat(complete.isComplete(1)).isTrue();
		assertThat(complete.incomplete()).isZero();
		assertThat(RegionFigures.mismatch(1, MEMBERS, whole.own(1, MEMBERS, YEAR), complete)).isFalse();
		// A complete sum that differs is flagged: one district's 100 becomes 120, the sum 1020.
		this.figures.removeIf(f -> f.regionId() == 34);
		members(34, 120);
		Evaluation differing = new Evaluation(this.places, this.children, this.figures);
		assertThat(RegionFigures.mismatch(1, MEMBERS, differing.own(1, MEMBERS, YEAR), differing.below(1, MEMBERS, YEAR)))
			.isTrue();
	}

}
