package org.unionreports.portal.dataimport.web;

import java.io.IOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.unionreports.portal.dataimport.DemoReports;
import org.unionreports.portal.dataimport.FigureExtractor;
import org.unionreports.portal.dataimport.FileEncoding;
import org.unionreports.portal.metric.Family;
import org.unionreports.portal.metric.Metric;
import org.unionreports.portal.metric.MetricCatalogue;
import org.unionreports.portal.metric.MetricKind;
import org.unionreports.portal.report.FigureInput;
import org.unionreports.portal.report.ReportCatalogue;
import org.unionreports.portal.report.ReportEntry;
import org.unionreports.portal.report.ReportEntry.SectionText;
import org.unionreports.portal.report.ReportStateException;
import org.unionreports.portal.shared.Amount;
import org.unionreports.portal.shared.FigureFormat;
import org.unionreports.portal.shared.FigureFormatException;
import org.unionreports.portal.shared.ReadNumber;

/**
 * Figures from a report's text: paste it (or upload it as .txt), review every proposed figure (accept,
 * correct the value, the unit or the metric, or drop it), then store the accepted ones with the text
 * they stand in, and the narrative into the sections.
 */
@Controller
class ExtractionController {

	private final FigureExtractor extractor;

	private final ReportCatalogue reports;

	private final ReportEntry entry;

	private final MetricCatalogue catalogue;

	ExtractionController(FigureExtractor extractor, ReportCatalogue reports, ReportEntry entry,
			MetricCatalogue catalogue) {
		this.extractor = extractor;
		this.reports = reports;
		this.entry = entry;
		this.catalogue = catalogue;
	}

	@GetMapping("/staff/reports/{id}/extract")
	String form(@PathVariable Long id, Model model) {
		load(id, model);
		return "staff/extract";
	}

	@PostMapping("/staff/reports/{id}/extract")
	String propose(@PathVariable Long id, @RequestParam(defaultValue = "") String text,
			@RequestParam(required = false) MultipartFile file, Model model) throws IOException {
		guard(id);
		load(id, model);
		String source = text;
		if (file != null && !file.isEmpty()) {
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

	@PostMapping("/staff/reports/{id}/extract/accept")
	String accept(@PathVariable Long id, @ModelAttribute("form") ExtractionForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		guard(id);
		load(id, model);
		MetricCatalogue.Lookup metrics = this.catalogue.snapshot();
		List<FigureInput> accepted = new ArrayList<>();
		for (int i = 0; i < form.getFigures().size(); i++) {
			ExtractionForm.Row row = form.getFigures().get(i);
			if (!row.isAccept()) {
				continue;
			}
			FigureInput input = input(row, "figures[" + i + "].", metrics, result);
			if (input != null) {
				accepted.add(input);
			}
		}
		if (result.hasErrors()) {
			return "staff/extract";
		}
		try {
			List<SectionText> sections = !form.isImportSections() ? List.of()
					: form.getSections()
						.stream()
						.map(section -> new SectionText(section.getHeading(), section.getNarrative()))
						.toList();
			this.entry.acceptExtraction(id, sections, form.isDropEmptySections(), accepted);
		}
		catch (ReportStateException ex) {
			result.reject(ex.messageKey());
			return "staff/extract";
		}
		redirect.addFlashAttribute("message", "extract.done");
		return "redirect:/staff/reports/" + id;
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
		FigureInput.LongTail longTail = metric != null ? null
				: new FigureInput.LongTail(row.getLabel().strip(), null, Family.OTHER, MetricKind.FLOW);
		return new FigureInput(row.getSection(), metric, longTail, amount, null, false, row.getContext(),
				row.getNumberText(), null);
	}

	private void guard(Long id) {
		this.reports.requireEditable(id);
	}

	private void load(Long id, Model model) {
		model.addAttribute("doc", this.reports.findEditable(id));
		model.addAttribute("catalogue", this.catalogue.all());
	}

}
