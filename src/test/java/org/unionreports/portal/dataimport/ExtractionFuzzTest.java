package org.unionreports.portal.dataimport;

import java.util.concurrent.TimeUnit;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Timeout;

import org.unionreports.portal.metric.MigrationCatalogue;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Jazzer: any text pasted as a report is split into sections and its figures proposed without throwing or
 * hanging (5 s an input), and every proposal points at exactly the text it came from (its quote being that
 * span without web noise), as the review page and {@code POST /api/extract} promise.
 */
class ExtractionFuzzTest {

	private static final FigureExtractor EXTRACTOR = new FigureExtractor(MigrationCatalogue.load());

	@FuzzTest(maxDuration = "20s")
	@Timeout(value = 5, unit = TimeUnit.SECONDS)
	void proposesFiguresThatPointAtTheirText(FuzzedDataProvider data) {
		String lead = data.consumeBoolean() ? null : data.consumeString(20);
		String text = data.consumeRemainingAsString();
		FigureExtractor.Extraction extraction = EXTRACTOR.extract(text, lead);
		for (FigureExtractor.Proposal proposal : extraction.figures()) {
			assertThat(proposal.start()).isBetween(0, proposal.end());
			assertThat(proposal.end()).isLessThanOrEqualTo(text.length());
			// the quote is its span of the original without the web noise (pinyin readings) in it
			assertThat(CleanText.withoutReadings(text.substring(proposal.start(), proposal.end()))).isEqualTo(proposal.text());
		}
	}

}
