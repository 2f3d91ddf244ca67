package org.unionreports.portal.dataimport;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.unionreports.portal.dataimport.TextAnswer.Stored;
import org.unionreports.portal.dataimport.TextCorpus.Gold;
import org.unionreports.portal.dataimport.TextCorpus.Paragraph;
import org.unionreports.portal.dataimport.TextCorpusTest.Score;

import static org.assertj.core.api.Assertions.assertThat;

/** The corpus scorer scores: the gold itself scores full marks, and each kind of error is counted as one. */
class TextCorpusScorerTest {

	private static Stored stored(Gold row, BigDecimal value, String unit, String qualifier, boolean target,
			String metricKey) {
		return new Stored(row.line(), row.start(), row.end(), row.text(), row.numberText(), value, unit, qualifier,
				target, row.period(), metricKey, "stored");
	}

	private static Stored asGold(Gold row) {
		return stored(row, row.value(), row.unit(), row.qualifier(), row.isTarget(),
				row.metricKey().isEmpty() ? null : row.metricKey());
	}

	@Test
	void theGoldItselfScoresFullMarksOnEveryParagraph() {
		for (Paragraph paragraph : TextCorpus.paragraphs()) {
			Score score = TextCorpusTest.score(paragraph, paragraph.gold().stream().map(TextCorpusScorerTest::asGold).toList());
			assertThat(score.misses()).as(paragraph.name()).isEmpty();
			assertThat(score.wrongMappings()).as(paragraph.name()).isEmpty();
			assertThat(score.spurious()).as(paragraph.name()).isEmpty();
			assertThat(score.periods()).as(paragraph.name()).isEmpty();
		}
	}

	@Test
	void eachKindOfErrorIsAMissAndMappingsTheGoldDoesNotNameAreWrong() {
		Paragraph paragraph = TextCorpus.paragraphs().stream()
			.filter(p -> p.name().startsWith("01-"))
			.findFirst()
			.orElseThrow();
		List<Gold> gold = paragraph.gold();
		Gold members = gold.stream().filter(row -> row.metricKey().equals("members")).findFirst().orElseThrow();
		Gold longTail = gold.stream().filter(row -> row.metricKey().isEmpty()).findFirst().orElseThrow();
		Gold newMembers = gold.stream().filter(row -> row.metricKey().equals("new_members")).findFirst().orElseThrow();
		Gold newUnions = gold.stream().filter(row -> row.metricKey().equals("new_unions")).findFirst().orElseThrow();
		List<Stored> stored = new ArrayList<>(gold.stream()
			.filter(row -> row != members && row != longTail && row != newMembers && row != newUnions)
			.map(TextCorpusScorerTest::asGold)
			.toList());
		stored.add(stored(members, members.value().add(BigDecimal.ONE), members.unit(), members.qualifier(), false,
				"members"));
		stored.add(stored(longTail, longTail.value(), longTail.unit(), longTail.qualifier(), false, "members"));
		stored.add(stored(newMembers, newMembers.value(), newMembers.unit(), newMembers.qualifier(), false, "members"));
		stored.add(stored(newUnions, newUnions.value(), newUnions.unit(), "余", false, "new_unions"));
		stored.add(new Stored(99, 0, 4, "2023", "2023", new BigDecimal("2023"), "年", "exact", false, null, null,
				"stored"));

		Score score = TextCorpusTest.score(paragraph, stored);

		// The long-tail figure with a metric is right in value (the gold names no metric to compare) but is a
		// wrong mapping, which fails the corpus test on its own.
		assertThat(score.misses()).as("a wrong value, a wrong metric, a wrong qualifier").hasSize(3)
			.noneMatch(line -> line.startsWith("「" + longTail.text()));
		assertThat(score.wrongMappings()).as("a long-tail figure mapped, new members mapped as members").hasSize(2);
		assertThat(score.spurious()).as("the three wrong figures and the year").hasSize(4);
	}

}
