package org.unionreports.portal.dashboard.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import org.unionreports.portal.dashboard.RegionOverview;

@Controller
class RegionPageController {

	private final RegionOverview overview;

	RegionPageController(RegionOverview overview) {
		this.overview = overview;
	}

	@GetMapping("/regions/{code}")
	String region(@PathVariable String code, Model model) {
		model.addAttribute("overview", this.overview.of(code));
		return "regions/region";
	}

}
