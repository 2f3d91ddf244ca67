package org.unionreports.portal.dashboard;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.unionreports.portal.dashboard.Aggregation.Combined;
import org.unionreports.portal.dashboard.Aggregation.Part;
import org.unionreports.portal.shared.Qualifier;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules of combining figures, with expectations worked out by hand. */
class AggregationTest {

	private static Part part(long value, Qualifier qualifier) {
		return Part.of(BigDecimal.valueOf(value), qualifier);
	}

	@Test
	void flowsAndStocksAddUpAcrossRegions() {
		Combined sum = Aggregation.sum(List.of(part(100, Qualifier.EXACT), part(250, Qualifier.EXACT)));
		assertThat(sum.value()).isEqualByComparingTo("350");
		assertThat(sum.qualifier()).isEqualTo(Qualifier.EXACT);
	}

	@Test
	void aSumWithAFigureThatIsMoreThanItSaysIsItselfMore() {
		Combined sum = Aggregation.sum(List.of(part(10000, Qualifier.YU), part(5000, Qualifier.EXACT),
				part(300, Qualifier.DUO)));
		assertThat(sum.value()).isEqualByComparingTo("15300");
		assertThat(sum.qualifier()).isEqualTo(Qualifier.YU);
	}

	@Test
	void aSumWithANearlyIsNearlyAndOneWithBothIsAbout() {
		assertThat(Aggregation.sum(List.of(part(85000, Qualifier.JIN), part(1000, Qualifier.EXACT))).qualifier())
			.isEqualTo(Qualifier.JIN);
		assertThat(Aggregation.sum(List.of(part(85000, Qualifier.JIN), part(1000, Qualifier.CHAO))).qualifier())
			.isEqualTo(Qualifier.YUE);
		assertThat(Aggregation.sum(List.of(part(1, Qualifier.YUE), part(1, Qualifier.EXACT))).qualifier())
			.isEqualTo(Qualifier.YUE);
	}

	@Test
	void aRangeAmongTheRatesBringsBothItsEndsLowestLowToHighestHigh() {
		// A city's range 78%～95% (its districts had no bases) beside a city at 60%: 60%～95%, not 60% alone.
		Combined city = Aggregation.rate(List.of(part(78, Qualifier.EXACT), part(95, Qualifier.YISHANG)));
		Combined province = Aggregation.rate(List.of(new Part(city, BigDecimal.valueOf(2_000_000)), part(60, Qualifier.EXACT)));
		assertThat(province.isRange()).isTrue();
		assertThat(province.min()).isEqualByComparingTo("60");
		assertThat(province.max()).isEqualByComparingTo("95");
		assertThat(province.maxQualifier()).isEqualTo(Qualifier.YISHANG);
	}

	@Test
	void aWeightedMeanCarriesItsWeightTheBasesAddedUp() {
		Aggregation.Rate rate = Aggregation.rate(List.of(Part.of(BigDecimal.valueOf(80), Qualifier.EXACT, BigDecimal.valueOf(1000)),
				Part.of(BigDecimal.valueOf(90), Qualifier.EXACT, BigDecimal.valueOf(3000))), true);
		assertThat(rate.weight()).isEqualByComparingTo("4000");
		// One part without its base: the range, with no weight to pass up.
		Aggregation.Rate range = Aggregation.rate(List.of(Part.of(BigDecimal.valueOf(80), Qualifier.EXACT, BigDecimal.valueOf(1000)),
				part(90, Qualifier.EXACT)), true);
		assertThat(range.value().isRange()).isTrue();
		assertThat(range.weight()).isNull();
	}

	@Test
	void aMeanWeightedByQualifiedMembersSaysWhichWayItMayMove() {
		// 90% of 1万余 members and 50% of 10,000: 70% if the first has exactly 10,000, more if it has more: at
		// least 70%, never an exact 70%.
		Aggregation.Rate rate = Aggregation.rate(List.of(weighted(90, 10_000, Qualifier.YU), weighted(50, 10_000, Qualifier.EXACT)),
				true);
		assertThat(rate.value().value()).isEqualByComparingTo("70");
		assertThat(rate.value().qualifier()).isEqualTo(Qualifier.YISHANG);
		assertThat(rate.weightQualifier()).isEqualTo(Qualifier.YU);
		// The 余 on the lower rate's members: at most 70%, which a report writes as 近.
		assertThat(Aggregation.rate(List.of(weighted(90, 10_000, Qualifier.EXACT), weighted(50, 10_000, Qualifier.YU)), true)
			.value()
			.qualifier()).isEqualTo(Qualifier.JIN);
		// About 10,000 members: either way, about.
		assertThat(Aggregation.rate(List.of(weighted(90, 10_000, Qualifier.YUE), weighted(50, 10_000, Qualifier.EXACT)), true)
			.value()
			.qualifier()).isEqualTo(Qualifier.YUE);
		// The same rate everywhere is that rate, whatever the weights.
		assertThat(Aggregation.rate(List.of(weighted(90, 10_000, Qualifier.YU), weighted(90, 10_000, Qualifier.EXACT)), true)
			.value()
			.qualifier()).isEqualTo(Qualifier.EXACT);
	}

	private static Part weighted(long rate, long members, Qualifier membersQualifier) {
		return new Part(new Combined(BigDecimal.valueOf(rate), Qualifier.EXACT), BigDecimal.valueOf(members), membersQualifier);
	}

	@Test
	void aFigurePerTenThousandMembersKeepsItsQualifier() {
		// 3万余人 over 40万 members: 750余人 per 10,000 members, never a bare 750.
		Combined per = Aggregation.perTenThousand(new Combined(BigDecimal.valueOf(30_000), Qualifier.YU),
				new Combined(BigDecimal.valueOf(400_000), Qualifier.EXACT));
		assertThat(per.value()).isEqualByComparingTo("750");
		assertThat(per.qualifier()).isEqualTo(Qualifier.YU);
		// About as many members: the quotient is about, whatever the count says.
		assertThat(Aggregation.perTenThousand(new Combined(BigDecimal.valueOf(30_000), Qualifier.EXACT),
				new Combined(BigDecimal.valueOf(400_000), Qualifier.YUE)).qualifier()).isEqualTo(Qualifier.YUE);
	}

	@Test
	void aRateIsTheMeanWeightedByItsBase() {
		// 80% of 1,000 members and 90% of 3,000 members: (800 + 2,700) / 4,000 = 87.5%
		Combined rate = Aggregation.rate(List.of(Part.of(BigDecimal.valueOf(80), Qualifier.EXACT, BigDecimal.valueOf(1000)),
				Part.of(BigDecimal.valueOf(90), Qualifier.EXACT, BigDecimal.valueOf(3000))));
		assertThat(rate.value()).isEqualByComparingTo("87.5");
		assertThat(rate.isRange()).isFalse();
	}

	@Test
	void aRateWithoutItsBaseIsShownAsTheRangeNeverSummed() {
		Combined rate = Aggregation.rate(List.of(part(80, Qualifier.YISHANG), part(98, Qualifier.EXACT),
				part(85, Qualifier.EXACT)));
		assertThat(rate.isRange()).isTrue();
		assertThat(rate.min()).isEqualByComparingTo("80");
		assertThat(rate.max()).isEqualByComparingTo("98");
		// each end says what its region said; the range as a whole is "at least", never 余 on a rate
		assertThat(rate.minQualifier()).isEqualTo(Qualifier.YISHANG);
		assertThat(rate.maxQualifier()).isEqualTo(Qualifier.EXACT);
		assertThat(rate.qualifier()).isEqualTo(Qualifier.YISHANG);
	}

	@Test
	void aSingleContributorKeepsItsQualifierExactly() {
		assertThat(Aggregation.sum(List.of(part(85, Qualifier.YISHANG))).qualifier()).isEqualTo(Qualifier.YISHANG);
		assertThat(Aggregation.rate(List.of(part(85, Qualifier.YISHANG))).qualifier()).isEqualTo(Qualifier.YISHANG);
		assertThat(Aggregation.rate(List.of(Part.of(BigDecimal.valueOf(85), Qualifier.YISHANG, BigDecimal.TEN)))
			.qualifier()).isEqualTo(Qualifier.YISHANG);
	}

	@Test
	void aWeightedMeanOfRatesWithAnOverPartIsAtLeastNeverYu() {
		Combined rate = Aggregation.rate(List.of(Part.of(BigDecimal.valueOf(80), Qualifier.YU, BigDecimal.valueOf(1000)),
				Part.of(BigDecimal.valueOf(90), Qualifier.EXACT, BigDecimal.valueOf(3000))));
		assertThat(rate.value()).isEqualByComparingTo("87.5");
		assertThat(rate.qualifier()).isEqualTo(Qualifier.YISHANG);
	}

	@Test
	void rolledUpRatesAreWrittenWithTheirQualifiersNever85YuPercent() {
		Combined one = Aggregation.rate(List.of(part(85, Qualifier.YISHANG)));
		assertThat(RolledUp.write(one, "%", java.util.Locale.SIMPLIFIED_CHINESE)).isEqualTo("85%以上");
		assertThat(RolledUp.write(one, "%", java.util.Locale.ENGLISH)).isEqualTo("at least 85%");
		Combined range = Aggregation.rate(List.of(part(80, Qualifier.YISHANG), part(98, Qualifier.EXACT)));
		assertThat(RolledUp.write(range, "%", java.util.Locale.SIMPLIFIED_CHINESE)).isEqualTo("80%以上～98%");
		assertThat(RolledUp.write(range, "%", java.util.Locale.ENGLISH)).isEqualTo("at least 80%～98%");
		Combined yu = Aggregation.rate(List.of(part(85, Qualifier.YU)));
		assertThat(RolledUp.write(yu, "%", java.util.Locale.SIMPLIFIED_CHINESE)).isEqualTo("85%余");
	}

	@Test
	void nothingToCombineIsNothing() {
		assertThat(Aggregation.sum(List.of())).isNull();
		assertThat(Aggregation.rate(List.of())).isNull();
	}

}
