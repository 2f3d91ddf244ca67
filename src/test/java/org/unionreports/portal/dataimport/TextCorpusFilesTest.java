package org.unionreports.portal.dataimport;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import org.unionreports.portal.dataimport.TextCorpus.Gold;
import org.unionreports.portal.dataimport.TextCorpus.Paragraph;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The held-out corpus itself is sound: every gold figure stands in its paragraph, its value is a plain number,
 * its qualifier and metric are real, and every paragraph goes to a region of its own. A slip here would score
 * the portal against a wrong answer, so this runs without a database, in milliseconds.
 */
class TextCorpusFilesTest {

	private static final Pattern METRIC_KEY = Pattern.compile("^\\('([a-z_]+)'|^select '([a-z_]+)'", Pattern.MULTILINE);

	private static final Pattern YEAR_OR_SPAN = Pattern.compile("(19|20|21)\\d\\d(-(19|20|21)\\d\\d)?");

	private static final Pattern PINYIN = Pattern.compile("\\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü ]+\\)");

	/** Characters only the traditional script writes (their simplified forms differ). */
	private static final Pattern TRADITIONAL = Pattern.compile("[會總職個萬項業國勞發動場員組織]");

	@Test
	void theIndexListsEveryParagraphAndEachHasItsGold() throws IOException {
		Set<String> files = new HashSet<>();
		for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath:corpus/*.txt")) {
			files.add(resource.getFilename().replaceFirst("\\.txt$", ""));
		}
		List<String> indexed = TextCorpus.paragraphs().stream().map(Paragraph::name).toList();
		assertThat(indexed).doesNotHaveDuplicates();
		assertThat(files).containsExactlyInAnyOrderElementsOf(indexed);
		assertThat(indexed).as("the issue asks for at least 40 paragraphs").hasSizeGreaterThanOrEqualTo(44);
		for (String name : indexed) {
			assertThat(name).matches("\\d\\d-[a-z0-9-]+");
			List<String> header = TextCorpus.header(TextCorpus.read(TextCorpus.DIRECTORY + name + ".gold.csv"));
			List<String> expected = new ArrayList<>(TextCorpus.GOLD_COLUMNS);
			if (header.contains("occurrence")) {
				expected.add("occurrence");
			}
			assertThat(header).as(name).containsExactlyElementsOf(expected);
		}
	}

	@Test
	void everyGoldFigureStandsInItsParagraphWithoutOverlappingAnother() {
		for (Paragraph paragraph : TextCorpus.paragraphs()) {
			assertThat(paragraph.gold()).as(paragraph.name() + " has gold figures").isNotEmpty();
			List<Gold> gold = paragraph.gold();
			for (Gold row : gold) {
				assertThat(row.start()).as(paragraph.name() + " line " + row.line() + ": 「" + row.text() + "」 occurrence "
						+ row.occurrence() + " is in the text").isGreaterThanOrEqualTo(0);
				assertThat(paragraph.text().substring(row.start(), row.end())).isEqualTo(row.text());
				if (row.occurrence() == 1) {
					assertThat(paragraph.text().indexOf(row.text(), row.start() + 1))
						.as(paragraph.name() + " line " + row.line() + ": 「" + row.text()
								+ "」 repeats, so the row must say which occurrence it means")
						.isNegative();
				}
			}
			// Spans that overlap would let one stored figure count for two gold rows.
			for (int i = 0; i < gold.size(); i++) {
				for (int j = i + 1; j < gold.size(); j++) {
					assertThat(gold.get(i).overlaps(gold.get(j).start(), gold.get(j).end()))
						.as(paragraph.name() + ": 「" + gold.get(i).text() + "」 and 「" + gold.get(j).text() + "」 overlap")
						.isFalse();
				}
			}
		}
	}

	@Test
	void valuesQualifiersTargetsAndPeriodsAreWellFormed() {
		for (Paragraph paragraph : TextCorpus.paragraphs()) {
			for (Gold row : paragraph.gold()) {
				String where = paragraph.name() + " line " + row.line() + " 「" + row.text() + "」";
				if (!row.valueText().isEmpty()) {
					assertThat(row.value()).as(where + ": value is a plain number").isNotNull();
					assertThat(row.valueText()).as(where + ": value is written in full").matches("\\d+(\\.\\d+)?");
				}
				else {
					assertThat(row.note()).as(where + ": a blank value says why").isNotBlank();
				}
				assertThat(row.numberText()).as(where + ": number_text as written").isNotBlank();
				assertThat(withoutPinyin(row.text())).as(where + ": number_text stands in the text")
					.contains(withoutPinyin(row.numberText()));
				assertThat(row.unit()).as(where + ": unit").isNotBlank().doesNotContain("万", "亿", "萬", "億");
				assertThat(row.qualifier()).as(where + ": qualifier").isIn(TextCorpus.QUALIFIERS);
				assertThat(row.target()).as(where + ": target").isIn("true", "false");
				if (!row.period().isEmpty()) {
					assertThat(row.period()).as(where + ": period").matches(YEAR_OR_SPAN);
				}
				if (row.isTarget()) {
					assertThat(row.period()).as(where + ": a target names its year or span").isNotEmpty();
				}
			}
		}
	}

	/** The text without the pinyin readings web pages put after characters ("會(huì )"). */
	private static String withoutPinyin(String text) {
		return PINYIN.matcher(text).replaceAll("");
	}

	@Test
	void metricKeysAreCatalogueMetrics() {
		Set<String> catalogue = new HashSet<>();
		Matcher keys = METRIC_KEY.matcher(TextCorpus.read("db/migration/V2__metric_catalogue.sql"));
		while (keys.find()) {
			catalogue.add(keys.group(1) != null ? keys.group(1) : keys.group(2));
		}
		assertThat(catalogue).contains("members", "grassroots_unions", "member_real_name_rate");
		Set<String> used = new HashSet<>();
		int mapped = 0;
		int longTail = 0;
		for (Paragraph paragraph : TextCorpus.paragraphs()) {
			for (Gold row : paragraph.gold()) {
				if (row.metricKey().isEmpty()) {
					longTail++;
				}
				else {
					assertThat(row.metricKey()).as(paragraph.name() + " line " + row.line()).isIn(catalogue);
					used.add(row.metricKey());
					mapped++;
				}
			}
		}
		// Both halves matter: a scorer of mappings needs figures that must map and figures that must not.
		assertThat(mapped).isGreaterThanOrEqualTo(60);
		assertThat(longTail).isGreaterThanOrEqualTo(60);
		assertThat(used).contains("members", "grassroots_unions", "new_unions", "new_members", "competitions_held",
				"aid_funds", "collective_contract_rate", "model_workers", "national_model_workers");
	}

	@Test
	void eachParagraphGoesToARegionAndPeriodOfItsOwn() {
		Set<String> regions = new HashSet<>();
		for (String file : List.of("regions/provinces.csv", "regions/cities.csv", "regions/areas.csv")) {
			for (CSVRecord row : TextCorpus.csv(TextCorpus.read(file))) {
				String code = row.get("code");
				regions.add(code + "000000".substring(code.length()));
			}
		}
		Set<String> taken = new HashSet<>();
		for (CSVRecord demo : TextCorpus.csv(TextCorpus.read("seeds/demo-reports.csv"))) {
			taken.add(demo.get("region_code") + " " + demo.get("period"));
		}
		for (Paragraph paragraph : TextCorpus.paragraphs()) {
			assertThat(regions).as(paragraph.name()).contains(paragraph.regionCode());
			assertThat(paragraph.periodStart()).isBetween(1949, paragraph.periodEnd());
			assertThat(taken.add(paragraph.regionCode() + " " + paragraph.period()))
				.as(paragraph.name() + " collides with a demo report or another paragraph").isTrue();
		}
	}

	@Test
	void theSeedsGoldIsPlacedInItsTextInOrder() {
		for (String seed : List.of("xinjiang-2018-2023", "zhenjiang-xinqu-2022", "xian-2018-2023")) {
			String text = TextCorpus.read("seeds/" + seed + ".txt");
			List<SeedsThroughTextTest.SeedGold> gold = SeedsThroughTextTest.gold(text,
					TextCorpus.read("seeds/" + seed + ".figures.csv"));
			assertThat(gold).as(seed).hasSizeGreaterThan(20);
			for (SeedsThroughTextTest.SeedGold row : gold) {
				assertThat(text.substring(row.start(), row.end())).isEqualTo(row.text());
			}
		}
	}

	@Test
	void paragraphsAreShortAndAboutAThirdAreTraditional() {
		int traditional = 0;
		for (Paragraph paragraph : TextCorpus.paragraphs()) {
			long sentences = paragraph.text().chars().filter(c -> c == '。').count();
			assertThat(sentences).as(paragraph.name() + " has 2 to 6 sentences").isBetween(2L, 6L);
			if (TRADITIONAL.matcher(paragraph.text()).find()) {
				traditional++;
			}
		}
		assertThat(traditional).isGreaterThanOrEqualTo(TextCorpus.paragraphs().size() / 3);
	}

}
