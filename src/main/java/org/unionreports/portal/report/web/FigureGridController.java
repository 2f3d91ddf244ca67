package org.unionreports.portal.report.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.unionreports.portal.metric.MetricCatalogue;
import org.unionreports.portal.report.EditConflictException;
import org.unionreports.portal.report.EditableReports;
import org.unionreports.portal.report.FigureRules;
import org.unionreports.portal.report.ReportDocument;
import org.unionreports.portal.report.ReportEntry;
import org.unionreports.portal.report.ReportRevisions;
import org.unionreports.portal.report.RevisionConflictException;
import org.unionreports.portal.report.RevisionInputException;
import org.unionreports.portal.report.ReportStateException;

/**
 * The figure grid: every catalogue metric by family and the long-tail rows, typed the Chinese way. As a
 * cell is typed, htmx asks {@code /staff/figure-preview} how it will be stored and written. A save with any
 * error stores nothing and shows the whole grid again, as typed, with each message at its cell.
 */
@Controller
class FigureGridController {

	private final EditableReports reports;

	private final ReportEntry entry;

	private final MetricCatalogue catalogue;

	private final FigureRules rules;

	private final ReportRevisions revisions;

	FigureGridController(EditableReports reports, ReportEntry entry, MetricCatalogue catalogue, FigureRules rules,
			ReportRevisions revisions) {
		this.reports = reports;
		this.entry = entry;
		this.catalogue = catalogue;
		this.rules = rules;
		this.revisions = revisions;
	}

	/**
	 * Room for a report of a few thousand figures: Spring grows a bound list to 256 entries at most unless
	 * told otherwise, and a long report has more rows (the form's size is limited by LongFormFilter).
	 */
	@InitBinder("form")
	void allowLongLists(WebDataBinder binder) {
		binder.setAutoGrowCollectionLimit(5000);
	}

	@GetMapping("/staff/reports/{id}/figures")
	String showGrid(@PathVariable Long id, Model model) {
		EditableReports.Opened opened = this.reports.open(id);
		FigureGrid grid = show(opened.document(), model);
		FigureGridForm form = grid.form();
		form.openedAt(opened.edit());
		model.addAttribute("form", form);
		model.addAttribute("previews", grid.previews(form));
		return "staff/figures";
	}

	@PostMapping("/staff/reports/{id}/figures")
	String save(@PathVariable Long id, @Valid @ModelAttribute("form") FigureGridForm form, BindingResult result,
			@RequestParam(defaultValue = "save") String action, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		FigureGrid grid = show(this.reports.forChange(id), model);
		model.addAttribute("previews", grid.previews(form));
		if (action.equals("addRow")) {
			form.getRows().add(new FigureGridForm.LongTailRow());
			return "staff/figures";
		}
		FigureGrid.Reading reading = grid.read(form, result);
		ReportDocument doc = (ReportDocument) model.getAttribute("doc");
		List<FigureRules.Finding> warnings = new ArrayList<>();
		for (FigureRules.Finding finding : this.rules.check(doc.report(), reading.figures())) {
			if (finding.warning()) {
				warnings.add(finding);
			}
			else {
				result.rejectValue(finding.field(), finding.messageKey(), finding.arguments().toArray(), null);
			}
		}
		if (doc.report().isPublished() && (form.getRevisionReason() == null || form.getRevisionReason().isBlank())) {
			result.rejectValue("revisionReason", "report.revisionReasonRequired");
		}
		if (result.hasErrors()) {
			return "staff/figures";
		}
		if (doc.report().isPublished()) {
			return propose(id, form, reading, result, redirect, response);
		}
		try {
			this.entry.saveFigures(id, form.edit(), reading.changedFigures(), reading.removed());
		}
		catch (EditConflictException ex) {
			form.setVersion(ex.currentVersion());
			form.setLastChangeSeen(ex.lastChangeId());
			model.addAttribute("conflict", ex.changesSince());
			response.setStatus(HttpStatus.CONFLICT.value());
			return "staff/figures";
		}
		catch (ObjectOptimisticLockingFailureException ex) {
			// Two saves at the same moment: the other one won; show it like any other conflict.
			response.setStatus(HttpStatus.CONFLICT.value());
			return conflictAfterClash(id, form, model);
		}
		catch (ReportStateException ex) {
			result.reject(ex.messageKey());
			return "staff/figures";
		}
		redirect.addFlashAttribute("message", "report.figures.saved");
		redirect.addFlashAttribute("warnings", warnings);
		return "redirect:/staff/reports/" + id + "/figures";
	}

	/**
	 * A published report's figures change only when a leader approves: the save becomes a revision that waits,
	 * and the published figures stay as they are meanwhile.
	 */
	private String propose(Long id, FigureGridForm form, FigureGrid.Reading reading, BindingResult result,
			RedirectAttributes redirect, HttpServletResponse response) {
		try {
			this.revisions.propose(id, form.getRevisionReason(), reading.changedFigures(), reading.removed());
			redirect.addFlashAttribute("message", "report.revision.proposed");
			return "redirect:/staff/reports/" + id;
		}
		catch (RevisionInputException ex) {
			result.rejectValue("revisionReason", ex.messageKey());
		}
		catch (ReportStateException ex) {
			// Another revision still waits (409), or this one changes nothing.
			if (ex instanceof RevisionConflictException) {
				response.setStatus(HttpStatus.CONFLICT.value());
			}
			result.reject(ex.messageKey());
		}
		return "staff/figures";
	}

	private String conflictAfterClash(Long id, FigureGridForm form, Model model) {
		EditConflictException conflict = this.entry.conflictSince(id, form.edit());
		form.setVersion(conflict.currentVersion());
		form.setLastChangeSeen(conflict.lastChangeId());
		model.addAttribute("conflict", conflict.changesSince());
		return "staff/figures";
	}

	/** The preview beside a cell: what it will store and how the portal will write it. */
	@GetMapping("/staff/figure-preview")
	String preview(@RequestParam Map<String, String> params, @RequestParam(defaultValue = "") String unit,
			Model model) {
		String text = params.entrySet()
			.stream()
			.filter(e -> e.getKey().startsWith("cells[") || e.getKey().endsWith(".value"))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElse("");
		String rowUnit = params.entrySet()
			.stream()
			.filter(e -> e.getKey().endsWith(".unit") || e.getKey().startsWith("units["))
			.map(Map.Entry::getValue)
			.filter(value -> !value.isBlank())
			.findFirst()
			.orElse(unit);
		model.addAttribute("preview", FigureGrid.preview(text, rowUnit.strip()));
		return "staff/preview :: single";
	}

	private FigureGrid show(ReportDocument doc, Model model) {
		FigureGrid grid = new FigureGrid(doc, this.catalogue.all());
		model.addAttribute("doc", doc);
		model.addAttribute("grid", grid);
		return grid;
	}

}
