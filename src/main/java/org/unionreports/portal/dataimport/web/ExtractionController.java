package org.unionreports.portal.dataimport.web;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

import org.unionreports.portal.dataimport.DemoReports;
import org.unionreports.portal.dataimport.FigureExtractor;
import org.unionreports.portal.dataimport.FileEncoding;
import org.unionreports.portal.metric.Family;
import org.unionreports.portal.metric.Metric;
import org.unionreports.portal.metric.MetricCatalogue;
import org.unionreports.portal.metric.MetricKind;
import org.unionreports.portal.report.EditableReports;
import org.unionreports.portal.report.FigureInput;
import org.unionreports.portal.report.FigureRules;
import org.unionreports.portal.report.ReportDocument;
import org.unionreports.portal.report.ReportEntry;
import org.unionreports.portal.report.ReportEntry.SectionText;
import org.unionreports.portal.report.ReportStateException;
import org.unionreports.portal.report.StoreResult;
import org.unionreports.portal.shared.Amount;
import org.unionreports.portal.shared.FigureFormat;
import org.unionreports.portal.shared.FigureFormatException;
import org.unionreports.portal.shared.Period;
import org.unionreports.portal.shared.ReadNumber;
import org.unionreports.portal.dataimport.ExtractionLimits;

/**
 * Figures from a report's text: paste it (or upload it as .txt), review every proposed figure (accept,
 * correct the value, the unit or the metric, or drop it), then store the accepted ones with the text
 * they stand in, and the narrative into the sections.
 */
@Controller
class ExtractionController {

	private final FigureExtractor extractor;

	private final EditableReports reports;

	private final ReportEntry entry;

	private final MetricCatalogue catalogue;

	private final MessageSource messages;

	private final FigureRules rules;

	/** The largest text (pasted or as a .txt file) the extractor reads; a report's text is well under 1 MB. */
	private final DataSize maxText;

	ExtractionController(FigureExtractor extractor, EditableReports reports, ReportEntry entry,
			MetricCatalogue catalogue, MessageSource messages, FigureRules rules,
			ExtractionLimits limits) {
		this.rules = rules;
		this.extractor = extractor;
		this.reports = reports;
		this.entry = entry;
		this.catalogue = catalogue;
		this.messages = messages;
		this.maxText = limits.maxTextSize();
	}

	/**
	 * Room for a report of a few thousand figures: Spring grows a bound list to 256 entries at most unless
	 * told otherwise, and a long report has more rows (the form's size is limited by LongFormFilter).
	 */
	@InitBinder("form")
	void allowLongLists(WebDataBinder binder) {
		binder.setAutoGrowCollectionLimit(5000);
	}

	@GetMapping("/staff/reports/{id}/extract")
	String form(@PathVariable Long id, Model model) {
		show(this.reports.forPage(id), model);
		return "staff/extract";
	}

	@PostMapping("/staff/reports/{id}/extract")
	String propose(@PathVariable Long id, @RequestParam(defaultValue = "") String text,
			@RequestParam(required = false) MultipartFile file, Model model, HttpServletResponse response)
			throws IOException {
		show(this.reports.forChange(id), model);
		boolean fromFile = file != null && !file.isEmpty();
		long size = fromFile ? file.getSize() : text.getBytes(StandardCharsets.UTF_8).length;
		if (size > this.maxText.toBytes()) {
			// Refused before the extractor sees it; the pasted text goes back into its box, not lost.
			response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
			model.addAttribute("tooLarge", true);
			model.addAttribute("text", fromFile ? "" : text);
			return "staff/extract";
		}
		String source = text;
		if (fromFile) {
			byte[] bytes = file.getBytes();
			Charset charset = FileEncoding.detect(bytes);
			source = new String(bytes, charset);
		}
		if (source.isBlank()) {
			model.addAttribute("problem", "extract.empty");
			return "staff/extract";
		}
		model.addAttribute("form", ExtractionForm.of(source, this.extractor.extract(source, DemoReports.LEAD_HEADING)));
		return "staff/extract";
	}

	/** The review as a plain form post: the page without its script, and short reports. */
	@PostMapping("/staff/reports/{id}/extract/accept")
	String accept(@PathVariable Long id, @ModelAttribute("form") ExtractionForm form, BindingResult result, Model model,
			Locale locale, RedirectAttributes redirect) {
		show(this.reports.forChange(id), model);
		Summary summary = store(id, form, result, locale);
		if (summary == null) {
			return "staff/extract";
		}
		redirect.addFlashAttribute("message", "extract.done");
		summary.flash().forEach(redirect::addFlashAttribute);
		return "redirect:/staff/reports/" + id;
	}

	/**
	 * The review as one JSON body, as the page's script sends it: a long report has thousands of fields, past
	 * what a form post may carry. Answers 200 with where to go next (the workspace, which then says what was
	 * stored, as after a form post), or 422 with every problem at its row, in the user's language, and
	 * nothing stored.
	 */
	@PostMapping(path = "/staff/reports/{id}/extract/accept.json", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<ReviewAnswer> acceptJson(@PathVariable Long id, @RequestBody ExtractionForm form, Locale locale,
			HttpServletRequest request, HttpServletResponse response) {
		this.reports.requireEditable(id);
		BindingResult result = new BeanPropertyBindingResult(form, "form");
		Summary summary = store(id, form, result, locale);
		if (summary == null) {
			return ResponseEntity.status(422).body(ReviewAnswer.refused(result, this.messages, locale));
		}
		String next = "/staff/reports/" + id;
		FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
		flash.put("message", "extract.done");
		flash.putAll(summary.flash());
		RequestContextUtils.saveOutputFlashMap(next, request, response);
		return ResponseEntity.ok(ReviewAnswer.stored(request.getContextPath() + next, summary));
	}

	/**
	 * Reads every accepted row and checks them together (a rate over 100 % is refused at its row; a figure
	 * that breaks a soft rule is kept, flagged when its note explains it); stores them all, or, with any
	 * problem, nothing (null).
	 */
	private Summary store(Long id, ExtractionForm form, BindingResult result, Locale locale) {
		form.applyHolds();
		MetricCatalogue.Lookup metrics = this.catalogue.snapshot();
		Map<String, FigureInput> accepted = new LinkedHashMap<>();
		for (int i = 0; i < form.getFigures().size(); i++) {
			ExtractionForm.Row row = form.getFigures().get(i);
			if (!row.isAccept()) {
				continue;
			}
			FigureInput input = input(row, "figures[" + i + "].", metrics, result);
			if (input != null) {
				accepted.put(Integer.toString(i), input);
			}
		}
		for (FigureRules.Finding finding : this.rules.errors(accepted)) {
			FigureInput input = accepted.get(finding.field());
			if (!finding.warning()) {
				result.rejectValue("figures[" + finding.field() + "].value", finding.messageKey(),
						finding.arguments().toArray(), null);
			}
			else if (input.note() != null && input.flag() == null) {
				accepted.put(finding.field(), input.withFlag(finding.flag()));
			}
		}
		if (result.hasErrors()) {
			return null;
		}
		List<Integer> rowOf = accepted.keySet().stream().map(Integer::valueOf).toList();
		try {
			List<SectionText> sections = !form.isImportSections() ? List.of()
					: form.getSections()
						.stream()
						.map(section -> new SectionText(section.getHeading(), section.getNarrative()))
						.toList();
			StoreResult stored = this.entry.acceptExtraction(id, sections, form.isDropEmptySections(),
					List.copyOf(accepted.values()));
			return Summary.of(stored, form, rowOf, this.messages, locale);
		}
		catch (ReportStateException ex) {
			result.reject(ex.messageKey());
			return null;
		}
	}

	private static FigureInput input(ExtractionForm.Row row, String prefix, MetricCatalogue.Lookup metrics,
			BindingResult result) {
		String unit = row.getUnit() == null ? "" : row.getUnit().strip();
		if (unit.isEmpty()) {
			result.rejectValue(prefix + "unit", "figure.longTail.unitRequired");
			return null;
		}
		Amount amount;
		if (row.isMissing() && (row.getValue() == null || row.getValue().isBlank())) {
			amount = Amount.missing(unit);
		}
		else {
			try {
				ReadNumber number = FigureFormat.read(row.getValue());
				amount = new Amount(number.value(), unit, number.qualifier());
			}
			catch (FigureFormatException ex) {
				result.rejectValue(prefix + "value", ex.problem().messageKey(), ex.arguments(), ex.getMessage());
				return null;
			}
		}
		Metric metric = row.getMetricKey() == null || row.getMetricKey().isBlank() ? null
				: metrics.byKey(row.getMetricKey()).orElse(null);
		if (metric != null && !metric.accepts(unit)) {
			result.rejectValue(prefix + "unit", "figure.rule.unit", new Object[] { unit, metric.getNameZh() }, null);
			return null;
		}
		if (metric == null && (row.getLabel() == null || row.getLabel().isBlank())) {
			result.rejectValue(prefix + "label", "figure.longTail.nameRequired");
			return null;
		}
		Period period = null;
		if (row.getPeriod() != null && !row.getPeriod().isBlank()) {
			try {
				period = Period.parse(row.getPeriod());
			}
			catch (IllegalArgumentException ex) {
				result.rejectValue(prefix + "period", "extract.period.invalid", new Object[] { row.getPeriod() }, null);
				return null;
			}
		}
		FigureInput.LongTail longTail = metric != null ? null
				: new FigureInput.LongTail(row.getLabel().strip(), null, Family.OTHER,
						row.isTarget() ? MetricKind.TARGET : MetricKind.FLOW);
		String note = row.getNote() == null || row.getNote().isBlank() ? null : row.getNote().strip();
		// The figure's own subject, as the text import gives it: what the source says it counts.
		String subject = row.getLabel() == null || row.getLabel().isBlank()
				? (row.getNumberText() == null ? "" : row.getNumberText()) + unit : row.getLabel().strip();
		subject = subject.length() > 200 ? subject.substring(0, 200) : subject;
		return new FigureInput(row.getSection(), metric, longTail, amount, period, row.isTarget(), row.getContext(),
				row.getNumberText(), note, subject, metric != null && row.isHoldsMetric(), null);
	}

	private void show(ReportDocument doc, Model model) {
		model.addAttribute("doc", doc);
		List<Metric> all = this.catalogue.all();
		model.addAttribute("catalogue", all);
		model.addAttribute("metricsByKey", all.stream().collect(Collectors.toMap(Metric::getKey, m -> m)));
		model.addAttribute("maxTextBytes", this.maxText.toBytes());
		model.addAttribute("maxText", readable(this.maxText));
	}

	/** The limit as people read it: 2 MB, 512 KB. */
	static String readable(DataSize size) {
		long bytes = size.toBytes();
		if (bytes % (1024 * 1024) == 0) {
			return bytes / (1024 * 1024) + " MB";
		}
		return bytes % 1024 == 0 ? bytes / 1024 + " KB" : bytes + " B";
	}

}
