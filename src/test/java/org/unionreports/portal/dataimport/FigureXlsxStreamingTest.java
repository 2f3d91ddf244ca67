package org.unionreports.portal.dataimport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.unionreports.portal.metric.MigrationCatalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An XLSX upload is read as a stream of its first sheet (issue 17, finding 7): a workbook of 200,000 rows
 * written by SXSSF reads row by row, numbers as plain digits, and the second sheet is never parsed — here
 * it is not even well-formed XML, which a reader that builds the workbook in memory refuses. The time and
 * heap of a 39 MB sheet are measured by bench/xlsx-sheet.sh, not here.
 */
class FigureXlsxStreamingTest {

	private static final FigureFileReader READER = new FigureFileReader(MigrationCatalogue.load());

	private static final int ROWS = 200_000;

	@TempDir
	Path dir;

	@Test
	void aLargeFirstSheetIsStreamedAndTheSecondSheetIsNeverRead() throws IOException {
		Path written = this.dir.resolve("written.xlsx");
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(null, 100, false, true); OutputStream out = Files.newOutputStream(written)) {
			Sheet figures = workbook.createSheet("figures");
			Row header = figures.createRow(0);
			String[] names = { "metric_zh", "unit", "value", "note", "ignored" };
			for (int c = 0; c < names.length; c++) {
				header.createCell(c).setCellValue(names[c]);
			}
			for (int r = 1; r <= ROWS; r++) {
				Row row = figures.createRow(r);
				row.createCell(0).setCellValue("基准指标" + r);
				row.createCell(1).setCellValue("个");
				row.createCell(2).setCellValue(r * 1000.5);
				row.createCell(4).setCellValue("not a column of the format");
				if (r % 100 == 0) {
					// A cell at the last column Excel has: a row keeps only the format's columns, so it costs nothing.
					row.createCell(16_383).setCellValue("far away");
				}
			}
			Sheet other = workbook.createSheet("other");
			other.createRow(0).createCell(0).setCellValue("metric_zh");
			workbook.write(out);
			workbook.dispose();
		}
		byte[] bytes = withBrokenSecondSheet(written);

		FigureTable table = FigureTable.xlsx(bytes);
		assertThat(table.lines()).hasSize(ROWS);
		FigureTable.Line last = table.lines().get(ROWS - 1);
		assertThat(last.number()).isEqualTo(ROWS + 1);
		assertThat(last.cells()).hasSize(4); // metric_zh, unit, value, note: the others are not kept
		assertThat(table.cell(last, "metric_zh")).isEqualTo("基准指标" + ROWS);
		assertThat(table.cell(last, "value")).isEqualTo("200100000");
		assertThat(table.cell(table.lines().get(0), "value")).isEqualTo("1000.5");
		assertThat(table.cell(last, "note")).isNull();
		assertThat(table.hasColumn("ignored")).isFalse();

		FigureSheet sheet = READER.read(table);
		assertThat(sheet.problems()).isEmpty();
		assertThat(sheet.figures()).hasSize(ROWS);
		assertThat(sheet.figures().get(ROWS - 1).amount().value()).isEqualByComparingTo("200100000");
	}

	@Test
	void aDamagedWorkbookIsRefusedWithAMessageKeyNotWithWhatPoiSaid() {
		byte[] notAZip = "PK\u0003\u0004 this is no workbook".getBytes(StandardCharsets.ISO_8859_1);
		assertThatThrownBy(() -> FigureTable.xlsx(notAZip)).isInstanceOfSatisfying(UnreadableFileException.class,
				ex -> assertThat(ex.messageKey()).isEqualTo(UnreadableFileException.XLSX));
	}

	/** The workbook with its second sheet's XML cut off in the middle of a row. */
	private static byte[] withBrokenSecondSheet(Path workbook) throws IOException {
		Path broken = workbook.resolveSibling("broken.xlsx");
		boolean replaced = false;
		try (ZipFile zip = new ZipFile(workbook.toFile());
				ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(broken))) {
			Enumeration<? extends ZipEntry> entries = zip.entries();
			while (entries.hasMoreElements()) {
				ZipEntry entry = entries.nextElement();
				out.putNextEntry(new ZipEntry(entry.getName()));
				if (entry.getName().equals("xl/worksheets/sheet2.xml")) {
					out.write("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\"><c"
						.getBytes(StandardCharsets.UTF_8));
					replaced = true;
				}
				else {
					try (InputStream in = zip.getInputStream(entry)) {
						in.transferTo(out);
					}
				}
				out.closeEntry();
			}
		}
		assertThat(replaced).isTrue();
		return Files.readAllBytes(broken);
	}

}
