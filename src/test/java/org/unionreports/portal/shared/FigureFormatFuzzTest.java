package org.unionreports.portal.shared;

import java.util.Locale;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Jazzer: no input makes the number reader throw anything but its own clear error, or hang; whatever it
 * reads, it can write back. Runs the stored inputs in every build; {@code JAZZER_FUZZ=1} fuzzes for real
 * (bounded by maxDuration).
 */
class FigureFormatFuzzTest {

	@FuzzTest(maxDuration = "30s")
	void readsOrRefusesClearly(FuzzedDataProvider data) {
		String text = data.consumeRemainingAsString();
		try {
			ReadNumber number = FigureFormat.read(text);
			FigureFormat.write(number.withUnit(number.percent() ? "%" : "人"), Locale.SIMPLIFIED_CHINESE);
			FigureFormat.write(number.withUnit(number.percent() ? "%" : "人"), Locale.ENGLISH);
		}
		catch (FigureFormatException expected) {
			// the reader's own validation error: what every bad input must end in
		}
	}

}
