package org.unionreports.portal.dataimport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Empty figure files to fill in: the exchange format's columns and two example rows, as CSV and XLSX. */
public final class ImportTemplates {

	private static final List<List<String>> EXAMPLES = List.of(
			List.of("基层组织建设", "全市工会会员435万余人", "435万余", "435万余", "人", "余", "工会会员数", "Union members",
					"membership", "2022", "stock", ""),
			List.of("帮扶服务", "投入帮扶资金2.06亿元", "2.06亿", "2.06亿", "元", "exact", "帮扶资金", "Aid funds", "aid", "2022",
					"flow", ""));

	private ImportTemplates() {
	}

	/** UTF-8 with a byte-order mark, so that Excel in China opens it right. */
	public static byte[] csv() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (CSVPrinter printer = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8), CSVFormat.RFC4180)) {
			out.write(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
			printer.printRecord(FigureFileReader.COLUMNS);
			for (List<String> example : EXAMPLES) {
				printer.printRecord(example);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	public static byte[] xlsx() {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("figures");
			Row header = sheet.createRow(0);
			for (int c = 0; c < FigureFileReader.COLUMNS.size(); c++) {
				header.createCell(c).setCellValue(FigureFileReader.COLUMNS.get(c));
			}
			for (int r = 0; r < EXAMPLES.size(); r++) {
				Row row = sheet.createRow(r + 1);
				for (int c = 0; c < EXAMPLES.get(r).size(); c++) {
					row.createCell(c).setCellValue(EXAMPLES.get(r).get(c));
				}
			}
			sheet.createFreezePane(0, 1);
			for (int c = 0; c < FigureFileReader.COLUMNS.size(); c++) {
				sheet.setColumnWidth(c, 16 * 256);
			}
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
