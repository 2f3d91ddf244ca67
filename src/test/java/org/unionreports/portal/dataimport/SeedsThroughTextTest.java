package org.unionreports.portal.dataimport;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import org.unionreports.portal.PortalTest;
import org.unionreports.portal.TestUsers;
import org.unionreports.portal.dataimport.TextAnswer.NotStored;
import org.unionreports.portal.dataimport.TextAnswer.Stored;
import org.unionreports.portal.identity.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The three seed reports, each posted whole to {@code POST /api/reports/{id}/text} on a fresh draft: every figure
 * of the seed's gold file is stored with its value, unit and qualifier, and what was accepted was stored (a
 * figure left out may only repeat a fact that was stored). The drafts go to the seeds' regions for periods no
 * demo report has.
 */
@PortalTest
class SeedsThroughTextTest {

	private static final String STAFF = "seeds-text-staff";

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	@Autowired
	TestUsers users;

	/** A seed's gold figure, placed in the text at or after the one before it. */
	record SeedGold(String id, String text, BigDecimal value, String unit, String qualifier, int start, int end) {

		String describe() {
			return "#" + this.id + " 「" + this.text + "」 " + (this.value == null ? "—" : this.value.toPlainString())
					+ " " + this.unit + " " + this.qualifier;
		}

	}

	@ParameterizedTest(name = "{0} through /text: every gold figure stored, accepted = stored")
	@CsvSource({ "xinjiang-2018-2023, 650000, 2003, 2007", "zhenjiang-xinqu-2022, 321171, 2007, 2007",
			"xian-2018-2023, 610100, 2003, 2007" })
	void everyGoldFigureOfTheSeedIsStored(String seed, String region, int periodStart, int periodEnd) throws Exception {
		this.users.ensure(STAFF, Role.STAFF, "650000", "320000", "610000");
		String text = TextCorpus.read("seeds/" + seed + ".txt");
		List<SeedGold> gold = gold(text, TextCorpus.read("seeds/" + seed + ".figures.csv"));
		long report = TextAnswer.draft(this.mvc, STAFF, region, periodStart, periodEnd, "种子 " + seed);
		TextAnswer answer = TextAnswer.postText(this.mvc, this.json, STAFF, report, text);

		List<String> misses = new ArrayList<>();
		for (SeedGold row : gold) {
			if (answer.stored().stream().noneMatch(figure -> stores(figure, row))) {
				List<String> near = answer.stored().stream()
					.filter(figure -> figure.overlaps(row.start(), row.end()))
					.map(Stored::describe)
					.toList();
				misses.add(row.describe() + " — stored: " + (near.isEmpty() ? "nothing over it" : String.join("; ", near)));
			}
		}
		// Accepted = stored: what was left out may only be a second printing of a fact that was stored.
		List<String> lost = new ArrayList<>();
		for (NotStored entry : answer.notStored()) {
			String printed = entry.start() >= 0 && entry.end() <= text.length() && entry.start() < entry.end()
					? text.substring(entry.start(), entry.end()) : entry.text();
			boolean repeat = answer.stored().stream()
				.anyMatch(figure -> (figure.start() != entry.start() || figure.end() != entry.end())
						&& (text.substring(figure.start(), figure.end()).equals(printed)
								|| Objects.equals(figure.text(), entry.text())));
			if (!repeat) {
				lost.add("「" + entry.text() + "」 [" + entry.start() + "," + entry.end() + ") " + entry.reason());
			}
		}
		System.out.printf("Seed %s through /text: %d/%d gold figures stored with value, unit and qualifier;"
				+ " %d stored, %d not stored%n", seed, gold.size() - misses.size(), gold.size(), answer.stored().size(),
				answer.notStored().size());
		misses.forEach(line -> System.out.println("  miss " + line));
		lost.forEach(line -> System.out.println("  not stored " + line));

		assertThat(misses).as(seed + ": gold figures not stored as printed").isEmpty();
		assertThat(lost).as(seed + ": figures accepted but not stored, and not a repeat of a stored fact").isEmpty();
	}

	private static boolean stores(Stored figure, SeedGold row) {
		boolean sameValue = row.value() == null ? figure.value() == null
				: figure.value() != null && row.value().compareTo(figure.value()) == 0;
		return figure.overlaps(row.start(), row.end()) && sameValue && Objects.equals(row.unit(), figure.unit())
				&& Objects.equals(row.qualifier(), figure.qualifier());
	}

	/** The gold rows, each found by its text at or after the previous row's place (texts repeat in a report). */
	static List<SeedGold> gold(String text, String file) {
		List<SeedGold> gold = new ArrayList<>();
		int from = 0;
		for (CSVRecord row : TextCorpus.csv(file)) {
			String quote = row.get("text");
			int start = text.indexOf(quote, from);
			assertThat(start).as("gold row " + row.get("id") + " 「" + quote + "」 is in the text after the one before")
				.isGreaterThanOrEqualTo(0);
			from = start;
			String value = row.get("value").strip();
			gold.add(new SeedGold(row.get("id"), quote, value.isEmpty() ? null : new BigDecimal(value), row.get("unit"),
					row.get("qualifier"), start, start + quote.length()));
		}
		return gold;
	}

}
