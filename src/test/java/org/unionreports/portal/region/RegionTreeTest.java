package org.unionreports.portal.region;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import org.unionreports.portal.PortalTest;

import static org.assertj.core.api.Assertions.assertThat;

@PortalTest
class RegionTreeTest {

	@Autowired
	RegionTree tree;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Test
	void loadsTheCountryItsProvincesPrefecturesAndCounties() {
		assertThat(this.tree.children(this.tree.national())).hasSize(31);
		// 1 root + 31 provinces + 333 prefectures + 2975 county-level divisions (groupings and repeats left out);
		// other tests add regions of their own, which have no division code.
		assertThat(this.jdbc.sql("select count(*) from region where division_code or code = '000000'")
			.query(Integer.class).single()).isEqualTo(3340);
	}

	@Test
	void groupingRowsAreNotRegionsWhatIsUnderThemBelongsToTheProvince() {
		Region dongcheng = this.tree.find("110101").orElseThrow();
		assertThat(dongcheng.getPath()).isEqualTo("/000000/110000/110101/");
		assertThat(this.tree.find("110100")).isEmpty();
	}

	@Test
	void aCountyHangsUnderItsPrefectureWithAPathFromTheRoot() {
		Region jinghong = this.tree.find("532801").orElseThrow();
		assertThat(jinghong.getPath()).isEqualTo("/000000/530000/532800/532801/");
		assertThat(this.tree.ancestors(jinghong)).extracting(Region::getCode)
			.containsExactly("000000", "530000", "532800");
		assertThat(jinghong.getNameEn()).isEqualTo("Jinghong City");
	}

	@Test
	void functionalZonesAreKeptAsZones() {
		Region zone = this.tree.find("321171").orElseThrow();
		assertThat(zone.getLevel()).isEqualTo(RegionLevel.ZONE);
		assertThat(zone.getParent().getCode()).isEqualTo("321100");
	}

	@Test
	@org.springframework.transaction.annotation.Transactional
	void aRegionWithoutADivisionCodeGetsACodeOfItsOwnUnderItsParent() {
		Region zhenjiang = this.tree.find("321100").orElseThrow();
		Region first = this.tree.addWithOwnCode(zhenjiang, "镇江高新区", "Zhenjiang High-tech Zone", RegionLevel.ZONE);
		Region second = this.tree.addWithOwnCode(zhenjiang, "镇江开发区", null, RegionLevel.ZONE);
		assertThat(first.getCode()).isEqualTo("Z321100-01");
		assertThat(second.getCode()).isEqualTo("Z321100-02");
		assertThat(first.isDivisionCode()).isFalse();
		assertThat(first.getPath()).isEqualTo("/000000/320000/321100/Z321100-01/");
		assertThat(this.tree.search("镇江高新")).extracting(Region::getCode).contains("Z321100-01");
	}

	@Test
	void searchFindsByChineseNameEnglishNameAndCode() {
		assertThat(this.tree.search("西双版纳")).extracting(Region::getCode).contains("532800");
		assertThat(this.tree.search("xishuangbanna")).extracting(Region::getCode).contains("532800");
		assertThat(this.tree.search("6101")).extracting(Region::getCode).first().isEqualTo("610100");
		assertThat(this.tree.search("%")).isEmpty();
	}

}
