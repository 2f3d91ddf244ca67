package org.unionreports.portal.region;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The federation tree: finding regions, walking up and down, searching by name or code. */
@Service
@Transactional(readOnly = true)
public class RegionTree {

	private static final int SEARCH_LIMIT = 20;

	private final RegionRepository regions;

	private final JdbcClient jdbc;

	RegionTree(RegionRepository regions, JdbcClient jdbc) {
		this.regions = regions;
		this.jdbc = jdbc;
	}

	public Optional<Region> find(String code) {
		return this.regions.findByCode(code);
	}

	public Region national() {
		return find(Region.NATIONAL_CODE).orElseThrow(() -> new IllegalStateException("the regions are not loaded"));
	}

	public List<Region> children(Region region) {
		return this.regions.findChildren(region.getId());
	}

	/** The region's ancestors from the root down to its parent. */
	public List<Region> ancestors(Region region) {
		List<String> codes = new ArrayList<>(List.of(region.getPath().substring(1).split("/")));
		codes.remove(region.getCode());
		return codes.isEmpty() ? List.of() : this.regions.findByCodes(codes);
	}

	/**
	 * Adds a region that has no division code of its own (a functional zone, a grassroots union) under
	 * {@code parent}, giving it a portal code: a letter for its level, the parent's code and a number,
	 * e.g. {@code Z321100-01} for the first zone added under 镇江市.
	 */
	@Transactional
	public Region addWithOwnCode(Region parent, String nameZh, String nameEn, RegionLevel level) {
		if (level != RegionLevel.ZONE && level != RegionLevel.GRASSROOTS) {
			throw new IllegalArgumentException("only zones and grassroots unions get codes of their own, not " + level);
		}
		String prefix = level.name().charAt(0) + parent.getCode() + "-";
		int taken = this.jdbc.sql("select count(*) from region where code like :prefix")
			.param("prefix", prefix + "%")
			.query(Integer.class)
			.single();
		String code = prefix + String.format(Locale.ROOT, "%02d", taken + 1);
		this.jdbc.sql("insert into region (code, name_zh, name_en, level, parent_id, path, division_code) "
				+ "values (:code, :nameZh, :nameEn, :level, :parent, :path, false)")
			.param("code", code)
			.param("nameZh", nameZh.strip())
			.param("nameEn", nameEn == null || nameEn.isBlank() ? nameZh.strip() : nameEn.strip())
			.param("level", level.name())
			.param("parent", parent.getId())
			.param("path", parent.getPath() + code + "/")
			.update();
		return find(code).orElseThrow();
	}

	/**
	 * Regions whose code starts with the query or whose Chinese or English name contains it, the higher
	 * levels first.
	 */
	public List<Region> search(String query) {
		String wanted = query == null ? "" : query.strip();
		if (wanted.isEmpty()) {
			return List.of();
		}
		String like = "%" + escapeLike(wanted.toLowerCase(Locale.ROOT)) + "%";
		List<Long> ids = this.jdbc.sql("""
				select id from region
				where code like :codePrefix escape '\\' or name_zh like :like escape '\\'
				   or lower(name_en) like :like escape '\\'
				order by length(path), code
				limit :limit""")
			.param("codePrefix", escapeLike(wanted) + "%")
			.param("like", like)
			.param("limit", SEARCH_LIMIT)
			.query(Long.class)
			.list();
		java.util.Map<Long, Region> found = new java.util.HashMap<>();
		this.regions.findWithParent(ids).forEach(region -> found.put(region.getId(), region));
		return ids.stream().map(found::get).toList();
	}

	private static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

}
