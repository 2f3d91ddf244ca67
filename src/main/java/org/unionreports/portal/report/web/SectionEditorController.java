package org.unionreports.portal.report.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.unionreports.portal.report.EditConflictException;
import org.unionreports.portal.report.EditableReports;
import org.unionreports.portal.report.ReportDocument;
import org.unionreports.portal.report.ReportEntry;
import org.unionreports.portal.report.ReportRevisions;
import org.unionreports.portal.report.ReportStateException;
import org.unionreports.portal.report.RevisionConflictException;
import org.unionreports.portal.report.RevisionInputException;

/**
 * The sections of a report: rename, reorder, add and remove them, and write each one's narrative. Moving
 * and adding change the form only; one save stores it all, on the version the form was opened at.
 */
@Controller
class SectionEditorController {

	private final EditableReports reports;

	private final ReportEntry entry;

	private final ReportRevisions revisions;

	SectionEditorController(EditableReports reports, ReportEntry entry, ReportRevisions revisions) {
		this.reports = reports;
		this.entry = entry;
		this.revisions = revisions;
	}

	@GetMapping("/staff/reports/{id}/sections")
	String editor(@PathVariable Long id, Model model) {
		EditableReports.Opened opened = this.reports.open(id);
		model.addAttribute("doc", opened.document());
		SectionsForm form = SectionsForm.of(opened.document().sections());
		form.openedAt(opened.edit());
		model.addAttribute("form", form);
		return "staff/sections";
	}

	@PostMapping("/staff/reports/{id}/sections")
	String save(@PathVariable Long id, @Valid @ModelAttribute("form") SectionsForm form, BindingResult result,
			@RequestParam(defaultValue = "save") String action, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		ReportDocument doc = this.reports.forChange(id);
		model.addAttribute("doc", doc);
		if (!action.equals("save")) {
			form.rearrange(action); // an action it does not know changes nothing
			model.addAttribute("unsaved", true);
			return "staff/sections";
		}
		if (doc.report().isPublished() && (form.getRevisionReason() == null || form.getRevisionReason().isBlank())) {
			result.rejectValue("revisionReason", "report.revisionReasonRequired");
		}
		if (result.hasErrors()) {
			return "staff/sections";
		}
		try {
			if (doc.report().isPublished()) {
				// A published report's sections change only when a leader approves: the save waits as a revision.
				this.revisions.proposeSections(id, form.getRevisionReason(), form.edit(), form.toEdits());
				redirect.addFlashAttribute("message", "report.revision.proposed");
				return "redirect:/staff/reports/" + id;
			}
			this.entry.saveSections(id, form.edit(), form.toEdits());
		}
		catch (RevisionInputException ex) {
			result.rejectValue("revisionReason", ex.messageKey());
			return "staff/sections";
		}
		catch (EditConflictException ex) {
			form.setVersion(ex.currentVersion());
			form.setLastChangeSeen(ex.lastChangeId());
			model.addAttribute("conflict", ex.changesSince());
			response.setStatus(HttpStatus.CONFLICT.value());
			return "staff/sections";
		}
		catch (ReportStateException ex) {
			if (ex instanceof RevisionConflictException) {
				response.setStatus(HttpStatus.CONFLICT.value());
			}
			result.reject(ex.messageKey());
			return "staff/sections";
		}
		redirect.addFlashAttribute("message", "report.sections.saved");
		return "redirect:/staff/reports/" + id + "/sections";
	}

}
