package org.unionreports.portal.shared;

import java.math.BigDecimal;
import java.util.Locale;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** What FigureFormat writes, it reads back to the same value and qualifier; and it refuses only with its own error. */
class FigureFormatPropertiesTest {

	@Provide
	Arbitrary<Amount> amounts() {
		Arbitrary<BigDecimal> counts = Arbitraries.longs().between(0, 9_999_999_999_999L).map(BigDecimal::valueOf);
		Arbitrary<BigDecimal> decimals = Arbitraries.bigDecimals()
			.between(BigDecimal.ZERO, new BigDecimal("99999999.9999"))
			.ofScale(4);
		Arbitrary<BigDecimal> roundMultiples = Arbitraries.integers()
			.between(1, 99_999)
			.flatMap(n -> Arbitraries.of(1L, 100L, 10_000L, 1_000_000L, 100_000_000L).map(m -> BigDecimal.valueOf(n * m)));
		Arbitrary<BigDecimal> values = Arbitraries.oneOf(counts, decimals, roundMultiples);
		Arbitrary<String> units = Arbitraries.of("人", "个", "元", "户次", "人次", "场", "元/人/年");
		return Combinators.combine(values, units, Arbitraries.of(Qualifier.class)).as(Amount::new);
	}

	@Provide
	Arbitrary<Amount> percentages() {
		return Combinators.combine(Arbitraries.bigDecimals().between(BigDecimal.ZERO, BigDecimal.valueOf(100)).ofScale(2),
				Arbitraries.of(Qualifier.class)).as((value, qualifier) -> new Amount(value, "%", qualifier));
	}

	@Property(tries = 2000)
	void whatItWritesForEntryItReadsBack(@ForAll("amounts") Amount amount) {
		ReadNumber read = FigureFormat.read(FigureFormat.writeEntry(amount));
		assertThat(read.value()).isEqualByComparingTo(amount.value());
		assertThat(read.qualifier()).isEqualTo(amount.qualifier());
	}

	@Property(tries = 500)
	void percentagesComeBackAsPercentages(@ForAll("percentages") Amount amount) {
		ReadNumber read = FigureFormat.read(FigureFormat.writeEntry(amount));
		assertThat(read.value()).isEqualByComparingTo(amount.value());
		assertThat(read.qualifier()).isEqualTo(amount.qualifier());
		assertThat(read.percent()).isTrue();
	}

	@Property(tries = 2000)
	void whatItWritesForPeopleReadsBackWithoutItsUnit(@ForAll("amounts") Amount amount) {
		String written = FigureFormat.write(amount, Locale.SIMPLIFIED_CHINESE);
		String withoutUnit = written.replace(amount.unit(), "");
		ReadNumber read = FigureFormat.read(withoutUnit);
		assertThat(read.value()).isEqualByComparingTo(amount.value());
		assertThat(read.qualifier()).isEqualTo(amount.qualifier());
	}

	@Property(tries = 3000)
	void anyTextIsReadOrRefusedWithItsOwnError(@ForAll String text) {
		Throwable thrown = catchThrowable(() -> FigureFormat.read(text));
		assertThat(thrown).satisfiesAnyOf(t -> assertThat(t).isNull(),
				t -> assertThat(t).isInstanceOf(FigureFormatException.class));
	}

	@Property(tries = 3000)
	void numberLikeTextIsReadOrRefusedWithItsOwnError(@ForAll("numberLike") String text) {
		Throwable thrown = catchThrowable(() -> FigureFormat.read(text));
		assertThat(thrown).satisfiesAnyOf(t -> assertThat(t).isNull(),
				t -> assertThat(t).isInstanceOf(FigureFormatException.class));
	}

	@Provide
	Arbitrary<String> numberLike() {
		return Arbitraries.strings().withChars("0123456789.,%万萬亿億千百十余多超近约以上零一二两三四五六七八九１２％ ").ofMaxLength(20);
	}

}
