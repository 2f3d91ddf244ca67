package org.unionreports.portal.dataimport;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import org.springframework.core.io.ClassPathResource;

/**
 * The held-out corpus of {@code src/test/resources/corpus/}: paragraphs written for the tests in the style of
 * union work reports, each with the figures a careful statistician would record from it (see the README there).
 * Read here once for the scorer and for the check of the files themselves.
 */
final class TextCorpus {

	static final String DIRECTORY = "corpus/";

	static final List<String> GOLD_COLUMNS = List.of("text", "number_text", "value", "unit", "qualifier", "target",
			"period", "metric_key", "note");

	static final List<String> QUALIFIERS = List.of("exact", "余", "多", "超", "近", "以上", "约");

	private TextCorpus() {
	}

	/** One paragraph with the report it is posted to and its gold figures. */
	record Paragraph(String name, String regionCode, int periodStart, int periodEnd, String text, List<Gold> gold) {

		String period() {
			return this.periodStart == this.periodEnd ? String.valueOf(this.periodStart)
					: this.periodStart + "-" + this.periodEnd;
		}

	}

	/**
	 * One gold figure; {@code start} and {@code end} are the UTF-16 span of {@code text} in the paragraph, or -1
	 * when the text is not found (which the check of the files reports). {@code value} is null for a figure the
	 * text gives no exact value for (数百).
	 */
	record Gold(int line, String text, int occurrence, String numberText, String valueText, BigDecimal value,
			String unit, String qualifier, String target, String period, String metricKey, String note, int start,
			int end) {

		boolean isTarget() {
			return "true".equals(this.target);
		}

		boolean overlaps(int otherStart, int otherEnd) {
			return this.start >= 0 && otherStart < this.end && this.start < otherEnd;
		}

		String describe() {
			return "「" + this.text + "」 " + (this.value == null ? "—" : this.value.toPlainString()) + " " + this.unit
					+ " " + this.qualifier + (isTarget() ? " target " + this.period : "")
					+ (this.metricKey.isEmpty() ? " long-tail" : " " + this.metricKey);
		}

	}

	/** Every paragraph of the index, in its order. */
	static List<Paragraph> paragraphs() {
		List<Paragraph> paragraphs = new ArrayList<>();
		for (CSVRecord row : csv(read(DIRECTORY + "index.csv"))) {
			String name = row.get("paragraph");
			String text = read(DIRECTORY + name + ".txt");
			paragraphs.add(new Paragraph(name, row.get("region_code"), Integer.parseInt(row.get("period_start")),
					Integer.parseInt(row.get("period_end")), text, gold(text, read(DIRECTORY + name + ".gold.csv"))));
		}
		return paragraphs;
	}

	static List<Gold> gold(String text, String file) {
		List<Gold> gold = new ArrayList<>();
		for (CSVRecord row : csv(file)) {
			String quote = row.get("text");
			int occurrence = row.isMapped("occurrence") && !row.get("occurrence").isBlank()
					? Integer.parseInt(row.get("occurrence").strip()) : 1;
			int start = occurrence(text, quote, occurrence);
			String valueText = row.get("value").strip();
			gold.add(new Gold((int) row.getRecordNumber() + 1, quote, occurrence, row.get("number_text"), valueText,
					number(valueText), row.get("unit"), row.get("qualifier"), row.get("target"), row.get("period"),
					row.get("metric_key").strip(), row.get("note"), start, start < 0 ? -1 : start + quote.length()));
		}
		return gold;
	}

	/** Where the n-th (from 1) occurrence of {@code quote} starts, or -1. */
	static int occurrence(String text, String quote, int n) {
		if (quote.isEmpty()) {
			return -1;
		}
		int at = -1;
		for (int i = 0; i < n; i++) {
			at = text.indexOf(quote, at + 1);
			if (at < 0) {
				return -1;
			}
		}
		return at;
	}

	/** The number of a gold value, null when blank or not a plain number (the file check reports the latter). */
	private static BigDecimal number(String value) {
		if (value.isEmpty()) {
			return null;
		}
		try {
			return new BigDecimal(value);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	static List<CSVRecord> csv(String text) {
		try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
			.parse(new StringReader(text.startsWith("\uFEFF") ? text.substring(1) : text))) {
			return parser.getRecords();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static List<String> header(String text) {
		try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
			.parse(new StringReader(text))) {
			return parser.getHeaderNames();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String read(String path) {
		try (InputStream in = new ClassPathResource(path).getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(path, ex);
		}
	}

}
