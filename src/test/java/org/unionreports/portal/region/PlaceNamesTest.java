package org.unionreports.portal.region;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The place names the password rules refuse: made from the region files, kept made ahead. */
class PlaceNamesTest {

	static final String HEADER = """
			# The names of the regions in regions/*.csv in Latin letters, best known first: made by PlaceNames
			# (ICU's Han-Latin) and kept here because that takes more than a second at every start. PlaceNamesTest
			# fails when the region files give another list, and writes that list to target/names-pinyin.txt.
			""";

	@Test
	void theListKeptMatchesTheRegionFiles() throws IOException {
		List<String> made = PlaceNames.transliterate();
		if (!made.equals(PlaceNames.inLatinLetters())) {
			List<String> lines = new ArrayList<>(HEADER.lines().toList());
			lines.addAll(made);
			Path fresh = Path.of("target", "names-pinyin.txt");
			Files.write(fresh, lines, StandardCharsets.UTF_8);
			assertThat(PlaceNames.inLatinLetters()).as("src/main/resources/" + PlaceNames.RESOURCE
					+ " is out of date with the region files; copy " + fresh.toAbsolutePath() + " over it")
				.isEqualTo(made);
		}
	}

	@Test
	void provincesComeFirstWithoutTheirSuffixOrTheirPeople() {
		assertThat(PlaceNames.inLatinLetters().subList(0, 80)).contains("beijing", "shanghai", "xinjiang", "guangxi",
				"ningxia", "neimenggu", "innermongolia", "xizang", "tibet", "shaanxi", "shanxi", "guangdong",
				"guangdongsheng");
		assertThat(PlaceNames.inLatinLetters()).contains("xian", "chengdu", "changsha", "xiamen", "beilin", "enshi",
				"yanbian", "haixi", "bayinguoleng");
	}

	@Test
	void aSuffixOrAPeopleIsTakenOffOnlyWhereAPlaceNameIsLeft() {
		assertThat(PlaceNames.stem("新疆维吾尔自治区")).isEqualTo("新疆");
		assertThat(PlaceNames.stem("恩施土家族苗族自治州")).isEqualTo("恩施");
		assertThat(PlaceNames.stem("海西蒙古族藏族自治州")).isEqualTo("海西");
		assertThat(PlaceNames.stem("内蒙古自治区")).isEqualTo("内蒙古");
		assertThat(PlaceNames.stem("白水县")).isEqualTo("白水");
		assertThat(PlaceNames.stem("城区")).isEqualTo("城区");
	}

}
