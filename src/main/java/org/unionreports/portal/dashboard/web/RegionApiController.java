package org.unionreports.portal.dashboard.web;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.unionreports.portal.dashboard.Aggregation.Combined;
import org.unionreports.portal.dashboard.Change;
import org.unionreports.portal.dashboard.Contributor;
import org.unionreports.portal.dashboard.Coverage;
import org.unionreports.portal.dashboard.RegionFigures;
import org.unionreports.portal.region.Region;
import org.unionreports.portal.region.RegionTree;
import org.unionreports.portal.report.Report;
import org.unionreports.portal.report.ReportCatalogue;
import org.unionreports.portal.shared.NotFoundException;
import org.unionreports.portal.shared.Period;
import org.unionreports.portal.shared.Qualifier;
import org.unionreports.portal.web.PeriodParameter;

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
	 * own qualifier in {@code minQualifier} and {@code maxQualifier}), how many sub-regions reported, where
	 * the value came from and by which rule, the region's own total beside its sub-regions' where both exist,
	 * and the change from the previous period over what both share ({@code previous}, {@code changePercent},
	 * the coverage of both sides). {@code explain=true} adds each contributor, used or left out and why.
	 */
	@GetMapping("/{code}/figures")
	FiguresJson figures(@PathVariable String code, @RequestParam(required = false) String period,
			@RequestParam(required = false) String metric, @RequestParam(defaultValue = "false") boolean explain) {
		Region region = this.regions.find(code).orElseThrow(() -> new NotFoundException("region " + code));
		Period asked = PeriodParameter.parse(period);
		Period chosen = asked != null ? asked : this.figures.latestPeriod(region).orElse(null);
		if (chosen == null) {
			return new FiguresJson(region.getCode(), null, List.of());
		}
		List<FigureJson> lines = this.figures.of(region, chosen)
			.stream()
			.filter(line -> metric == null || metric.isBlank() || line.metric().getKey().equals(metric.strip()))
			.map(line -> FigureJson.of(line, explain))
			.toList();
		return new FiguresJson(region.getCode(), chosen.toString(), lines);
	}

	record FiguresJson(String regionCode, String period, List<FigureJson> figures) {
	}

	/**
	 * One rolled-up figure. {@code valuePeriod} is the period the value describes (2022 for a stock over
	 * 2018–2022); {@code previous} the previous period's value over the same regions as {@code current}
	 * (the total itself where both rest on the same regions), with {@code changeBasis} {@code same_coverage},
	 * {@code like_for_like} (over {@code changeRegions} sub-regions) or {@code not_comparable} (no change).
	 */
	record FigureJson(String metricKey, String nameZh, String nameEn, String unit, String kind, BigDecimal value,
			String qualifier, BigDecimal min, BigDecimal max, String minQualifier, String maxQualifier, int reporting,
			int subRegions, String source, String rule, String valuePeriod, CoverageJson coverage, BigDecimal own,
			BigDecimal subRegionsTotal, boolean mismatch, boolean draft, BigDecimal perTenThousandMembers,
			String perTenThousandMembersQualifier, String previousPeriod, String changeBasis, Integer changeRegions,
			BigDecimal current, BigDecimal previous, BigDecimal change, BigDecimal changePercent,
			BigDecimal currentTotal, BigDecimal previousTotal, CoverageJson previousCoverage,
			List<ContributorJson> contributors) {

		static FigureJson of(RegionFigures.Line line, boolean explain) {
			Combined value = line.value();
			Combined perMembers = line.perTenThousandMembers();
			Change change = line.change();
			return new FigureJson(line.metric().getKey(), line.metric().getNameZh(), line.metric().getNameEn(),
					line.metric().getUnit(), line.metric().getKind().code(), value.value(), value.qualifier().code(),
					value.min(), value.max(), code(value.minQualifier()), code(value.maxQualifier()), line.reporting(),
					line.subRegions(), line.source().name(), line.rule() == null ? null : line.rule().code(),
					line.valuePeriod() == null ? null : line.valuePeriod().toString(), CoverageJson.of(line.coverage()),
					line.own() == null ? null : line.own().value(),
					line.fromSubRegions() == null ? null : line.fromSubRegions().value(), line.mismatch(), line.draft(),
					perMembers == null ? null : perMembers.value(), perMembers == null ? null : perMembers.qualifier().code(),
					change == null ? null : change.previousPeriod().toString(),
					change == null ? null : change.basis().code(),
					change == null || change.basis() != Change.Basis.LIKE_FOR_LIKE ? null : change.regions(),
					change == null ? null : single(change.current()), change == null ? null : single(change.previous()),
					change == null ? null : change.difference().orElse(null),
					change == null ? null : change.percent().orElse(null),
					change == null ? null : single(change.currentTotal()),
					change == null ? null : single(change.previousTotal()),
					change == null ? null : CoverageJson.of(change.previousCoverage()),
					explain ? line.contributors().stream().map(ContributorJson::of).toList() : null);
		}

		private static BigDecimal single(Combined value) {
			return value == null ? null : value.value();
		}

		/** A range's ends carry their own qualifiers; a single value has none there. */
		private static String code(Qualifier qualifier) {
			return qualifier == null ? null : qualifier.code();
		}

	}

	/**
	 * What a value rests on: its source, how many of how many sub-regions gave one, and how many of those
	 * gave a value resting on only part of their own sub-regions.
	 */
	record CoverageJson(String source, Integer reporting, int subRegions, int incomplete) {

		static CoverageJson of(Coverage coverage) {
			return coverage == null ? null
					: new CoverageJson(coverage.source().name(), coverage.reporting(), coverage.of(), coverage.incomplete());
		}

	}

	/**
	 * One contributor to a value: the region (the region itself for its own figure or a year of it), its
	 * value with qualifier (or range) and period, whether it was used, and why ({@code own}, {@code year},
	 * {@code year_end}, {@code rolled_up}; left out: {@code no_figure}, {@code earlier_year} with the latest
	 * level it gave, {@code incomplete_years}, {@code not_published}, {@code own_total}).
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record ContributorJson(String code, String name, String nameEn, BigDecimal value, String qualifier, BigDecimal min,
			BigDecimal max, String period, boolean used, String reason, Boolean draft, BigDecimal weight,
			String weightQualifier) {

		private static String code(Qualifier qualifier) {
			return qualifier == null ? null : qualifier.code();
		}

		static ContributorJson of(Contributor contributor) {
			Combined value = contributor.value();
			return new ContributorJson(contributor.region().code(), contributor.region().nameZh(),
					contributor.region().nameEn(), value == null ? null : value.value(),
					value == null ? null : value.qualifier().code(), value == null ? null : value.min(),
					value == null ? null : value.max(), contributor.period() == null ? null : contributor.period().toString(),
					contributor.used(), contributor.reason().code(), contributor.draft() ? Boolean.TRUE : null,
					contributor.weight(), code(contributor.weightQualifier()));
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
