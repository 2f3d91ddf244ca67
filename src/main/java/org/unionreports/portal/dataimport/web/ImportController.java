package org.unionreports.portal.dataimport.web;

import java.io.IOException;
import java.security.Principal;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.unionreports.portal.dataimport.FigureImport;
import org.unionreports.portal.dataimport.FigureImport.Result;
import org.unionreports.portal.dataimport.FigureImport.Upload;
import org.unionreports.portal.dataimport.ImportTemplates;
import org.unionreports.portal.dataimport.UploadFields;
import org.unionreports.portal.report.EditableReports;
import org.unionreports.portal.report.ReportDocument;
import org.unionreports.portal.report.ReportStateException;
import org.unionreports.portal.web.UploadLimits;

/**
 * Importing a figure file in the browser: upload, see every row as the portal read it (the dry run), then
 * import with one button. The file waits in {@link PendingUploads} between the two steps; the session holds
 * only its id.
 */
@Controller
class ImportController {

	/** The dry run lists every row with a problem, and the first rows of the rest. */
	static final int ROWS_SHOWN = 300;

	private static final String PENDING = ImportController.class.getName() + ".pending.";

	private final FigureImport imports;

	private final EditableReports reports;

	private final PendingUploads pending;

	/** The largest upload (RequestSizeFilter's limit), stated on the page for its script to check first. */
	private final DataSize maxUpload;

	ImportController(FigureImport imports, EditableReports reports, PendingUploads pending,
			UploadLimits limits) {
		this.imports = imports;
		this.reports = reports;
		this.pending = pending;
		this.maxUpload = limits.maxSize();
	}

	@GetMapping("/staff/reports/{id}/import")
	String form(@PathVariable Long id, Model model) {
		show(this.reports.forPage(id), model);
		return "staff/import";
	}

	@PostMapping("/staff/reports/{id}/import")
	String check(@PathVariable Long id, @RequestParam("file") MultipartFile file,
			@RequestParam(defaultValue = "auto") String encoding, HttpSession session, Principal user, Model model,
			HttpServletResponse response) throws IOException {
		show(this.reports.forChange(id), model);
		Optional<UploadFields.Refusal> refused = UploadFields.check(file.getOriginalFilename(), encoding);
		if (refused.isPresent()) {
			// The form again with the field's problem at it, under 422 as a refused file (the page's script
			// shows such an answer in place); the encoding chosen stays chosen (a page cannot put a file back
			// into a file field).
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("uploadRefusal", refused.get());
			model.addAttribute("encoding", refused.get().field().equals("encoding") ? "auto" : encoding);
			return "staff/import";
		}
		Upload upload = new Upload(file.getOriginalFilename(), file.getBytes(), encoding);
		Result result = this.imports.check(id, upload);
		model.addAttribute("result", result);
		model.addAttribute("shownRows", result.sheet()
			.rows()
			.stream()
			.filter(row -> !row.problems().isEmpty() || row.line() <= ROWS_SHOWN + 1)
			.limit(ROWS_SHOWN + 1000)
			.toList());
		model.addAttribute("filename", file.getOriginalFilename());
		model.addAttribute("encoding", encoding);
		if (result.sheet().isValid()) {
			session.setAttribute(PENDING + id, this.pending.keep(id, user.getName(), upload));
		}
		else {
			this.pending.discard(id, user.getName());
			session.removeAttribute(PENDING + id);
			// As the API answers a refused file: the page with every problem, under 422.
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		}
		return "staff/import";
	}

	@PostMapping("/staff/reports/{id}/import/confirm")
	String apply(@PathVariable Long id, HttpSession session, Principal user, RedirectAttributes redirect) {
		this.reports.requireEditable(id);
		Optional<Upload> waiting = session.getAttribute(PENDING + id) instanceof String pendingId
				? this.pending.find(pendingId, id, user.getName()) : Optional.empty();
		if (waiting.isEmpty()) {
			redirect.addFlashAttribute("problem", "import.nothingPending");
			return "redirect:/staff/reports/" + id + "/import";
		}
		try {
			Result result = this.imports.apply(id, waiting.get());
			session.removeAttribute(PENDING + id);
			this.pending.discard(id, user.getName());
			if (!result.written()) {
				redirect.addFlashAttribute("problem", "import.failed");
				return "redirect:/staff/reports/" + id + "/import";
			}
			redirect.addFlashAttribute("imported", result.accepted());
			redirect.addFlashAttribute("message", "import.done");
		}
		catch (ReportStateException ex) {
			redirect.addFlashAttribute("problem", ex.messageKey());
		}
		return "redirect:/staff/reports/" + id;
	}

	@GetMapping("/staff/import-template.csv")
	ResponseEntity<byte[]> csvTemplate() {
		return download(ImportTemplates.csv(), "figures-template.csv", new MediaType("text", "csv",
				java.nio.charset.StandardCharsets.UTF_8));
	}

	@GetMapping("/staff/import-template.xlsx")
	ResponseEntity<byte[]> xlsxTemplate() {
		return download(ImportTemplates.xlsx(), "figures-template.xlsx",
				MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
	}

	private static ResponseEntity<byte[]> download(byte[] body, String filename, MediaType type) {
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
			.body(body);
	}

	private void show(ReportDocument doc, Model model) {
		model.addAttribute("doc", doc);
		model.addAttribute("maxUploadBytes", this.maxUpload.toBytes());
		model.addAttribute("maxUpload", ExtractionController.readable(this.maxUpload));
	}

}
