package org.unionreports.portal.dashboard.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import org.unionreports.portal.dashboard.RegionFigures;
import org.unionreports.portal.dashboard.RegionFigures.Line;
import org.unionreports.portal.metric.Metric;
import org.unionreports.portal.metric.MetricCatalogue;
import org.unionreports.portal.region.Region;
import org.unionreports.portal.region.RegionTree;
import org.unionreports.portal.shared.NotFoundException;
import org.unionreports.portal.shared.Period;
import org.unionreports.portal.web.PeriodParameter;

/**
 * {@code /regions/{code}/workings?metric=&period=}: how one rolled-up number on a dashboard was made — the
 * rule, each contributor with its value, qualifier and period, those left out and why, the change from the
 * previous period and what it is computed over. The API gives the same with {@code explain=true}.
 */
@Controller
class WorkingsController {

	private final RegionTree regions;

	private final RegionFigures figures;

	private final MetricCatalogue catalogue;

	WorkingsController(RegionTree regions, RegionFigures figures, MetricCatalogue catalogue) {
		this.regions = regions;
		this.figures = figures;
		this.catalogue = catalogue;
	}

	@GetMapping("/regions/{code}/workings")
	String workings(@PathVariable String code, @RequestParam String metric,
			@RequestParam(required = false) String period, Model model) {
		Region region = this.regions.find(code).orElseThrow(() -> new NotFoundException("region " + code));
		Period asked = PeriodParameter.parse(period);
		Period chosen = asked != null ? asked
				: this.figures.latestPeriod(region).orElseThrow(() -> new NotFoundException("no figures for " + code));
		Line line = this.figures.of(region, chosen)
			.stream()
			.filter(l -> l.metric().getKey().equals(metric.strip()))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("no figure of " + metric + " for " + code + " in " + chosen));
		model.addAttribute("region", region);
		model.addAttribute("line", line);
		model.addAttribute("period", chosen);
		model.addAttribute("previous", RegionFigures.previous(chosen));
		model.addAttribute("membersUnit", this.catalogue.byKey("members").map(Metric::getUnit).orElse(""));
		return "regions/workings";
	}

}
