package org.unionreports.portal.dashboard.web;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.unionreports.portal.dashboard.RegionFigures;
import org.unionreports.portal.region.Region;
import org.unionreports.portal.region.RegionTree;
import org.unionreports.portal.report.Report;
import org.unionreports.portal.report.ReportCatalogue;
import org.unionreports.portal.shared.NotFoundException;
import org.unionreports.portal.shared.Period;
import org.unionreports.portal.shared.Qualifier;
import org.unionreports.portal.shared.web.PeriodParameter;

/** The public region API of CONTRACT.md: the tree and each region's published reports. */
@RestController
@RequestMapping("/api/regions")
class RegionApiController {

	private final RegionTree regions;

	private final ReportCatalogue reports;

	private final RegionFigures figures;

	RegionApiController(RegionTree regions, ReportCatalogue reports, RegionFigures figures) {
		this.regions = regions;
		this.reports = reports;
		this.figures = figures;
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

	/**
	 * The region's catalogue figures for a period ({@code 2022} or {@code 2018-2022}; the latest reported
	 * if none), rolled up over its sub-regions: value and qualifier (or the range of a rate, each end with its
	 * own qualifier in {@code minQualifier} and {@code maxQualifier}), how many
	 * sub-regions reported, where the value came from, and the region's own total beside its
	 * sub-regions' where both exist.
	 */
	@GetMapping("/{code}/figures")
	FiguresJson figures(@PathVariable String code, @RequestParam(required = false) String period,
			@RequestParam(required = false) String metric) {
		Region region = this.regions.find(code).orElseThrow(() -> new NotFoundException("region " + code));
		Period asked = PeriodParameter.parse(period);
		Period chosen = asked != null ? asked : this.figures.latestPeriod(region).orElse(null);
		if (chosen == null) {
			return new FiguresJson(region.getCode(), null, List.of());
		}
		List<FigureJson> lines = this.figures.of(region, chosen)
			.stream()
			.filter(line -> metric == null || metric.isBlank() || line.metric().getKey().equals(metric.strip()))
			.map(FigureJson::of)
			.toList();
		return new FiguresJson(region.getCode(), chosen.toString(), lines);
	}

	record FiguresJson(String regionCode, String period, List<FigureJson> figures) {
	}

	record FigureJson(String metricKey, String nameZh, String nameEn, String unit, String kind, BigDecimal value,
			String qualifier, BigDecimal min, BigDecimal max, String minQualifier, String maxQualifier, int reporting, int subRegions, String source,
			BigDecimal own, BigDecimal subRegionsTotal, boolean mismatch, boolean draft) {

		static FigureJson of(RegionFigures.Line line) {
			var value = line.value();
			return new FigureJson(line.metric().getKey(), line.metric().getNameZh(), line.metric().getNameEn(),
					line.metric().getUnit(), line.metric().getKind().code(), value.value(), value.qualifier().code(),
					value.min(), value.max(), code(value.minQualifier()), code(value.maxQualifier()), line.reporting(), line.subRegions(), line.source().name(),
					line.own() == null ? null : line.own().value(),
					line.fromSubRegions() == null ? null : line.fromSubRegions().value(), line.mismatch(), line.draft());
		}

		/** A range's ends carry their own qualifiers; a single value has none there. */
		private static String code(Qualifier qualifier) {
			return qualifier == null ? null : qualifier.code();
		}

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
