package org.unionreports.portal.region;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads China's provinces, prefectures and county-level divisions (the {@code regions/} files copied from
 * the National Bureau of Statistics' codes) into an empty region table, under a national root 000000.
 * The city file's grouping rows (市辖区, 县, 省直辖县级行政区划) are not regions: what is under them hangs
 * directly under the province.
 */
@Component
public class RegionLoader {

	private static final Logger log = LoggerFactory.getLogger(RegionLoader.class);

	static final Set<String> GROUPING_NAMES = Set.of("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划");

	private static final String ZONE_NAME = ".*(新区|开发区|高新区|高新技术产业开发区|经济技术开发区|管理区|园区)$";

	private final JdbcTemplate jdbc;

	RegionLoader(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** @return how many regions were loaded; none when the table already has regions */
	@Transactional
	public int loadIfEmpty() {
		Integer existing = this.jdbc.queryForObject("select count(*) from region", Integer.class);
		if (existing != null && existing > 0) {
			return 0;
		}
		RegionNames names = new RegionNames(curatedEnglishNames());
		List<Row> rows = new ArrayList<>();
		rows.add(new Row(Region.NATIONAL_CODE, "全国", RegionLevel.NATIONAL, null));
		Map<String, String> provinceOfCity = new HashMap<>();
		Set<String> groupingCities = new java.util.HashSet<>();
		for (CSVRecord province : read("regions/provinces.csv")) {
			rows.add(new Row(province.get("code") + "0000", province.get("name"), RegionLevel.PROVINCE,
					Region.NATIONAL_CODE));
		}
		for (CSVRecord city : read("regions/cities.csv")) {
			String provinceCode = city.get("provinceCode") + "0000";
			provinceOfCity.put(city.get("code"), provinceCode);
			if (GROUPING_NAMES.contains(city.get("name"))) {
				groupingCities.add(city.get("code"));
				continue;
			}
			rows.add(new Row(city.get("code") + "00", city.get("name"), RegionLevel.PREFECTURE, provinceCode));
		}
		for (CSVRecord area : read("regions/areas.csv")) {
			String cityCode = area.get("cityCode");
			if (area.get("code").equals(cityCode + "00")) {
				continue; // a prefecture-level city without counties (东莞市) repeats itself as an area
			}
			String parent = groupingCities.contains(cityCode) ? provinceOfCity.get(cityCode) : cityCode + "00";
			RegionLevel level = area.get("name").matches(ZONE_NAME) ? RegionLevel.ZONE : RegionLevel.COUNTY;
			rows.add(new Row(area.get("code"), area.get("name"), level, parent));
		}
		insert(rows, names);
		log.info("Loaded {} regions", rows.size());
		return rows.size();
	}

	private void insert(List<Row> rows, RegionNames names) {
		Map<String, String> pathOf = new HashMap<>();
		List<Object[]> batch = new ArrayList<>(rows.size());
		for (Row row : rows) {
			String path = (row.parentCode() == null ? "/" : pathOf.get(row.parentCode())) + row.code() + "/";
			pathOf.put(row.code(), path);
			batch.add(new Object[] { row.code(), row.nameZh(), names.english(row.code(), row.nameZh()),
					row.level().name(), row.parentCode(), path });
		}
		// Rows come parents first, so each parent exists when its children are inserted.
		for (RegionLevel level : RegionLevel.values()) {
			List<Object[]> ofLevel = batch.stream().filter(values -> values[3].equals(level.name())).toList();
			this.jdbc.batchUpdate("""
					insert into region (code, name_zh, name_en, level, parent_id, path, division_code)
					values (?, ?, ?, ?, (select id from region where code = ?), ?, true)""", ofLevel);
		}
	}

	private static Map<String, String> curatedEnglishNames() {
		Map<String, String> names = new HashMap<>();
		for (CSVRecord record : read("regions/names-en.csv")) {
			names.put(record.get("code"), record.get("name_en"));
		}
		return names;
	}

	private static List<CSVRecord> read(String resource) {
		try (InputStream in = new ClassPathResource(resource).getInputStream();
				Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
			return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + resource, ex);
		}
	}

	private record Row(String code, String nameZh, RegionLevel level, String parentCode) {
	}

}
