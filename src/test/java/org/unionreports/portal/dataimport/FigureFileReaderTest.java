package org.unionreports.portal.dataimport;

import java.io.StringReader;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import org.unionreports.portal.PortalTest;
import org.unionreports.portal.shared.Qualifier;

import static org.assertj.core.api.Assertions.assertThat;

@PortalTest
class FigureFileReaderTest {

	@Autowired
	FigureFileReader reader;

	private FigureSheet read(String csv) {
		return this.reader.read(new StringReader(csv));
	}

	@Test
	void readsCatalogueMetricsLongTailLabelsAndChineseValues() {
		FigureSheet sheet = read("""
				\uFEFFmetric_zh,unit,value,qualifier,period,kind,family,extra
				工会会员数,名,435万余,,2018-2022,stock,membership,ignored
				帮扶资金,万元,1.4,exact,,flow,aid,
				某项新工作,项,三,,,,,
				""");
		assertThat(sheet.problems()).isEmpty();
		assertThat(sheet.figures()).hasSize(3);
		var members = sheet.figures().get(0);
		assertThat(members.metric().getKey()).isEqualTo("members");
		assertThat(members.amount().value()).isEqualByComparingTo("4350000");
		assertThat(members.amount().qualifier()).isEqualTo(Qualifier.YU);
		var aid = sheet.figures().get(1);
		assertThat(aid.amount().value()).isEqualByComparingTo("14000");
		assertThat(aid.amount().unit()).isEqualTo("元");
		var longTail = sheet.figures().get(2);
		assertThat(longTail.metric()).isNull();
		assertThat(longTail.longTail().nameZh()).isEqualTo("某项新工作");
		assertThat(longTail.amount().value()).isEqualByComparingTo("3");
	}

	@Test
	void namesTheLineAndColumnOfEveryProblem() {
		FigureSheet sheet = read("""
				metric_zh,unit,value,qualifier,period
				工会会员数,人次,100,,
				集体合同签订率,%,120,,
				某指标,个,2.0.6亿,,
				某指标二,个,5,大概,
				某指标三,个,5,,2022-2018
				某指标四,,5,,
				""");
		assertThat(sheet.figures()).isEmpty();
		assertThat(sheet.problems()).extracting(ImportProblem::line, ImportProblem::column)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(2, "unit"), org.assertj.core.groups.Tuple.tuple(3, "value"),
					org.assertj.core.groups.Tuple.tuple(4, "value"), org.assertj.core.groups.Tuple.tuple(5, "qualifier"),
					org.assertj.core.groups.Tuple.tuple(6, "period"), org.assertj.core.groups.Tuple.tuple(7, "unit"));
		assertThat(sheet.problems().get(0).message()).contains("人次").contains("工会会员数");
		assertThat(sheet.problems().get(1).message()).contains("above the most").contains("100");
		assertThat(sheet.problems().get(2).message()).contains("two decimal points");
	}

	@Test
	void keepsAFigureWhoseSourceLostItsNumberAsMissing() {
		FigureSheet sheet = read("""
				metric_zh,unit,number_text,value,note
				全国五一劳动奖章数,个,?2,,garbled
				""");
		assertThat(sheet.problems()).isEmpty();
		assertThat(sheet.figures().get(0).amount().isMissing()).isTrue();
		assertThat(sheet.figures().get(0).note()).isEqualTo("garbled");
	}

	@Test
	void refusesAFileWithoutTheRequiredColumns() {
		FigureSheet sheet = read("name,amount\n会员,5\n");
		assertThat(sheet.isValid()).isFalse();
		assertThat(sheet.problems()).extracting(ImportProblem::column).containsExactly("metric_zh", "unit", "value");
	}

}
