package org.unionreports.portal.region;

import java.util.List;
import java.util.Map;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.text.Transliterator;

/**
 * English names for regions. Provinces and the few names that a plain transliteration gets wrong come from
 * {@code regions/names-en.csv}; the rest are pinyin (ICU's Han-Latin) with the English for the suffix:
 * 碑林区 → Beilin District.
 */
final class RegionNames {

	/** Longest suffix first, so that 自治州 wins over 州. */
	private static final List<Map.Entry<String, String>> SUFFIXES = List.of(
			Map.entry("自治县", "Autonomous County"), Map.entry("自治州", "Autonomous Prefecture"),
			Map.entry("自治旗", "Autonomous Banner"), Map.entry("自治区", "Autonomous Region"),
			Map.entry("新区", "New Area"), Map.entry("林区", "Forestry District"), Map.entry("特区", "Special District"),
			Map.entry("地区", "Prefecture"), Map.entry("矿区", "Mining District"), Map.entry("省", "Province"),
			Map.entry("市", "City"), Map.entry("区", "District"), Map.entry("县", "County"), Map.entry("旗", "Banner"),
			Map.entry("盟", "League"));

	private final Transliterator pinyin = Transliterator.getInstance("Han-Latin; Latin-ASCII");

	private final Map<String, String> curated;

	RegionNames(Map<String, String> curated) {
		this.curated = curated;
	}

	String english(String code, String nameZh) {
		String known = this.curated.get(code);
		if (known != null) {
			return known;
		}
		for (Map.Entry<String, String> suffix : SUFFIXES) {
			String stem = nameZh.substring(0, Math.max(0, nameZh.length() - suffix.getKey().length()));
			if (nameZh.endsWith(suffix.getKey()) && !stem.isEmpty()) {
				return romanise(stem) + " " + suffix.getValue();
			}
		}
		return romanise(nameZh);
	}

	private String romanise(String chinese) {
		String syllables = this.pinyin.transliterate(chinese).replace(" ", "");
		return UCharacter.toTitleCase(syllables, null);
	}

}
