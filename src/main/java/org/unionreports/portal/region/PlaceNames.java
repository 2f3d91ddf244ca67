package org.unionreports.portal.region;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.ibm.icu.text.Transliterator;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import org.springframework.core.io.ClassPathResource;

/**
 * The names of China's provinces, prefectures and counties as people type them in Latin letters, the
 * best-known first: 新疆维吾尔自治区 → xinjiang, 西安市 → xian, 碑林区 → beilin (and the full forms such as
 * xianshi), for the password rules, which must know that a place name is a guessable word. They are made
 * from the same {@code regions/} files the region table is loaded from, with ICU's Han-Latin; because that
 * transliterator takes more than a second to start, the list is made ahead and kept in
 * {@value #RESOURCE}, and {@code PlaceNamesTest} fails when it no longer matches the region files.
 */
public final class PlaceNames {

	static final String RESOURCE = "regions/names-pinyin.txt";

	/**
	 * Characters that ICU reads otherwise than place names do (成都 is chengdu, not chengdou; 长沙 changsha,
	 * 西藏 xizang, 厦门 xiamen).
	 */
	private static final Map<Character, String> READINGS = Map.of('长', "chang", '都', "du", '藏', "zang", '厦', "xia",
			'重', "chong", '蚌', "beng", '番', "pan", '单', "shan", '乐', "le", '蔚', "yu");

	/** Longest first, so that 自治州 is taken off before 州 could be. */
	private static final List<String> SUFFIXES = List.of("特别行政区", "自治区", "自治州", "自治县", "自治旗", "新区", "林区",
			"特区", "地区", "矿区", "省", "市", "区", "县", "旗", "盟");

	/**
	 * The peoples an autonomous region is named for, after its place: 新疆维吾尔 → 新疆, 恩施土家族苗族 → 恩施. A
	 * people of one character is taken off only with its 族, so that 白水 stays 白水.
	 */
	private static final Pattern PEOPLE = Pattern.compile("((维吾尔|哈萨克|柯尔克孜|塔吉克|乌孜别克|塔塔尔|俄罗斯|鄂温克|"
			+ "鄂伦春|达斡尔|蒙古|布依|朝鲜|土家|哈尼|傈僳|高山|拉祜|东乡|纳西|景颇|仫佬|布朗|撒拉|毛南|仡佬|锡伯|阿昌|普米|德昂|"
			+ "保安|裕固|独龙|赫哲|门巴|珞巴|基诺)族?|[回藏苗彝壮满侗瑶白傣黎佤畲水土羌怒京]族)$");

	/** The English names of regions/names-en.csv, less what says the kind of region or its people. */
	private static final Pattern ENGLISH_NOISE = Pattern.compile(
			"\\b(province|municipality|autonomous|region|prefecture|city|district|county|new area|special|"
					+ "administrative|zhuang|hui|uygur|dai|\\(national\\))\\b");

	private PlaceNames() {
	}

	/** Lower-case ASCII words, each once: provinces first, then prefectures, then counties. */
	public static List<String> inLatinLetters() {
		try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
				.filter(line -> !line.isBlank() && !line.startsWith("#"))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + RESOURCE, ex);
		}
	}

	/** The list of {@link #inLatinLetters()}, made from the region files. */
	static List<String> transliterate() {
		Transliterator latin = Transliterator.getInstance("Han-Latin; Latin-ASCII");
		Set<String> words = new LinkedHashSet<>();
		for (CSVRecord english : read("regions/names-en.csv")) {
			if (!english.get("code").equals(Region.NATIONAL_CODE)) {
				add(words, ENGLISH_NOISE.matcher(english.get("name_en").toLowerCase(Locale.ROOT)).replaceAll(" "));
			}
		}
		// Level by level, and within a level the short names (xian) before the full ones (xianshi).
		for (String file : List.of("regions/provinces.csv", "regions/cities.csv", "regions/areas.csv")) {
			List<String> names = read(file).stream()
				.map(region -> region.get("name"))
				.filter(name -> !RegionLoader.GROUPING_NAMES.contains(name))
				.toList();
			names.forEach(name -> add(words, latin.transliterate(withReadings(stem(name)))));
			names.forEach(name -> add(words, latin.transliterate(withReadings(name))));
		}
		return List.copyOf(words);
	}

	/** 西安市 → 西安, 新疆维吾尔自治区 → 新疆; a name that would be left with one character keeps its suffix. */
	static String stem(String name) {
		String stem = name;
		for (String suffix : SUFFIXES) {
			if (stem.endsWith(suffix) && stem.length() - suffix.length() >= 2) {
				stem = stem.substring(0, stem.length() - suffix.length());
				break;
			}
		}
		if (!name.contains("自治")) {
			return stem;
		}
		Matcher people = PEOPLE.matcher(stem);
		while (people.find() && people.start() >= 2) {
			stem = stem.substring(0, people.start());
			people = PEOPLE.matcher(stem);
		}
		return stem;
	}

	private static String withReadings(String name) {
		StringBuilder latin = new StringBuilder();
		for (char c : name.toCharArray()) {
			String reading = READINGS.get(c);
			latin.append(reading == null ? String.valueOf(c) : " " + reading + " ");
		}
		return latin.toString();
	}

	private static void add(Set<String> words, String latin) {
		String word = latin.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
		if (word.length() >= 3) {
			words.add(word);
		}
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

}
