package org.unionreports.portal.dashboard.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import org.unionreports.portal.region.Region;
import org.unionreports.portal.region.RegionTree;
import org.unionreports.portal.report.Report;
import org.unionreports.portal.report.ReportCatalogue;
import org.unionreports.portal.shared.NotFoundException;

/** The public region API of CONTRACT.md: the tree and each region's published reports. */
@RestController
@RequestMapping("/api/regions")
class RegionApiController {

	private final RegionTree regions;

	private final ReportCatalogue reports;

	RegionApiController(RegionTree regions, ReportCatalogue reports) {
		this.regions = regions;
		this.reports = reports;
	}

	/** The country and its provinces; walk further down through each region's children. */
	@GetMapping
	List<RegionJson> regions() {
		Region national = this.regions.national();
		List<RegionJson> list = new java.util.ArrayList<>();
		list.add(RegionJson.of(national));
		this.regions.children(national).forEach(province -> list.add(RegionJson.of(province)));
		return list;
	}

	@GetMapping("/{code}")
	RegionDetailJson region(@PathVariable String code) {
		Region region = this.regions.find(code).orElseThrow(() -> new NotFoundException("region " + code));
		Region parent = region.getParent();
		List<RegionJson> children = this.regions.children(region).stream().map(RegionJson::of).toList();
		List<ReportJson> reports = this.reports.publishedOf(region).stream().map(ReportJson::of).toList();
		return new RegionDetailJson(region.getCode(), region.getNameZh(), region.getNameEn(), region.getLevel().name(),
				region.isDivisionCode(), parent == null ? null : RegionJson.of(parent), children, reports);
	}

	record RegionJson(String code, String nameZh, String nameEn, String level) {

		static RegionJson of(Region region) {
			return new RegionJson(region.getCode(), region.getNameZh(), region.getNameEn(), region.getLevel().name());
		}

	}

	record RegionDetailJson(String code, String nameZh, String nameEn, String level, boolean divisionCode,
			RegionJson parent, List<RegionJson> children, List<ReportJson> reports) {
	}

	record ReportJson(Long id, int periodStart, int periodEnd, String title, String status) {

		static ReportJson of(Report report) {
			return new ReportJson(report.getId(), report.getPeriod().firstYear(), report.getPeriod().lastYear(),
					report.getTitle(), report.getStatus().name());
		}

	}

}
