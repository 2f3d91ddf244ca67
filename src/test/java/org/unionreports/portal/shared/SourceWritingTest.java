package org.unionreports.portal.shared;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** A report's figure written as the report wrote it, or (empty) left to FigureFormat. */
class SourceWritingTest {

	@ParameterizedTest(name = "{0} + {2} ({1}, {3}) in \"{4}\" is written {5}")
	@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
			3200余万   | 32000000  | 元   | 余    | -                        | 3200余万元
			3200余     | 32000000  | 元   | 余    | -                        | 3200余万元
			近千万     | 10000000  | 元   | 近    | -                        | 近千万元
			近千       | 10000000  | 元   | 近    | -                        | 近千万元
			26.045万   | 260450    | 元   | exact | -                        | 26.045万元
			三         | 3         | 期   | exact | -                        | 三期
			三期       | 3         | 期   | exact | -                        | 三期
			3200余万元 | 32000000  | 元   | 余    | -                        | 3200余万元
			140家以上  | 140       | 家   | 以上  | -                        | 140家以上
			达3.1亿    | 310000000 | 元   | exact | 消费金额达3.1亿元        | 3.1亿元
			达到85%以上 | 85       | %    | 以上  | -                        | 85%以上
			85%以上    | 85        | %    | 以上  | -                        | 85%以上
			85         | 85        | %    | 以上  | 竞赛覆盖面达到85%以上    | 85%以上
			85         | 85        | %    | 余    | -                        | 85%余
			85余%      | 85        | %    | 余    | -                        | 85%余
			1萬        | 10000     | 场   | 余    | 主題宣傳教育活動(dòng)1萬(wàn)余場 | 1万余场
			21.2萬     | 212000    | 个   | 余    | 創(chuàng )新成果共計21.2萬(wàn)余個 | 21.2万余个
			1190万     | 11900000  | 元   | 余    | 投入1190余万元           | 1190余万元
			3000万     | 30000000  | 元   | 多    | 筹集资金3000多万元       | 3000多万元
			3000万     | 30000000  | 元   | 多    | -                        |
			190万      | 1900000   | 元   | 余    | 投入1190余万元           |
			千         | 1000      | 场次 | 以上  | 竞赛活动上千场次         | 上千场次
			千         | 1000      | 场次 | 以上  | -                        |
			140        | 140       | 家   | 以上  | -                        | 140家以上
			8.5万      | 85000     | 户   | 近    | -                        | 近8.5万户
			萬         | 10000     | 家   | 近    | 近萬(wàn)家企業         | 近万家
			1000萬     | 10000000  | 人次 | 超    | 覆蓋職工超1000萬(wàn)人次 | 超1000万人次
			1000万     | 10000000  | 人次 | 超    | 覆盖职工超过1000万人次   | 超过1000万人次
			百         | 100       | 名   | 余    | 百余名工人               | 百余名
			500        | 500       | 场   | 多    | -                        | 500多场
			１２３      | 123       | 项   | exact | -                        | 123项
			1000       | 1000      | 人   | 约    | 1000人左右               | 1000人左右
			1.2亿      | 120000000 | 元   | exact | -                        | 1.2亿元
			1.2亿      | 12000000  | 元   | exact | -                        |
			近千万     | 10000000  | 元   | 余    | -                        |
			?2         | 2         | 个   | exact | -                        |
			-          | 2         | 个   | exact | -                        |
			85%        | 0.85      | 个   | exact | -                        |
			""")
	void writesTheFigureAsItsReportDid(String numberText, String value, String unit, String qualifier, String quote,
			String expected) {
		Amount amount = new Amount(new BigDecimal(value), unit, Qualifier.fromCode(qualifier).orElseThrow());
		// no expectation: the source cannot say it, and FigureFormat.write is used instead
		assertThat(SourceWriting.of(numberText, amount, quote)).isEqualTo(Optional.ofNullable(expected));
	}

	@Test
	void whatTheSourceCannotSayIsLeftToThePortalsOwnWriting() {
		Amount amount = new Amount(new BigDecimal("30000000"), "元", Qualifier.DUO);
		assertThat(SourceWriting.write("3000万", amount, null, Locale.SIMPLIFIED_CHINESE)).isEqualTo("3000万多元");
		assertThat(SourceWriting.write("3000万", amount, "筹集资金3000多万元", Locale.SIMPLIFIED_CHINESE))
			.isEqualTo("3000多万元");
		assertThat(SourceWriting.write("3000多万", amount, null, Locale.ENGLISH)).isEqualTo("over 30 million yuan");
		assertThat(SourceWriting.write(null, Amount.missing("个"), null, Locale.SIMPLIFIED_CHINESE)).isEqualTo("缺失");
	}

}
