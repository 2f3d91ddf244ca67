package org.unionreports.portal.dataimport;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

import org.unionreports.portal.PortalTest;
import org.unionreports.portal.dataimport.FigureExtractor.Proposal;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Extraction measured on the three seeds: a gold figure (a row of the seed's .figures.csv) is found when a
 * proposal has the same value, qualifier and unit and its span overlaps the gold span; precision is the
 * share of proposals that match a gold figure. The goal is 95% of each; below 90% this test fails. The
 * figures are printed, for docs/benchmarks.md.
 */
@PortalTest
class ExtractionAccuracyTest {

	private static final double FLOOR = 0.90;

	@Autowired
	FigureExtractor extractor;

	record Gold(int start, int end, BigDecimal value, String unit, String qualifier, String text) {
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "xinjiang-2018-2023", "zhenjiang-xinqu-2022", "xian-2018-2023" })
	void extractionFindsTheSeedsFigures(String seed) throws IOException {
		String text = resource("seeds/" + seed + ".txt");
		List<Gold> gold = gold(text, seed);
		List<Proposal> proposals = this.extractor.extract(text, "导语").figures();

		int found = 0;
		List<String> missed = new ArrayList<>();
		for (Gold g : gold) {
			if (proposals.stream().anyMatch(p -> matches(p, g))) {
				found++;
			}
			else {
				missed.add(g.text() + " = " + g.value() + " " + g.qualifier() + " " + g.unit());
			}
		}
		int correct = 0;
		List<String> wrong = new ArrayList<>();
		for (Proposal p : proposals) {
			if (gold.stream().anyMatch(g -> matches(p, g))) {
				correct++;
			}
			else {
				wrong.add(p.text() + " = " + p.amount().value() + " " + p.amount().qualifier().code() + " "
						+ p.amount().unit() + " [" + p.context() + "]");
			}
		}
		double recall = (double) found / gold.size();
		double precision = proposals.isEmpty() ? 0 : (double) correct / proposals.size();
		System.out.printf("extraction %s: %d gold, %d proposed, recall %.1f%% (%d), precision %.1f%% (%d)%n", seed,
				gold.size(), proposals.size(), 100 * recall, found, 100 * precision, correct);
		missed.forEach(m -> System.out.println("  missed: " + m));
		wrong.forEach(w -> System.out.println("  not gold: " + w));
		assertThat(recall).as("recall on " + seed).isGreaterThanOrEqualTo(FLOOR);
		assertThat(precision).as("precision on " + seed).isGreaterThanOrEqualTo(FLOOR);
	}

	private static boolean matches(Proposal p, Gold g) {
		boolean sameValue = g.value() == null ? p.amount().isMissing()
				: !p.amount().isMissing() && p.amount().value().compareTo(g.value()) == 0;
		return sameValue && p.amount().unit().equals(g.unit()) && p.amount().qualifier().code().equals(g.qualifier())
				&& p.start() < g.end() && g.start() < p.end();
	}

	private static List<Gold> gold(String text, String seed) throws IOException {
		List<Gold> gold = new ArrayList<>();
		try (Reader in = new InputStreamReader(new ClassPathResource("seeds/" + seed + ".figures.csv").getInputStream(),
				StandardCharsets.UTF_8)) {
			for (CSVRecord row : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
				String goldText = row.get("text");
				int[] span = locate(text, goldText);
				assertThat(span).as("gold text found in the seed: " + goldText).isNotNull();
				String value = row.get("value");
				gold.add(new Gold(span[0], span[1], value.isBlank() ? null : new BigDecimal(value), row.get("unit"),
						row.get("qualifier"), goldText));
			}
		}
		return gold;
	}

	/** Where the gold text stands; white space may differ (a paragraph break inside a figure's text). */
	private static int[] locate(String text, String goldText) {
		int at = text.indexOf(goldText);
		if (at >= 0) {
			return new int[] { at, at + goldText.length() };
		}
		StringBuilder pattern = new StringBuilder();
		for (char c : goldText.replaceAll("\\s+", "").toCharArray()) {
			pattern.append(Pattern.quote(String.valueOf(c))).append("\\s*");
		}
		Matcher matcher = Pattern.compile(pattern.toString()).matcher(text);
		return matcher.find() ? new int[] { matcher.start(), matcher.end() } : null;
	}

	private static String resource(String name) throws IOException {
		try (InputStream in = new ClassPathResource(name).getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
