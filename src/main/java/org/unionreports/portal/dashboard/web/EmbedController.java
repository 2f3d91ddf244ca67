package org.unionreports.portal.dashboard.web;

import java.util.Locale;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import org.unionreports.portal.dashboard.Dashboard;
import org.unionreports.portal.dashboard.Dashboard.Trend;
import org.unionreports.portal.dashboard.Dashboard.View;
import org.unionreports.portal.shared.Period;
import org.unionreports.portal.web.PeriodParameter;

/**
 * {@code /regions/{code}/embed?metric=members}: one headline metric of a region, its trend as a chart and
 * its latest value, with the source line and a link back: the one page other sites may frame (see
 * SecurityConfiguration). It always shows the public view: published figures only.
 */
@Controller
class EmbedController {

	private final Dashboard dashboard;

	private final Charts charts;

	EmbedController(Dashboard dashboard, Charts charts) {
		this.dashboard = dashboard;
		this.charts = charts;
	}

	@GetMapping("/regions/{code}/embed")
	String embed(@PathVariable String code, @RequestParam(defaultValue = "members") String metric,
			@RequestParam(required = false) String period, Model model, Locale locale) {
		View view = this.dashboard.of(code, PeriodParameter.parse(period), metric);
		model.addAttribute("view", view);
		model.addAttribute("card", view.ranked() != null && view.ranked().metric().getKey().equals(metric)
				? view.ranked() : null);
		Trend trend = view.trends().stream().filter(t -> t.metric().getKey().equals(metric)).findFirst().orElse(null);
		model.addAttribute("trend", trend);
		if (trend != null && trend.isDrawable()) {
			model.addAttribute("chart", this.charts.line(trend.metric().name(locale), trend.metric().getUnit(),
					trend.years().stream().map(Period::toString).toList(), trend.values(), trend.drafts(), locale,
					code + "-" + metric));
		}
		return "regions/embed";
	}

}
