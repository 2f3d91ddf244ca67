package org.unionreports.portal.dataimport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A figure file as a table: the header's column names and each row's cells, with the line (CSV) or row
 * (XLSX) each stands on, so that a problem can name where it is. Blank rows are skipped.
 */
public final class FigureTable {

	private final Map<String, Integer> columns;

	private final List<Line> lines;

	/** One row of the table and the line of the file it starts on. */
	public record Line(int number, List<String> cells) {
	}

	private FigureTable(List<String> header, List<Line> lines) {
		this.columns = new HashMap<>();
		for (int i = 0; i < header.size(); i++) {
			if (header.get(i) != null) {
				this.columns.putIfAbsent(header.get(i).strip().toLowerCase(Locale.ROOT), i);
			}
		}
		this.lines = lines;
	}

	public List<Line> lines() {
		return this.lines;
	}

	public boolean hasColumn(String name) {
		return this.columns.containsKey(name);
	}

	/** A cell by column name; blank cells and columns the file lacks read as null. */
	public String cell(Line line, String column) {
		Integer index = this.columns.get(column);
		if (index == null || index >= line.cells().size()) {
			return null;
		}
		String value = line.cells().get(index);
		return value == null || value.isBlank() ? null : value.strip();
	}

	/** Reads CSV text (RFC 4180, header row); a byte-order mark at the start is skipped. */
	public static FigureTable csv(Reader source) throws IOException {
		PushbackReader reader = new PushbackReader(source, 1);
		int first = reader.read();
		if (first != -1 && first != '\uFEFF') {
			reader.unread(first);
		}
		CSVFormat format = CSVFormat.RFC4180.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.setIgnoreEmptyLines(true)
			.setAllowMissingColumnNames(true)
			.setAllowDuplicateHeaderNames(true)
			.get();
		try (CSVParser parser = format.parse(reader)) {
			List<Line> lines = new ArrayList<>();
			Iterator<CSVRecord> records = parser.iterator();
			long line = parser.getCurrentLineNumber() + 1;
			while (records.hasNext()) {
				CSVRecord record = records.next();
				List<String> cells = record.toList();
				if (cells.stream().anyMatch(cell -> cell != null && !cell.isBlank())) {
					lines.add(new Line((int) line, cells));
				}
				line = parser.getCurrentLineNumber() + 1;
			}
			return new FigureTable(parser.getHeaderNames(), lines);
		}
		catch (IllegalStateException | java.io.UncheckedIOException ex) {
			throw new IOException(ex.getMessage(), ex);
		}
	}

	/** Reads CSV bytes in the given encoding. */
	public static FigureTable csv(byte[] bytes, Charset charset) throws IOException {
		return csv(new StringReader(new String(bytes, charset)));
	}

	static {
		// POI's zip-bomb guard refuses an entry that expands more than 100 times (POI's default, set here to
		// say so). An entry may also not expand past 40 MB (POI allows 4 GB): a sheet of 100,000 figures is
		// about 15 MB of XML, and POI holds a sheet's XML in memory several times over.
		ZipSecureFile.setMinInflateRatio(0.01);
		ZipSecureFile.setMaxEntrySize(40L * 1024 * 1024);
	}

	/**
	 * Reads the first sheet of an Excel (XLSX) workbook: its first row is the header. Numbers come out as
	 * plain digits (no grouping, no exponent), text as typed. POI's zip limits refuse zip bombs.
	 */
	public static FigureTable xlsx(InputStream in) throws IOException {
		try (Workbook workbook = new XSSFWorkbook(in)) {
			if (workbook.getNumberOfSheets() == 0) {
				throw new IOException("the workbook has no sheet");
			}
			Sheet sheet = workbook.getSheetAt(0);
			DataFormatter formatter = new DataFormatter(Locale.ROOT);
			List<String> header = null;
			List<Line> lines = new ArrayList<>();
			for (Row row : sheet) {
				List<String> cells = new ArrayList<>();
				for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
					cells.add(text(row.getCell(c), formatter));
				}
				if (header == null) {
					header = cells;
				}
				else if (cells.stream().anyMatch(cell -> cell != null && !cell.isBlank())) {
					lines.add(new Line(row.getRowNum() + 1, cells));
				}
			}
			return new FigureTable(header == null ? List.of() : header, lines);
		}
		catch (IOException ex) {
			if (ex.getMessage() != null && ex.getMessage().startsWith("Zip bomb detected")) {
				throw new IOException("not a readable Excel (.xlsx) file: it expands to more than 100 times its size or"
						+ " past 40 MB, as no real spreadsheet does, and was refused as a possible zip bomb", ex);
			}
			throw new IOException("not a readable Excel (.xlsx) file: " + ex.getMessage(), ex);
		}
		catch (RuntimeException | NoClassDefFoundError ex) {
			// POI reports a damaged or hostile file with many kinds of runtime exception (a broken zip, bad XML,
			// records out of range, an empty file): to the person uploading it they all mean the same. A zip
			// entry in a compression Excel never writes (Zstandard, found by FigureXlsxFuzzTest) needs a codec
			// that is not on the class path: the same answer.
			throw new IOException("not a readable Excel (.xlsx) file: " + ex.getMessage(), ex);
		}
	}

	public static FigureTable xlsx(byte[] bytes) throws IOException {
		return xlsx(new ByteArrayInputStream(bytes));
	}

	private static String text(Cell cell, DataFormatter formatter) {
		if (cell == null) {
			return null;
		}
		CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
		if (type == CellType.NUMERIC && !org.apache.poi.ss.usermodel.DateUtil.isCellDateFormatted(cell)) {
			return BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
		}
		return formatter.formatCellValue(cell);
	}

}
