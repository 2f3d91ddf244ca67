package org.unionreports.portal.shared;

import java.math.BigDecimal;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FigureFormatTest {

	@ParameterizedTest(name = "{0} reads as {1} {2}")
	@CsvSource({
			"2.06亿, 206000000, exact",
			"46.73万, 467300, exact",
			"3000万, 30000000, exact",
			"1万余, 10000, 余",
			"435万余, 4350000, 余",
			"400多, 400, 多",
			"超1000万, 10000000, 超",
			"近8.5万, 85000, 近",
			"近千万, 10000000, 近",
			"近億, 100000000, 近",
			"千萬, 10000000, exact",
			"三, 3, exact",
			"四, 4, exact",
			"百余, 100, 余",
			"上千, 1000, 以上",
			"'１２３', 123, exact",
			"'1,234,567', 1234567, exact",
			"约300, 300, 约",
			"达98, 98, exact",
			"三千七百, 3700, exact",
			"300余万, 3000000, 余",
			"2.4萬, 24000, exact",
			"将近200, 200, 近",
	})
	void readsNumbersWrittenTheChineseWay(String text, String value, String qualifier) {
		ReadNumber number = FigureFormat.read(text);
		assertThat(number.value()).isEqualByComparingTo(new BigDecimal(value));
		assertThat(number.qualifier().code()).isEqualTo(qualifier);
		assertThat(number.percent()).isFalse();
	}

	@Test
	void readsPercentagesInEitherWidthWithTheirQualifier() {
		ReadNumber atLeast = FigureFormat.read("85%以上");
		assertThat(atLeast.value()).isEqualByComparingTo("85");
		assertThat(atLeast.qualifier()).isEqualTo(Qualifier.YISHANG);
		assertThat(atLeast.percent()).isTrue();
		assertThat(FigureFormat.read("98％").percent()).isTrue();
	}

	@ParameterizedTest(name = "{0} is refused: {1}")
	@CsvSource(delimiter = '|', value = {
			"2.0.6亿|two decimal points",
			"abc|is not part of a number",
			"''|no number given",
			"-5|cannot be negative",
			"近|no number",
			"近1万余|two qualifiers",
			"3千2百五|mixed",
			"?2|is not part of a number",
			"50%万|% sign belongs at the end",
	})
	void refusesWhatIsNotANumberSayingWhy(String text, String problem) {
		assertThatThrownBy(() -> FigureFormat.read(text)).isInstanceOf(FigureFormatException.class)
			.hasMessageContaining(problem);
	}

	@ParameterizedTest(name = "{0} {1} {2} writes as {3}")
	@CsvSource({
			"467300, 户次, exact, 46.73万户次",
			"10000, 场, 余, 1万余场",
			"206000000, 元, exact, 2.06亿元",
			"98, %, exact, 98%",
			"85, %, 以上, 85%以上",
			"85, %, 余, 85%余",
			"4350000, 人, exact, 435万人",
			"4350000, 人, 余, 435万余人",
			"2260900, 人, exact, 226.09万人",
			"10000000, 人次, 超, 超1000万人次",
			"85000, 户, 近, 近8.5万户",
			"400, 条, 多, 400多条",
			"2914, 个, exact, 2914个",
			"12345, 人, exact, 12345人",
			"5000, 元/人/年, exact, 5000元/人/年",
	})
	void writesFiguresAsReportsDo(String value, String unit, String qualifier, String expected) {
		Amount amount = new Amount(new BigDecimal(value), unit, Qualifier.fromCode(qualifier).orElseThrow());
		assertThat(FigureFormat.write(amount, Locale.SIMPLIFIED_CHINESE)).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0} {1} {2} writes in English as {3}")
	@CsvSource({
			"467300, 户次, exact, '467,300 household-times'",
			"206000000, 元, exact, 206 million yuan",
			"10000, 场, 余, 'over 10,000'",
			"98, %, exact, 98%",
			"85, %, 以上, at least 85%",
			"2260900, 人, exact, '2,260,900 people'",
			"85000, 户, 近, 'nearly 85,000 households'",
	})
	void writesFiguresInEnglish(String value, String unit, String qualifier, String expected) {
		Amount amount = new Amount(new BigDecimal(value), unit, Qualifier.fromCode(qualifier).orElseThrow());
		assertThat(FigureFormat.write(amount, Locale.ENGLISH)).isEqualTo(expected);
	}

	@Test
	void aMissingFigureIsWrittenAsMissingNotZero() {
		assertThat(FigureFormat.write(Amount.missing("个"), Locale.SIMPLIFIED_CHINESE)).isEqualTo("缺失");
		assertThat(FigureFormat.write(Amount.missing("个"), Locale.ENGLISH)).isEqualTo("not available");
	}

	@ParameterizedTest(name = "{0} reads back from what it writes")
	@CsvSource({ "467300, 户次, exact", "10000, 场, 余", "206000000, 元, 近", "12345, 人, 超", "1.5, 人, 约",
			"85, %, 以上", "400, 条, 多" })
	void whatItWritesItReadsBack(String value, String unit, String qualifier) {
		Amount amount = new Amount(new BigDecimal(value), unit, Qualifier.fromCode(qualifier).orElseThrow());
		String written = FigureFormat.write(amount, Locale.SIMPLIFIED_CHINESE);
		ReadNumber read = FigureFormat.read(written.replace(unit, ""));
		assertThat(read.value()).isEqualByComparingTo(amount.value());
		assertThat(read.qualifier()).isEqualTo(amount.qualifier());
	}

	@Test
	void aHeadlineIsRoundedToFourSignificantDigitsInWanAndYi() {
		assertThat(FigureFormat.writeRounded(new Amount(new BigDecimal("249979231"), "人", Qualifier.EXACT), Locale.CHINESE))
			.isEqualTo("2.5亿人");
		assertThat(FigureFormat.writeRounded(new Amount(new BigDecimal("2261234"), "人", Qualifier.YU), Locale.CHINESE))
			.isEqualTo("226.1万余人");
		// Already short as the report wrote it: left alone.
		assertThat(FigureFormat.writeRounded(new Amount(new BigDecimal("2260900"), "人", Qualifier.EXACT), Locale.CHINESE))
			.isEqualTo("226.09万人");
		assertThat(FigureFormat.writeRounded(new Amount(new BigDecimal("249979231"), "人", Qualifier.EXACT), Locale.ENGLISH))
			.isEqualTo("250 million people");
		// Small figures and rates are written as they are.
		assertThat(FigureFormat.writeRounded(new Amount(new BigDecimal("9876"), "个", Qualifier.EXACT), Locale.CHINESE))
			.isEqualTo("9876个");
		assertThat(FigureFormat.writeRounded(new Amount(new BigDecimal("87.32"), "%", Qualifier.EXACT), Locale.CHINESE))
			.isEqualTo("87.32%");
	}


	@ParameterizedTest(name = "{0} with the unit {1} reads as {2} {3}")
	@CsvSource({ "三期, 期, 3, exact", "26.045万元, 元, 260450, exact", "1万余场, 场, 10000, 余", "300个以上, 个, 300, 以上",
			"3200余万元, 元, 32000000, 余", "近千万人次, 人次, 10000000, 近", "三, 期, 3, exact", "85%以上, %, 85, 以上",
			"兩期, 期, 2, exact", "突破5万, 人, 50000, 超" })
	void readsAValueTypedWithTheRowsUnit(String text, String unit, String value, String qualifier) {
		ReadNumber number = FigureFormat.read(text, unit);
		assertThat(number.value()).isEqualByComparingTo(new BigDecimal(value));
		assertThat(number.qualifier().code()).isEqualTo(qualifier);
	}

	@Test
	void aValueTypedWithAnotherUnitIsRefused() {
		assertThatThrownBy(() -> FigureFormat.read("3500人", "人次")).isInstanceOf(FigureFormatException.class);
		assertThatThrownBy(() -> FigureFormat.read("期", "期")).isInstanceOf(FigureFormatException.class);
	}

	@Test
	void findsTupoAsOverAndNotLessThanAsAtLeast() {
		assertThat(FigureFormat.find("会员总数突破5万人").get(0).number().qualifier()).isEqualTo(Qualifier.CHAO);
		assertThat(FigureFormat.find("签订率不低于90%").get(0).number().qualifier()).isEqualTo(Qualifier.YISHANG);
		assertThat(FigureFormat.read("逾3000万").qualifier()).isEqualTo(Qualifier.CHAO);
	}

}
