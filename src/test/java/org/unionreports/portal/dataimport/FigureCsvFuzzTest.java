package org.unionreports.portal.dataimport;

import java.io.IOException;
import java.io.StringReader;
import java.util.concurrent.TimeUnit;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Timeout;

import org.unionreports.portal.metric.MigrationCatalogue;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Jazzer: whatever a CSV upload holds, in whatever encoding, the import reads it into figures or names its
 * problems; it never throws and never hangs (5 s an input). Replays the stored inputs in every build;
 * {@code JAZZER_FUZZ=1} fuzzes for real, bounded by maxDuration.
 */
class FigureCsvFuzzTest {

	private static final FigureFileReader READER = new FigureFileReader(MigrationCatalogue.load());

	@FuzzTest(maxDuration = "20s")
	@Timeout(value = 5, unit = TimeUnit.SECONDS)
	void readsOrNamesTheProblems(FuzzedDataProvider data) {
		boolean header = data.consumeBoolean();
		byte[] bytes = data.consumeRemainingAsBytes();
		String text = new String(bytes, FileEncoding.detect(bytes));
		// Most inputs start with the exchange format's header, so that the rows are read too.
		String csv = header ? String.join(",", FigureFileReader.COLUMNS) + "\n" + text : text;
		FigureSheet sheet = READER.read(new StringReader(csv));
		// No row is dropped silently: each is read as a figure or told why not.
		assertThat(sheet.rows()).allSatisfy(row -> assertThat(row.figure() != null || !row.problems().isEmpty()).isTrue());
		try {
			FigureTable table = FigureTable.csv(bytes, FileEncoding.detect(bytes));
			assertThat(table.lines()).allSatisfy(line -> assertThat(line.number()).isPositive());
		}
		catch (IOException expected) {
			// "not readable CSV": what the import shows as the file's problem
		}
	}

}
