package org.unionreports.portal.dataimport;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Timeout;

import org.unionreports.portal.metric.MigrationCatalogue;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Jazzer: whatever bytes arrive as an Excel upload (a broken zip, a zip bomb, odd XML), the import reads
 * them or says the file is not readable (IOException, shown as the file's problem); nothing else is thrown
 * and nothing hangs (5 s an input). The stored inputs start from the portal's own XLSX template.
 */
class FigureXlsxFuzzTest {

	private static final FigureFileReader READER = new FigureFileReader(MigrationCatalogue.load());

	@FuzzTest(maxDuration = "20s")
	@Timeout(value = 5, unit = TimeUnit.SECONDS)
	void readsOrRefusesTheFile(byte[] bytes) {
		try {
			FigureSheet sheet = READER.read(FigureTable.xlsx(bytes));
			// No row is dropped silently: each is read as a figure or told why not.
			assertThat(sheet.rows()).allSatisfy(row -> assertThat(row.figure() != null || !row.problems().isEmpty()).isTrue());
		}
		catch (IOException expected) {
			// "not a readable Excel (.xlsx) file": the import's own answer to a bad file
		}
	}

}
