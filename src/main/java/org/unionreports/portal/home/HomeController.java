package org.unionreports.portal.home;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import org.unionreports.portal.region.RegionTree;
import org.unionreports.portal.report.ReportCatalogue;

/** The home page: find a region by name or code; the latest published reports. */
@Controller
class HomeController {

	private static final int LATEST = 10;

	private final RegionTree regions;

	private final ReportCatalogue reports;

	HomeController(RegionTree regions, ReportCatalogue reports) {
		this.regions = regions;
		this.reports = reports;
	}

	@GetMapping("/")
	String home(@RequestParam(name = "q", required = false) String query, Model model) {
		String q = query == null ? "" : query.strip();
		model.addAttribute("q", q);
		if (!q.isEmpty()) {
			model.addAttribute("results", this.regions.search(q));
		}
		model.addAttribute("national", this.regions.national());
		model.addAttribute("provinces", this.regions.children(this.regions.national()));
		model.addAttribute("latest", this.reports.latestPublished(LATEST));
		return "home";
	}

}
