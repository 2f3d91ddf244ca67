package org.unionreports.portal.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import org.unionreports.portal.export.ExportDocument.Row;
import org.unionreports.portal.export.ExportDocument.SectionText;
import org.unionreports.portal.shared.SpreadsheetText;

/**
 * An export as an Excel workbook (Apache POI): a sheet of figures — where they came from on top, then a
 * header row with the panes frozen below it, each value a real number with a number format and beside it
 * the value as the reports write it (2.06亿元) — and a sheet of the sections' text. Text is always
 * written as text, never as a formula, and text that looks like one is marked quote-prefixed.
 */
public final class XlsxExport {

	/** Header, then the row's value for that column. */
	private record Column(String header, java.util.function.Function<Row, Object> value) {
	}

	private static final List<Column> COLUMNS = List.of(new Column("指标 metric", Row::metricZh),
			new Column("数值 value", Row::value), new Column("写法 as written", Row::written),
			new Column("单位 unit", Row::unit), new Column("限定词 qualifier", Row::qualifier),
			new Column("期间 period", Row::period), new Column("部分 section", Row::section),
			new Column("说明 note", Row::note), new Column("原文 text", Row::text),
			new Column("Metric (English)", Row::metricEn), new Column("metric_key", Row::metricKey),
			new Column("family", Row::family), new Column("kind", Row::kind), new Column("region_code", Row::regionCode),
			new Column("region_name", Row::regionName), new Column("report_id", Row::reportId));

	private static final int MAX_WIDTH = 60;

	private XlsxExport() {
	}

	public static byte[] write(ExportDocument document, Map<String, String> labels) {
		try (Workbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Styles styles = new Styles(workbook);
			figures(workbook.createSheet(labels.get("figures")), document, labels, styles);
			sections(workbook.createSheet(labels.get("sections")), document, styles);
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void figures(Sheet sheet, ExportDocument document, Map<String, String> labels, Styles styles) {
		int[] widths = new int[COLUMNS.size()];
		int r = 0;
		String status = document.isDraft() ? labels.get("draft")
				: labels.get(document.compiled() ? "compiled" : "published") + " " + document.published();
		for (String[] line : List.of(new String[] { labels.get("title"), document.title() },
				new String[] { labels.get("region"), document.regionNameZh() + " (" + document.regionCode() + ")" },
				new String[] { labels.get("period"), document.periodText() }, new String[] { labels.get("status"), status },
				new String[] { labels.get("source"), document.source() },
				new String[] { labels.get("licence"), document.licence() },
				new String[] { labels.get("address"), document.permalink() })) {
			org.apache.poi.ss.usermodel.Row row = sheet.createRow(r++);
			text(row.createCell(0), line[0], styles).setCellStyle(styles.bold);
			text(row.createCell(1), line[1], styles);
		}
		r++;
		org.apache.poi.ss.usermodel.Row header = sheet.createRow(r);
		for (int c = 0; c < COLUMNS.size(); c++) {
			text(header.createCell(c), COLUMNS.get(c).header(), styles).setCellStyle(styles.header);
			widths[c] = width(COLUMNS.get(c).header());
		}
		sheet.createFreezePane(1, r + 1);
		for (Row figure : document.rows()) {
			org.apache.poi.ss.usermodel.Row row = sheet.createRow(++r);
			for (int c = 0; c < COLUMNS.size(); c++) {
				Object value = COLUMNS.get(c).value().apply(figure);
				if (value == null) {
					continue;
				}
				Cell cell = row.createCell(c);
				if (value instanceof java.math.BigDecimal number) {
					cell.setCellValue(number.doubleValue());
					cell.setCellStyle(number.scale() > 0 && number.stripTrailingZeros().scale() > 0 ? styles.decimal
							: styles.whole);
					widths[c] = Math.max(widths[c], width(String.format("%,.2f", number)));
				}
				else if (value instanceof Long number) {
					cell.setCellValue(number);
				}
				else {
					text(cell, value.toString(), styles);
					widths[c] = Math.max(widths[c], width(value.toString()));
				}
			}
		}
		widths[0] = Math.max(widths[0], width(labels.get("title")));
		for (int c = 0; c < widths.length; c++) {
			sheet.setColumnWidth(c, Math.min(MAX_WIDTH, widths[c] + 2) * 256);
		}
	}

	private static void sections(Sheet sheet, ExportDocument document, Styles styles) {
		sheet.setColumnWidth(0, 100 * 256);
		int r = 0;
		for (SectionText section : document.sections()) {
			text(sheet.createRow(r++).createCell(0), section.heading(), styles).setCellStyle(styles.bold);
			for (String paragraph : section.paragraphs()) {
				Cell cell = sheet.createRow(r++).createCell(0);
				text(cell, paragraph, styles);
				cell.setCellStyle(SpreadsheetText.looksLikeFormula(paragraph) ? styles.wrappedQuoted : styles.wrapped);
			}
			r++;
		}
	}

	/** Text as text: never a formula, and marked quote-prefixed where it looks like one. */
	private static Cell text(Cell cell, String value, Styles styles) {
		cell.setCellValue(value);
		if (SpreadsheetText.looksLikeFormula(value)) {
			cell.setCellStyle(styles.quoted);
		}
		return cell;
	}

	/** Display width in characters: a Chinese character takes two. */
	static int width(String text) {
		int width = 0;
		for (int i = 0; i < text.length(); i++) {
			width += text.charAt(i) > 0x2E80 ? 2 : 1;
		}
		return width;
	}

	private static final class Styles {

		final CellStyle bold;

		final CellStyle header;

		final CellStyle whole;

		final CellStyle decimal;

		final CellStyle quoted;

		final CellStyle wrapped;

		final CellStyle wrappedQuoted;

		Styles(Workbook workbook) {
			Font boldFont = workbook.createFont();
			boldFont.setBold(true);
			this.bold = workbook.createCellStyle();
			this.bold.setFont(boldFont);
			this.header = workbook.createCellStyle();
			this.header.setFont(boldFont);
			this.header.setBorderBottom(org.apache.poi.ss.usermodel.BorderStyle.THIN);
			this.whole = workbook.createCellStyle();
			this.whole.setDataFormat(workbook.createDataFormat().getFormat("#,##0"));
			this.decimal = workbook.createCellStyle();
			this.decimal.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00##"));
			this.quoted = workbook.createCellStyle();
			this.quoted.setQuotePrefixed(true);
			this.wrapped = workbook.createCellStyle();
			this.wrapped.setWrapText(true);
			this.wrappedQuoted = workbook.createCellStyle();
			this.wrappedQuoted.setWrapText(true);
			this.wrappedQuoted.setQuotePrefixed(true);
		}

	}

}
