package org.unionreports.portal.dataimport;

import java.util.List;

import org.junit.jupiter.api.Test;

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

}
