package org.unionreports.portal.dashboard.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import tools.jackson.databind.json.JsonMapper;

import org.unionreports.portal.dashboard.Dashboard;
import org.unionreports.portal.dashboard.Dashboard.Trend;
import org.unionreports.portal.dashboard.Dashboard.View;
import org.unionreports.portal.shared.Period;
import org.unionreports.portal.shared.web.PeriodParameter;

/**
 * {@code /regions/{code}/embed?metric=members}: one headline metric of a region, its trend as a chart and
 * its latest value, with the source line and a link back: the one page other sites may frame (see
 * SecurityConfiguration). It always shows the public view: published figures only.
 */
@Controller
class EmbedController {

	private final Dashboard dashboard;

	private final DashboardText text;

	private final JsonMapper json;

	EmbedController(Dashboard dashboard, DashboardText text, JsonMapper json) {
		this.dashboard = dashboard;
		this.text = text;
		this.json = json;
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
			List<BigDecimal> values = trend.values().stream().map(v -> v == null ? null : v.value()).toList();
			model.addAttribute("chart", this.json.writeValueAsString(Chart.line(trend.metric().name(locale),
					trend.metric().getUnit(), locale, trend.years().stream().map(Period::toString).toList(), values,
					trend.values().stream().map(v -> this.text.value(v, trend.metric().getUnit())).toList(),
					trend.drafts(), code + "-" + metric)));
		}
		return "regions/embed";
	}

}
