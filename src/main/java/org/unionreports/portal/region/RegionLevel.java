package org.unionreports.portal.region;

/** The tiers of the union federation tree (组织层级). */
public enum RegionLevel {

	/** 全国总工会. */
	NATIONAL,
	/** 省/自治区/直辖市. */
	PROVINCE,
	/** 地级市/自治州/地区/盟. */
	PREFECTURE,
	/** 县/区/县级市/旗. */
	COUNTY,
	/** 新区, 开发区, 高新区: functional zones, often without a division code of their own. */
	ZONE,
	/** 基层工会. */
	GRASSROOTS;

	public String messageKey() {
		return "region.level." + name().toLowerCase();
	}

}
