package org.unionreports.portal.report.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.unionreports.portal.report.ReportRevisions;
import org.unionreports.portal.report.ReportStateException;
import org.unionreports.portal.report.RevisionInputException;

/** A leader decides a revision of a published report's figures in the browser, from the report's page. */
@Controller
class RevisionController {

	private final ReportRevisions revisions;

	RevisionController(ReportRevisions revisions) {
		this.revisions = revisions;
	}

	@PostMapping("/staff/reports/{id}/revisions/{n}/approve")
	String approve(@PathVariable Long id, @PathVariable int n, RedirectAttributes redirect) {
		try {
			this.revisions.approve(id, n);
			redirect.addFlashAttribute("message", "report.revision.approved");
		}
		catch (ReportStateException ex) {
			redirect.addFlashAttribute("problem", ex.messageKey());
		}
		return "redirect:/staff/reports/" + id;
	}

	@PostMapping("/staff/reports/{id}/revisions/{n}/return")
	String returnRevision(@PathVariable Long id, @PathVariable int n, @RequestParam(required = false) String comment,
			RedirectAttributes redirect) {
		try {
			this.revisions.returnRevision(id, n, comment);
			redirect.addFlashAttribute("message", "report.revision.returned");
		}
		catch (RevisionInputException ex) {
			redirect.addFlashAttribute("problem", ex.messageKey());
		}
		catch (ReportStateException ex) {
			redirect.addFlashAttribute("problem", ex.messageKey());
		}
		return "redirect:/staff/reports/" + id;
	}

}
