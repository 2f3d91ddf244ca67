package org.unionreports.portal.dashboard.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import org.unionreports.portal.dashboard.Aggregation.Combined;
import org.unionreports.portal.dashboard.Comparison;
import org.unionreports.portal.dashboard.Comparison.Row;
import org.unionreports.portal.dashboard.Comparison.Table;
import org.unionreports.portal.region.Region;
import org.unionreports.portal.region.RegionTree;
import org.unionreports.portal.web.PeriodParameter;

/**
 * {@code /regions/{code}/compare?with=510000,500000&period=&metric=&per=members}: regions side by side in
 * a table and a chart of one metric, as totals or per 10,000 members. {@code add=四川} finds a region by
 * name or code and adds it.
 */
@Controller
class CompareController {

	private final Comparison comparison;

	private final RegionTree regions;

	private final DashboardText text;

	private final Charts charts;

	CompareController(Comparison comparison, RegionTree regions, DashboardText text, Charts charts) {
		this.comparison = comparison;
		this.regions = regions;
		this.text = text;
		this.charts = charts;
	}

	@GetMapping("/regions/{code}/compare")
	String compare(@PathVariable String code, @RequestParam(name = "with", required = false) String with,
			@RequestParam(required = false) String period, @RequestParam(required = false) String metric,
			@RequestParam(required = false) String per, @RequestParam(required = false) String add, Model model,
			Locale locale) {
		List<String> others = with == null ? new ArrayList<>()
				: new ArrayList<>(Arrays.stream(with.split(",")).filter(c -> !c.isBlank()).toList());
		if (add != null && !add.isBlank()) {
			List<Region> found = this.regions.search(add);
			if (!found.isEmpty()) {
				others.add(found.get(0).getCode());
				return "redirect:" + UriComponentsBuilder.fromPath("/regions/{code}/compare")
					.queryParam("with", String.join(",", others))
					.queryParamIfPresent("period", java.util.Optional.ofNullable(period).filter(p -> !p.isBlank()))
					.queryParamIfPresent("metric", java.util.Optional.ofNullable(metric).filter(m -> !m.isBlank()))
					.queryParamIfPresent("per", java.util.Optional.ofNullable(per).filter(p -> !p.isBlank()))
					.encode()
					.buildAndExpand(code)
					.toUriString();
			}
			model.addAttribute("notFound", add);
		}
		Table table = this.comparison.of(code, others, PeriodParameter.parse(period));
		boolean perMembers = "members".equals(per);
		Row chosen = table.row(metric == null || metric.isBlank() ? "members" : metric)
			.or(() -> table.rows().stream().findFirst())
			.orElse(null);
		model.addAttribute("table", table);
		model.addAttribute("chosen", chosen);
		model.addAttribute("perMembers", perMembers);
		model.addAttribute("with", table.regions().stream().skip(1).map(Region::getCode).collect(Collectors.joining(",")));
		if (chosen != null) {
			model.addAttribute("chart", chart(table, chosen, perMembers && chosen.hasPerMembers(), locale));
		}
		return "regions/compare";
	}

	private String chart(Table table, Row row, boolean perMembers, Locale locale) {
		List<BigDecimal> values = new ArrayList<>();
		List<String> labels = new ArrayList<>();
		for (int i = 0; i < table.regions().size(); i++) {
			Combined value = row.values().get(i);
			if (perMembers) {
				Combined per = row.perTenThousand().get(i);
				values.add(per == null ? null : per.value());
				labels.add(per == null ? "" : this.text.perTenThousand(per, row.metric().getUnit()));
			}
			else {
				values.add(value == null ? null : value.isRange() ? value.max() : value.value());
				labels.add(this.text.value(value, row.metric().getUnit()));
			}
		}
		return this.charts.bar(Chart.bar(row.metric().name(locale), row.metric().getUnit(), locale,
				table.regions().stream().map(r -> r.name(locale)).toList(), values, labels, row.drafts(),
				"compare-" + row.metric().getKey() + "-" + table.period()));
	}

}
