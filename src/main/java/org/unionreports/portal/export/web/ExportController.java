package org.unionreports.portal.export.web;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.unionreports.portal.export.CsvExport;
import org.unionreports.portal.export.ExportDocument;
import org.unionreports.portal.export.Exports;
import org.unionreports.portal.export.PdfExport;
import org.unionreports.portal.export.ReportSummary;
import org.unionreports.portal.export.XlsxExport;
import org.unionreports.portal.web.PeriodParameter;
import org.unionreports.portal.web.PublicAddress;

/**
 * The exports of CONTRACT.md: {@code /reports/{id}/export.csv|.xlsx|.pdf} and
 * {@code /regions/{code}/export.csv|.xlsx|.pdf?period=}. Public ones carry published figures only; staff and
 * leaders get the drafts of their regions too, marked as drafts.
 */
@RestController
class ExportController {

	static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

	static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final Exports exports;

	private final MessageSource messages;

	private final ReportSummary summary;

	private final PdfExport pdf;

	private final PublicAddress address;

	ExportController(Exports exports, MessageSource messages, ReportSummary summary, PdfExport pdf,
			PublicAddress address) {
		this.address = address;
		this.exports = exports;
		this.messages = messages;
		this.summary = summary;
		this.pdf = pdf;
	}

	/** A few paragraphs to quote, made from the report's figures ({@code ?lang=en} for English). */
	@GetMapping(value = "/reports/{id}/summary", produces = "text/plain;charset=UTF-8")
	String summary(@PathVariable long id, Locale locale) {
		return this.summary.of(id, locale);
	}

	@GetMapping("/reports/{id}/export.csv")
	ResponseEntity<byte[]> reportCsv(@PathVariable long id, Locale locale) {
		return file(CsvExport.write(report(id, locale)), CSV, "report-" + id + ".csv");
	}

	@GetMapping("/reports/{id}/export.xlsx")
	ResponseEntity<byte[]> reportXlsx(@PathVariable long id, Locale locale) {
		return file(XlsxExport.write(report(id, locale), labels(locale)), XLSX, "report-" + id + ".xlsx");
	}

	@GetMapping("/reports/{id}/export.pdf")
	ResponseEntity<byte[]> reportPdf(@PathVariable long id, Locale locale) {
		return file(this.pdf.write(report(id, locale), locale), MediaType.APPLICATION_PDF, "report-" + id + ".pdf");
	}

	@GetMapping("/regions/{code}/export.pdf")
	ResponseEntity<byte[]> regionPdf(@PathVariable String code, @RequestParam(required = false) String period,
			Locale locale) {
		ExportDocument document = region(code, period, locale);
		return file(this.pdf.write(document, locale), MediaType.APPLICATION_PDF, fileName(document, "pdf"));
	}

	@GetMapping("/regions/{code}/export.csv")
	ResponseEntity<byte[]> regionCsv(@PathVariable String code, @RequestParam(required = false) String period,
			Locale locale) {
		ExportDocument document = region(code, period, locale);
		return file(CsvExport.write(document), CSV, fileName(document, "csv"));
	}

	@GetMapping("/regions/{code}/export.xlsx")
	ResponseEntity<byte[]> regionXlsx(@PathVariable String code, @RequestParam(required = false) String period,
			Locale locale) {
		ExportDocument document = region(code, period, locale);
		return file(XlsxExport.write(document, labels(locale)), XLSX, fileName(document, "xlsx"));
	}

	ExportDocument report(long id, Locale locale) {
		return this.exports.report(id, baseUrl(), locale);
	}

	ExportDocument region(String code, String period, Locale locale) {
		return this.exports.region(code, PeriodParameter.parse(period), baseUrl(), locale);
	}

	static String fileName(ExportDocument document, String extension) {
		return "region-" + document.regionCode() + (document.period().isEmpty() ? "" : "-" + document.period()) + "."
				+ extension;
	}

	static ResponseEntity<byte[]> file(byte[] body, MediaType type, String fileName) {
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
			.body(body);
	}

	private Map<String, String> labels(Locale locale) {
		Map<String, String> labels = new LinkedHashMap<>();
		for (String key : new String[] { "figures", "sections", "title", "region", "period", "status", "source",
				"licence", "address", "draft", "published", "compiled" }) {
			labels.put(key, this.messages.getMessage("export.label." + key, null, locale));
		}
		return labels;
	}

	private String baseUrl() {
		return this.address.base();
	}

}
