package org.unionreports.portal.dataimport;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.unionreports.portal.report.ReportEntry.SectionText;

import static org.assertj.core.api.Assertions.assertThat;

class ReportTextTest {

	@Test
	void removesPinyinReadingsLeftByWebPages() {
		assertThat(ReportText.clean("自治區工會(huì )第十三次代表大會(huì )在烏魯木齊召開(kāi)。"))
			.isEqualTo("自治區工會第十三次代表大會在烏魯木齊召開。");
		assertThat(ReportText.clean("(相關資料圖)")).isEqualTo("(相關資料圖)");
	}

	@Test
	void splitsAtHeadingsKeepingTheLeadAndEveryParagraph() {
		String text = """
				一段导语,说明五年来的工作。

				思想政治引领凝聚新动能

				开展主题宣传教育活动1万余场,覆盖职工超1000万人次。

				第二段正文。
				photo.jpg
				搭建平台 创新载体
				服务发展大局作出新贡献
				竞赛覆盖面达到85%以上。
				微博
				Top
				""";
		List<SectionText> sections = ReportText.sections(text, "标题", "导语");
		assertThat(sections).extracting(SectionText::heading)
			.containsExactly("导语", "思想政治引领凝聚新动能", "服务发展大局作出新贡献");
		assertThat(sections.get(1).narrative()).isEqualTo("开展主题宣传教育活动1万余场,覆盖职工超1000万人次。\n\n第二段正文。");
		assertThat(sections.get(2).narrative()).isEqualTo("搭建平台 创新载体\n\n竞赛覆盖面达到85%以上。");
	}


	@Test
	void findsNumberedAndSloganHeadingsButNotBylinesBreadcrumbsOrCaptions() {
		String text = """
				首页 > 新闻中心 > 正文
				2024-01-15 09:30 来源：市总工会
				一年来，全市工会围绕中心、服务大局。
				一、强基础固根本，组织建设全面加强
				全年新建基层工会120家，发展会员5000人。
				图为劳模工匠进校园活动现场 张明 摄
				（二）职工服务提质增效
				建成职工驿站36个。
				2．深化产业工人队伍建设改革
				培育创新工作室12个。
				维权服务、暖心帮扶
				帮扶困难职工3200户次。
				（相关资料图）
				全年实现“两节”送温暖全覆盖。
				""";
		List<ReportText.Part> parts = ReportText.outline(text, null, "导语");
		assertThat(parts).extracting(ReportText.Part::heading)
			.containsExactly("导语", "一、强基础固根本，组织建设全面加强", "（二）职工服务提质增效", "2．深化产业工人队伍建设改革",
					"维权服务、暖心帮扶");
		assertThat(parts.get(0).narrative()).doesNotContain("首页").contains("一年来");
		assertThat(text.substring(parts.get(1).start())).startsWith("一、强基础固根本");
		assertThat(parts.get(1).narrative()).contains("图为劳模工匠进校园活动现场");
	}

	@ParameterizedTest(name = "not a heading: {0}")
	@ValueSource(strings = { "首页 > 新闻 > 正文", "图为职工书屋揭牌仪式", "记者 王颖 通讯员 李强", "王颖 摄", "新华社供图", "2023年5月12日",
			"一、全年新建工会120家，发展会员5000人。", "全年新建工会120家，发展会员5000人" })
	void isNotAHeading(String line) {
		assertThat(ReportText.isHeading(line)).isFalse();
	}

}
