package org.unionreports.portal.dataimport;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.unionreports.portal.PortalTest;
import org.unionreports.portal.dataimport.FigureExtractor.Proposal;

import static org.assertj.core.api.Assertions.assertThat;

/** The extraction rules, on sentences written for the test (not taken from the seeds). */
@PortalTest
class FigureExtractorTest {

	@Autowired
	FigureExtractor extractor;

	@Autowired
	JdbcClient jdbc;

	private List<Proposal> figures(String text) {
		return this.extractor.extract(text, "导语").figures();
	}

	@ParameterizedTest(name = "{0} → {1} {2} {3}")
	@CsvSource(delimiter = '|', value = {
			"全年举办培训班12期。|12|exact|期",
			"培训职工3500人次。|3500|exact|人次",
			"累计投入帮扶资金1190余万元。|11900000|余|元",
			"集体合同签订率保持在85%以上。|85|以上|%",
			"服務職工134萬余人。|1340000|余|人",
			"带动46.6万女职工参加体检。|466000|exact|人",
			"法律服务近千万人次。|10000000|近|人次",
			"发放救助金5000元/人/年。|5000|exact|元/人/年",
			"命名“五一劳动奖章”获得者528名。|528|exact|名",
			"建成职工之家１２０个。|120|exact|个",
			"组织开展上千场次竞赛。|1000|以上|场次",
	})
	void findsAFigureWithItsValueQualifierAndUnit(String text, String value, String qualifier, String unit) {
		List<Proposal> found = figures(text);
		assertThat(found).hasSize(1);
		Proposal figure = found.get(0);
		assertThat(figure.amount().value()).isEqualByComparingTo(value);
		assertThat(figure.amount().qualifier().code()).isEqualTo(qualifier);
		assertThat(figure.amount().unit()).isEqualTo(unit);
		assertThat(text.substring(figure.start(), figure.end())).isEqualTo(figure.text());
	}

	@ParameterizedTest(name = "nothing in: {0}")
	@ValueSource(strings = { "2023年8月20日召开第十三次代表大会。", "贯彻党的二十大精神，谋划“十四五”发展。", "开展“四史”教育和“五个坚决”活动。",
			"培养一批骨干，组建一支队伍。", "千名劳模进企业活动广受好评。", "2018—2022年，五年来工作成效显著。", "两癌筛查和八大群体入会。" })
	void proposesNoDatesOrdinalsNamesOrArticles(String text) {
		assertThat(figures(text)).isEmpty();
	}

	@Test
	void spansPointIntoTheOriginalTextDespiteItsWebNoise() {
		String text = "基層工會(huì )組織建設躍上新臺階\n工會(huì )會(huì )員435萬(wàn)余人。";
		Proposal figure = figures(text).get(0);
		assertThat(figure.text()).isEqualTo("435萬余人");
		assertThat(text.substring(figure.start(), figure.end())).isEqualTo("435萬(wàn)余人");
		assertThat(figure.numberText()).isEqualTo("435萬余");
		assertThat(figure.amount().value()).isEqualByComparingTo("4350000");
		assertThat(figure.metric().getKey()).isEqualTo("members");
		assertThat(figure.section()).isEqualTo("基層工會組織建設躍上新臺階");
	}

	@Test
	void aNumberWhoseLeadingDigitsWereLostIsProposedWithoutAValue() {
		Proposal figure = figures("推荐全國五一勞動獎?wù)?2個。").get(0);
		assertThat(figure.amount().isMissing()).isTrue();
		assertThat(figure.amount().unit()).isEqualTo("个");
	}

	@Test
	void aFigureMatchesItsCatalogueMetricOrKeepsALabel() {
		List<Proposal> found = figures("全区已建立基层工会组织3.9万个，建成户外劳动者服务站点2914个，发放暖心礼包300余份。");
		assertThat(found).extracting(p -> p.metric() == null ? "label:" + p.label() : p.metric().getKey())
			.containsExactly("grassroots_unions", "outdoor_worker_stations", "label:暖心礼包");
	}

	@Test
	void aLabelStaffMappedToAMetricMapsAgainWithThatReason() {
		assertThat(figures("全年吸纳职工入会8800人。").get(0).metric()).isNull();
		this.jdbc.sql("""
				insert into figure_label (name_zh, unit, family, kind, mapped_metric_id)
				select '吸纳职工入会', '人', 'membership', 'flow', id from metric where key = 'new_members'
				on conflict (name_zh, unit) do update set mapped_metric_id = excluded.mapped_metric_id""").update();
		Proposal figure = figures("全年吸纳职工入会8800人。").get(0);
		assertThat(figure.label()).isEqualTo("吸纳职工入会");
		assertThat(figure.metric().getKey()).isEqualTo("new_members");
		assertThat(figure.reason().key()).isEqualTo("extract.mapping.confirmed");
	}


	@Test
	void aLabelKeepsTheWordThatSaysWhatAGenericNounIs() {
		// 筹集 opens the clause and goes; 帮扶 stays, or the label would be a bare 资金
		Proposal funds = figures("全年筹集帮扶资金3200余万元。").get(0);
		assertThat(funds.label()).isEqualTo("帮扶资金");
		assertThat(funds.metric().getKey()).isEqualTo("aid_funds");
	}

}
