package org.unionreports.portal.report.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import org.unionreports.portal.report.ReportCatalogue;
import org.unionreports.portal.report.ReportNotFoundException;

@Controller
class ReportController {

	private final ReportCatalogue reports;

	ReportController(ReportCatalogue reports) {
		this.reports = reports;
	}

	@GetMapping("/reports/{id}")
	String report(@PathVariable Long id, Model model) {
		var doc = this.reports.findVisible(id).orElseThrow(() -> new ReportNotFoundException(id));
		model.addAttribute("doc", doc);
		model.addAttribute("revisions", this.reports.revisions(doc.report()));
		return "reports/report";
	}

}
