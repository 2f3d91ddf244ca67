package org.unionreports.portal.dataimport.web;

import java.io.IOException;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import org.unionreports.portal.dataimport.FigureImport;
import org.unionreports.portal.dataimport.FigureImport.Result;
import org.unionreports.portal.dataimport.FigureImport.Upload;

/**
 * {@code POST /api/reports/{id}/figures/import}: a CSV body, or a multipart field {@code file} (CSV or XLSX);
 * {@code ?dryRun=true} checks only. All or nothing: with one bad row nothing is written and the answer is 422.
 */
@RestController
class ImportApiController {

	private final FigureImport imports;

	ImportApiController(FigureImport imports) {
		this.imports = imports;
	}

	record Problem(int line, String column, String message) {
	}

	record Answer(int accepted, long rejected, List<Problem> errors, boolean dryRun, boolean written, String encoding) {

		static Answer of(Result result, boolean dryRun) {
			return new Answer(result.sheet().isValid() ? result.accepted() : result.accepted(), result.rejected(),
					result.sheet().problems().stream().map(p -> new Problem(p.line(), p.column(), p.message())).toList(),
					dryRun, result.written(), result.encoding() == null ? null : result.encoding().name());
		}

	}

	@PostMapping(path = "/api/reports/{id}/figures/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<Answer> importFile(@PathVariable Long id, @RequestParam("file") MultipartFile file,
			@RequestParam(defaultValue = "false") boolean dryRun, @RequestParam(defaultValue = "auto") String encoding)
			throws IOException {
		return answer(id, new Upload(file.getOriginalFilename(), file.getBytes(), encoding), dryRun);
	}

	@PostMapping(path = "/api/reports/{id}/figures/import", consumes = { "text/csv", MediaType.TEXT_PLAIN_VALUE,
			MediaType.APPLICATION_OCTET_STREAM_VALUE,
			"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" })
	ResponseEntity<Answer> importBody(@PathVariable Long id, @RequestBody byte[] body,
			@RequestParam(defaultValue = "false") boolean dryRun, @RequestParam(defaultValue = "auto") String encoding) {
		return answer(id, new Upload(null, body, encoding), dryRun);
	}

	private ResponseEntity<Answer> answer(Long id, Upload upload, boolean dryRun) {
		Result result = dryRun ? this.imports.check(id, upload) : this.imports.apply(id, upload);
		HttpStatus status = result.sheet().isValid() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT;
		return ResponseEntity.status(status).body(Answer.of(result, dryRun));
	}

}
