package org.unionreports.portal.dataimport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

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
		// about 15 MB of XML.
		ZipSecureFile.setMinInflateRatio(0.01);
		ZipSecureFile.setMaxEntrySize(40L * 1024 * 1024);
	}

	/**
	 * Reads the first sheet of an Excel (XLSX) workbook: its first row is the header. Numbers come out as
	 * plain digits (no grouping, no exponent), text as typed. POI's zip limits refuse zip bombs.
	 * <p>
	 * The sheet is read as a stream of SAX events (POI's event API), never as a document in memory: a sheet
	 * of 39 MB took a gigabyte of heap and half a minute as a workbook. Only the first sheet is parsed; the
	 * shared strings are read once, as plain strings. What a row keeps is the cells under the exchange
	 * format's named columns (the first column of each name): other columns are ignored by the format, and a
	 * row whose only cell stands at column XFD costs no more than any other.
	 */
	public static FigureTable xlsx(InputStream in) throws IOException {
		// From a file, POI reads each zip entry as a stream when it is asked for; from a stream it would first
		// unpack every entry into memory (the sheet's 40 MB of XML with them).
		Path file = Files.createTempFile("figures-", ".xlsx");
		try {
			Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
			return xlsx(file);
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

	/**
	 * Inflates every entry once, to nothing, through POI's guard: a zip bomb is refused as such whichever
	 * entry it is in, before POI opens the parts it needs (which alone might fail first for another reason).
	 */
	private static void refuseZipBombs(Path file) throws IOException {
		byte[] buffer = new byte[16 * 1024];
		try (ZipSecureFile zip = new ZipSecureFile(file.toFile())) {
			Enumeration<ZipArchiveEntry> entries = zip.getEntries();
			while (entries.hasMoreElements()) {
				ZipArchiveEntry entry = entries.nextElement();
				try (InputStream in = zip.getInputStream(entry)) {
					while (in != null && in.read(buffer) != -1) {
						// only counted by the guard
					}
				}
			}
		}
	}

	private static FigureTable xlsx(Path file) throws IOException {
		OPCPackage workbook = null;
		try {
			workbook = open(file);
			XSSFReader reader = new XSSFReader(workbook);
			XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
			if (!sheets.hasNext()) {
				throw new UnreadableFileException(UnreadableFileException.NO_SHEET, "the workbook has no sheet");
			}
			ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(workbook, false);
			// Without a styles part every number would come through as its raw XML text ("1.0E7"): POI's
			// default styles send it through PlainNumbers like any other.
			StylesTable styles = reader.getStylesTable() != null ? reader.getStylesTable() : new StylesTable();
			SheetRows rows = new SheetRows();
			try (InputStream sheet = sheets.next()) {
				XMLReader parser = XMLHelper.newXMLReader();
				parser.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, rows, new PlainNumbers(), false));
				parser.parse(new InputSource(sheet));
			}
			return new FigureTable(rows.header(), rows.lines);
		}
		catch (UnreadableFileException ex) {
			throw ex;
		}
		catch (IOException ex) {
			if (ex.getMessage() != null && ex.getMessage().startsWith("Zip bomb detected")) {
				throw new UnreadableFileException(UnreadableFileException.ZIP_BOMB, ex.getMessage(), ex);
			}
			throw new UnreadableFileException(UnreadableFileException.XLSX, ex.toString(), ex);
		}
		catch (SAXException | OpenXML4JException | javax.xml.parsers.ParserConfigurationException | RuntimeException
				| NoClassDefFoundError ex) {
			// POI reports a damaged or hostile file with many kinds of exception (a broken zip, bad XML, records
			// out of range, an empty file): to the person uploading it they all mean the same. A zip entry in a
			// compression Excel never writes (Zstandard, found by FigureXlsxFuzzTest) needs a codec that is not
			// on the class path: the same answer. A zip bomb can surface wrapped in any of them.
			for (Throwable cause = ex; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
				if (cause.getMessage() != null && cause.getMessage().startsWith("Zip bomb detected")) {
					throw new UnreadableFileException(UnreadableFileException.ZIP_BOMB, cause.getMessage(), ex);
				}
			}
			throw new UnreadableFileException(UnreadableFileException.XLSX, ex.toString(), ex);
		}
		finally {
			if (workbook != null) {
				workbook.revert(); // read only: nothing to save, and close() would say so in the log
			}
		}
	}

	private static OPCPackage open(Path file) throws IOException, OpenXML4JException {
		refuseZipBombs(file);
		return OPCPackage.open(file.toFile(), PackageAccess.READ);
	}

	/** The names of the exchange format's columns (and metric_key): the only ones an XLSX row keeps. */
	private static final java.util.Set<String> KNOWN = known();

	private static java.util.Set<String> known() {
		java.util.Set<String> names = new java.util.HashSet<>(FigureFileReader.COLUMNS);
		names.add(FigureFileReader.METRIC_KEY);
		return java.util.Set.copyOf(names);
	}

	/**
	 * Collects the rows of a sheet as the SAX handler reports them: the first row is the header; from it on
	 * only the cells of known columns are kept, each in the header's place.
	 */
	private static final class SheetRows implements XSSFSheetXMLHandler.SheetContentsHandler {

		/** Sheet column index → place in the kept header, for the known columns. */
		private final Map<Integer, Integer> kept = new HashMap<>();

		private final List<String> keptNames = new ArrayList<>();

		private final List<Line> lines = new ArrayList<>();

		private boolean headerDone;

		private int rowNumber;

		private String[] cells;

		private final Map<Integer, String> headerCells = new java.util.TreeMap<>();

		private int nextColumn;

		@Override
		public void startRow(int rowNum) {
			this.rowNumber = rowNum;
			this.nextColumn = 0;
			this.cells = this.headerDone ? new String[this.keptNames.size()] : null;
		}

		@Override
		public void cell(String reference, String formattedValue, XSSFComment comment) {
			// A cell without a reference stands after the one before it, as Excel reads such a sheet.
			int column = reference == null ? this.nextColumn : new CellReference(reference).getCol();
			this.nextColumn = column + 1;
			if (!this.headerDone) {
				if (formattedValue != null) {
					this.headerCells.put(column, formattedValue);
				}
				return;
			}
			Integer place = this.kept.get(column);
			if (place != null) {
				this.cells[place] = formattedValue;
			}
		}

		@Override
		public void endRow(int rowNum) {
			if (!this.headerDone) {
				this.headerDone = true;
				for (Map.Entry<Integer, String> cell : this.headerCells.entrySet()) {
					String name = cell.getValue().strip().toLowerCase(Locale.ROOT);
					if (KNOWN.contains(name) && !this.keptNames.contains(name)) {
						this.kept.put(cell.getKey(), this.keptNames.size());
						this.keptNames.add(name);
					}
				}
				return;
			}
			List<String> row = java.util.Arrays.asList(this.cells);
			if (row.stream().anyMatch(cell -> cell != null && !cell.isBlank())) {
				this.lines.add(new Line(this.rowNumber + 1, row));
			}
		}

		List<String> header() {
			return this.keptNames;
		}

	}

	/**
	 * Numbers as plain digits, as the import reads them (no grouping, no exponent, whatever the cell's
	 * format); dates and text as Excel shows them.
	 */
	private static final class PlainNumbers extends DataFormatter {

		PlainNumbers() {
			super(Locale.ROOT);
		}

		@Override
		public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904Windowing) {
			if (!DateUtil.isADateFormat(formatIndex, formatString) || !DateUtil.isValidExcelDate(value)) {
				return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
			}
			return super.formatRawCellContents(value, formatIndex, formatString, use1904Windowing);
		}

	}

	public static FigureTable xlsx(byte[] bytes) throws IOException {
		return xlsx(new ByteArrayInputStream(bytes));
	}

}
