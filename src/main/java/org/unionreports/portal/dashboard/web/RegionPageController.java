package org.unionreports.portal.dashboard.web;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.HtmlUtils;

import org.unionreports.portal.dashboard.Aggregation.Combined;
import org.unionreports.portal.dashboard.Dashboard;
import org.unionreports.portal.dashboard.Dashboard.Trend;
import org.unionreports.portal.dashboard.Dashboard.View;
import org.unionreports.portal.dashboard.RegionFigures.SubRegionValue;
import org.unionreports.portal.shared.NotFoundException;
import org.unionreports.portal.shared.Period;
import org.unionreports.portal.web.PeriodParameter;
import org.unionreports.portal.web.PublicAddress;
import org.unionreports.portal.shared.SpreadsheetText;

/**
 * A region's dashboard ({@code /regions/{code}?period=&metric=}) and the data of its charts as CSV.
 * Charts are drawn in the browser by ECharts from a JSON description in a {@code data-chart} attribute
 * (no inline script); every chart also has a table beside it.
 */
@Controller
class RegionPageController {

	private final Dashboard dashboard;

	private final DashboardText text;

	private final Charts charts;

	private final PublicAddress address;

	RegionPageController(Dashboard dashboard, DashboardText text, Charts charts, PublicAddress address) {
		this.dashboard = dashboard;
		this.text = text;
		this.charts = charts;
		this.address = address;
	}

	@GetMapping("/regions/{code}")
	String region(@PathVariable String code, @RequestParam(required = false) String period,
			@RequestParam(required = false) String metric, Model model, Locale locale) {
		View view = this.dashboard.of(code, PeriodParameter.parse(period), metric);
		model.addAttribute("view", view);
		model.addAttribute("ranking", Dashboard.ranking(view.ranked()));
		String embed = UriComponentsBuilder.fromUriString(this.address.base())
			.path("/regions/{code}/embed")
			.queryParam("metric", "members")
			.buildAndExpand(view.region().getCode())
			.toUriString();
		model.addAttribute("embedCode", "<iframe src=\"" + HtmlUtils.htmlEscape(embed) + "\" width=\"480\" height=\"360\""
				+ " style=\"border:0\" title=\"" + HtmlUtils.htmlEscape(view.region().name(locale)) + "\"></iframe>");
		List<String> trendCharts = new ArrayList<>();
		for (Trend trend : view.trends()) {
			trendCharts.add(this.charts.line(trend.metric().name(locale), trend.metric().getUnit(),
					trend.years().stream().map(Period::toString).toList(), trend.values(), trend.drafts(), locale,
					view.region().getCode() + "-" + trend.metric().getKey()));
		}
		model.addAttribute("trendCharts", trendCharts);
		List<SubRegionValue> ranked = Dashboard.ranking(view.ranked())
			.stream()
			.filter(v -> v.value() != null && v.value().value() != null)
			.toList();
		if (!ranked.isEmpty()) {
			model.addAttribute("rankingChart", this.charts.bar(view.ranked().metric().name(locale),
					view.ranked().metric().getUnit(), ranked.stream().map(v -> v.region().name(locale)).toList(),
					ranked.stream().map(SubRegionValue::value).toList(),
					ranked.stream().map(SubRegionValue::draft).toList(), locale,
					view.region().getCode() + "-" + view.period() + "-" + view.ranked().metric().getKey()));
		}
		return "regions/region";
	}

	/** The trend of one headline metric over the years, as CSV (UTF-8 with a byte-order mark). */
	@GetMapping("/regions/{code}/trend.csv")
	ResponseEntity<byte[]> trendCsv(@PathVariable String code, @RequestParam String metric,
			@RequestParam(required = false) String period, Locale locale) {
		View view = this.dashboard.of(code, PeriodParameter.parse(period), null);
		// A headline metric with no figures in any year gives the header alone: there is nothing to draw.
		Trend trend = view.trends()
			.stream()
			.filter(t -> t.metric().getKey().equals(metric))
			.findFirst()
			.orElse(null);
		List<List<Object>> rows = new ArrayList<>();
		for (int i = 0; trend != null && i < trend.years().size(); i++) {
			rows.add(row(trend.years().get(i).toString(), view.region().name(locale), trend.values().get(i),
					trend.metric().getUnit(), trend.drafts().get(i)));
		}
		return csv(List.of("period", "region", "metric_key", "value", "unit", "qualifier", "written", "draft"), rows,
				metric, code + "-" + metric + "-trend.csv");
	}

	/** The sub-regions ranked by a metric for the period, as CSV (UTF-8 with a byte-order mark). */
	@GetMapping("/regions/{code}/ranking.csv")
	ResponseEntity<byte[]> rankingCsv(@PathVariable String code, @RequestParam String metric,
			@RequestParam(required = false) String period, Locale locale) {
		View view = this.dashboard.of(code, PeriodParameter.parse(period), metric);
		if (view.ranked() == null || !view.ranked().metric().getKey().equals(metric)) {
			throw new NotFoundException("no figures of " + metric + " for " + code);
		}
		List<List<Object>> rows = new ArrayList<>();
		for (SubRegionValue value : Dashboard.ranking(view.ranked())) {
			List<Object> row = row(view.period().toString(), value.region().name(locale), value.value(),
					view.ranked().metric().getUnit(), value.draft());
			row.add(1, value.region().code());
			rows.add(row);
		}
		return csv(List.of("period", "region_code", "region", "metric_key", "value", "unit", "qualifier", "written",
				"draft"), rows, metric, code + "-" + view.period() + "-" + metric + "-ranking.csv");
	}

	private List<Object> row(String period, String region, Combined value, String unit, boolean draft) {
		List<Object> row = new ArrayList<>();
		row.add(period);
		row.add(SpreadsheetText.defused(region));
		row.add(null);
		row.add(value == null ? null : value.isRange() ? value.min() + "-" + value.max() : value.value());
		row.add(unit);
		row.add(value == null ? null : value.qualifier().code());
		row.add(SpreadsheetText.defused(this.text.value(value, unit)));
		row.add(draft);
		return row;
	}

	private static ResponseEntity<byte[]> csv(List<String> header, List<List<Object>> rows, String metricKey,
			String fileName) {
		StringWriter out = new StringWriter();
		out.write('\uFEFF');
		try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get())) {
			for (List<Object> row : rows) {
				row.set(header.indexOf("metric_key"), metricKey);
				printer.printRecord(row);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
			.body(out.toString().getBytes(StandardCharsets.UTF_8));
	}

}
