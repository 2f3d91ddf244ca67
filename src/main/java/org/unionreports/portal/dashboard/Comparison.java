package org.unionreports.portal.dashboard;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.unionreports.portal.dashboard.Aggregation.Combined;
import org.unionreports.portal.dashboard.RegionFigures.Line;
import org.unionreports.portal.metric.Metric;
import org.unionreports.portal.metric.MetricCatalogue;
import org.unionreports.portal.region.Region;
import org.unionreports.portal.region.RegionTree;
import org.unionreports.portal.shared.NotFoundException;
import org.unionreports.portal.shared.Period;

/**
 * Regions side by side for one period: each catalogue metric's value in each region (rolled up as on
 * its dashboard) with its coverage, and for counts and amounts the same per 10,000 members, which is what
 * makes a large province and a small one comparable: a figure divided by the members of exactly the regions
 * that gave it, never by members reported by others, its qualifier carried through.
 */
@Service
@Transactional(readOnly = true)
public class Comparison {

	/** At most this many regions are compared at once: a table wider than that no longer reads. */
	public static final int MAX_REGIONS = 8;

	private final RegionTree regions;

	private final RegionFigures figures;

	private final MetricCatalogue catalogue;

	Comparison(RegionTree regions, RegionFigures figures, MetricCatalogue catalogue) {
		this.regions = regions;
		this.figures = figures;
		this.catalogue = catalogue;
	}

	/**
	 * One metric across the regions, in the order of the regions; a region without a value has null. Each
	 * value has its coverage, and (for counts and amounts) the same per 10,000 members of exactly the
	 * regions it rests on, null where those members are not known.
	 */
	public record Row(Metric metric, List<Combined> values, List<Boolean> drafts, List<Combined> perTenThousand,
			List<Coverage> coverage) {

		/** Whether a per-10,000-members figure means anything: counts and amounts, not rates or per-head figures. */
		public boolean hasPerMembers() {
			return RegionFigures.perMembers(this.metric);
		}

	}

	public record Table(Period period, List<Region> regions, List<Period> periods, List<Row> rows,
			List<Region> suggestions) {

		public Optional<Row> row(String metricKey) {
			return this.rows.stream().filter(row -> row.metric().getKey().equals(metricKey)).findFirst();
		}

	}

	/**
	 * The region with this code and the others (codes, in the order given, unknown ones refused), for
	 * the period asked for or else the latest period the first region reported.
	 */
	public Table of(String code, List<String> others, Period asked) {
		Region first = find(code);
		Set<Region> chosen = new LinkedHashSet<>();
		chosen.add(first);
		others.stream().map(String::strip).filter(other -> !other.isEmpty()).map(this::find).forEach(chosen::add);
		List<Region> compared = chosen.stream().limit(MAX_REGIONS).toList();
		List<Period> periods = this.figures.periods(first);
		Period period = asked != null ? asked : periods.stream().findFirst().orElse(null);
		List<Region> suggestions = suggestions(first, compared);
		if (period == null) {
			return new Table(null, compared, periods, List.of(), suggestions);
		}
		List<Metric> metrics = this.catalogue.all();
		List<Map<String, Line>> byRegion = new ArrayList<>();
		for (Region region : compared) {
			byRegion.add(this.figures.valuesOf(region, List.of(period), metrics)
				.get(period)
				.stream()
				.collect(Collectors.toMap(line -> line.metric().getKey(), Function.identity())));
		}
		List<Row> rows = new ArrayList<>();
		for (Metric metric : metrics) {
			List<Combined> values = new ArrayList<>();
			List<Boolean> drafts = new ArrayList<>();
			List<Combined> perTenThousand = new ArrayList<>();
			List<Coverage> coverage = new ArrayList<>();
			for (Map<String, Line> lines : byRegion) {
				Line line = lines.get(metric.getKey());
				values.add(line == null ? null : line.value());
				drafts.add(line != null && line.draft());
				perTenThousand.add(line == null ? null : line.perTenThousandMembers());
				coverage.add(line == null ? null : line.coverage());
			}
			if (values.stream().anyMatch(value -> value != null)) {
				rows.add(new Row(metric, values, drafts, perTenThousand, coverage));
			}
		}
		return new Table(period, compared, periods, rows, suggestions);
	}

	private Region find(String code) {
		return this.regions.find(code.strip()).orElseThrow(() -> new NotFoundException("region " + code));
	}

	/** The region's siblings (and its parent) not yet compared: the usual regions to put beside it. */
	private List<Region> suggestions(Region region, List<Region> compared) {
		List<Region> suggestions = new ArrayList<>();
		Region parent = region.getParent();
		if (parent != null) {
			suggestions.add(parent);
			suggestions.addAll(this.regions.children(parent));
		}
		suggestions.removeAll(compared);
		return suggestions;
	}

}
