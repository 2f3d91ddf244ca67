package org.unionreports.portal.export;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import org.unionreports.portal.export.ExportDocument.Row;
import org.unionreports.portal.shared.SpreadsheetText;

/**
 * An export as CSV: UTF-8 with a byte-order mark (so that Excel in China opens it right), one row a figure
 * in the columns of the exchange format, so that it imports again, then where it belongs and where it came
 * from. A text cell that a spreadsheet would take for a formula is defused with an apostrophe in front,
 * which stays in the text if the file is imported again.
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
		String status = document.isDraft() ? "draft"
				: (document.compiled() ? "compiled " : "published ") + document.published();
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

	static String text(String value) {
		return SpreadsheetText.defused(value);
	}

}
