package org.unionreports.portal.export;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import org.unionreports.portal.export.ExportDocument.Row;

/**
 * An export as CSV: UTF-8 with a byte-order mark (so that Excel in China opens it right), one row a figure
 * in the columns of the exchange format, so that it imports again as it is, then where it belongs and
 * where it came from. A text cell that a spreadsheet would take for a formula is defused.
 */
public final class CsvExport {

	static final List<String> COLUMNS = List.of("section", "text", "number_text", "value", "unit", "qualifier",
			"metric_zh", "metric_en", "family", "period", "kind", "note", "metric_key", "region_code", "region_name",
			"report_id", "written", "status", "source", "licence", "permalink");

	private CsvExport() {
	}

	public static byte[] write(ExportDocument document) {
		StringWriter out = new StringWriter();
		out.write('\uFEFF');
		String status = document.isDraft() ? "draft" : "published " + document.published();
		try (CSVPrinter printer = new CSVPrinter(out,
				CSVFormat.RFC4180.builder().setHeader(COLUMNS.toArray(String[]::new)).get())) {
			for (Row row : document.rows()) {
				printer.printRecord(text(row.section()), text(row.text()), text(row.numberText()),
						row.value() == null ? null : row.value().toPlainString(), text(row.unit()), row.qualifier(),
						text(row.metricZh()), text(row.metricEn()), row.family(), row.period(), row.kind(),
						text(row.note()), row.metricKey(), row.regionCode(), text(row.regionName()), row.reportId(),
						text(row.written()), status, text(document.source()), text(document.licence()),
						document.permalink());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * A cell that begins with {@code = + - @} (or a tab or carriage return) is read by spreadsheets as a
	 * formula; an apostrophe in front makes it text (OWASP's advice on CSV injection).
	 */
	static String text(String value) {
		if (value == null || value.isEmpty()) {
			return value;
		}
		return Spreadsheets.looksLikeFormula(value) ? "'" + value : value;
	}

}
