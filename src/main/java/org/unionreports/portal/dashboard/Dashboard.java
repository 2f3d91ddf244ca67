package org.unionreports.portal.dashboard;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.unionreports.portal.dashboard.Aggregation.Combined;
import org.unionreports.portal.dashboard.RegionFigures.Line;
import org.unionreports.portal.dashboard.RegionFigures.SubRegionValue;
import org.unionreports.portal.identity.Access;
import org.unionreports.portal.metric.Family;
import org.unionreports.portal.metric.Metric;
import org.unionreports.portal.metric.MetricCatalogue;
import org.unionreports.portal.region.Region;
import org.unionreports.portal.region.RegionTree;
import org.unionreports.portal.shared.NotFoundException;
import org.unionreports.portal.shared.Period;
import org.unionreports.portal.cache.DataCache;
import org.unionreports.portal.cache.DataCaches;

/**
 * What a region's dashboard shows for a period: the headline families (members, competitions, aid) as
 * cards, every other metric by family, each with its change from the previous period of the same
 * length; the trend of the headline metrics over the years; the sub-regions ranked by a metric; and the
 * reports it was made from.
 */
@Service
@Transactional(readOnly = true)
public class Dashboard {

	/** The families whose metrics are cards at the top, in this order. */
	public static final List<Family> HEADLINE_FAMILIES = List.of(Family.MEMBERSHIP, Family.COMPETITION, Family.AID);

	/** How many years of trend a dashboard draws. */
	static final int TREND_YEARS = 10;

	private final RegionTree regions;

	private final RegionFigures figures;

	private final MetricCatalogue catalogue;

	private final JdbcClient jdbc;

	private final Access access;

	private final DataCache<ViewKey, View> views;

	private final DataCache<String, Set<String>> keys;

	Dashboard(RegionTree regions, RegionFigures figures, MetricCatalogue catalogue, JdbcClient jdbc, Access access,
			DataCaches caches) {
		this.regions = regions;
		this.catalogue = catalogue;
		this.figures = figures;
		this.jdbc = jdbc;
		this.access = access;
		this.views = caches.create("dashboard.views", 2_000);
		this.keys = caches.create("metric.keys", 1);
	}

	/** The catalogue's keys, kept like everything else until the data (here the metric table) changes. */
	private Set<String> metricKeys() {
		return this.keys.get("keys",
				() -> this.catalogue.all().stream().map(Metric::getKey).collect(Collectors.toUnmodifiableSet()));
	}

	private record ViewKey(String code, Period period, String rankBy, List<String> drafts) {
	}

	/** One metric on the dashboard: its line for the period, with its change from the previous one. */
	public record Card(Line line) {

		public Metric metric() {
			return this.line.metric();
		}

		/** The change from the previous period, computed over what both share; null where there is no previous value. */
		public Change change() {
			return this.line.change();
		}

	}

	/**
	 * A metric's values over the years, oldest first; a year without a value has a null point. Each point
	 * has its coverage: a line from a region's own 226万 to 4 of its districts' 40万 is no collapse, and the
	 * table beside the chart says so.
	 */
	public record Trend(Metric metric, List<Period> years, List<Combined> values, List<Boolean> drafts,
			List<Coverage> coverage) {

		public boolean isEmpty() {
			return this.values.stream().allMatch(v -> v == null || v.value() == null);
		}

		/** A line needs two years to be worth drawing; a single year is shown as its table only. */
		public boolean isDrawable() {
			return this.years.size() >= 2;
		}

	}

	/** A report that went into the dashboard. */
	public record ReportRef(long id, String title, Period period, String regionNameZh, String regionNameEn,
			String status) {

		public String regionName(java.util.Locale locale) {
			return "en".equals(locale.getLanguage()) && this.regionNameEn != null ? this.regionNameEn : this.regionNameZh;
		}

		public boolean isDraft() {
			return !"PUBLISHED".equals(this.status);
		}

	}

	/** Everything the page shows. */
	public record View(Region region, List<Region> ancestors, List<Region> children, List<Period> periods, Period period, Period previous,
			List<Card> headlines, Map<Family, List<Card>> others, List<Trend> trends, Card ranked,
			Optional<ReportRef> ownReport, List<ReportRef> latestBelow, boolean drafts) {

		/** Nothing to show: no period reported at all, or none of the figures of the period asked for. */
		public boolean isEmpty() {
			return this.period == null || (this.headlines.isEmpty() && this.others.isEmpty());
		}

		public boolean hasDrafts() {
			return this.drafts;
		}

	}

	/**
	 * The dashboard of the region with this code for the period asked for (the latest reported if none),
	 * with the sub-regions ranked by the metric asked for (members if none).
	 */
	public View of(String code, Period asked, String rankBy) {
		// Only a catalogue metric's key ranks; anything else ranks by members (and makes no cache entry of its own).
		String metric = rankBy != null && metricKeys().contains(rankBy.strip()) ? rankBy.strip() : null;
		return this.views.get(new ViewKey(code, asked, metric, List.of(this.access.readablePathPatterns())), () -> compute(code, asked, metric));
	}

	private View compute(String code, Period asked, String rankBy) {
		Region region = this.regions.find(code).orElseThrow(() -> new NotFoundException("region " + code));
		List<Region> ancestors = this.regions.ancestors(region);
		List<Region> children = this.regions.children(region);
		List<Period> periods = this.figures.periods(region);
		Period period = asked != null ? asked : periods.stream().findFirst().orElse(null);
		if (period == null) {
			return new View(region, ancestors, children, periods, null, null, List.of(), Map.of(), List.of(), null,
					Optional.empty(), List.of(), false);
		}
		Period previous = RegionFigures.previous(period);
		List<Card> cards = this.figures.of(region, period).stream().map(Card::new).toList();
		List<Card> headlines = cards.stream()
			.filter(card -> card.metric().isHeadline() && HEADLINE_FAMILIES.contains(card.metric().getFamily()))
			.sorted(Comparator.comparingInt(card -> HEADLINE_FAMILIES.indexOf(card.metric().getFamily())))
			.toList();
		Map<Family, List<Card>> others = new EnumMap<>(Family.class);
		// By identity: a card's equality would compare its whole workings.
		Set<Card> shown = Collections.newSetFromMap(new IdentityHashMap<>());
		shown.addAll(headlines);
		cards.stream()
			.filter(card -> !shown.contains(card))
			.forEach(card -> others.computeIfAbsent(card.metric().getFamily(), f -> new ArrayList<>()).add(card));
		Card ranked = cards.stream()
			.filter(card -> card.metric().getKey().equals(rankBy == null || rankBy.isBlank() ? "members" : rankBy))
			.findFirst()
			.orElse(cards.stream().findFirst().orElse(null));
		List<Trend> trends = trends(region, periods, period, headlines);
		// Whether a draft went into anything on the page: a card, a point of a trend or a ranked sub-region.
		boolean drafts = cards.stream().anyMatch(card -> card.line().draft())
				|| trends.stream().anyMatch(trend -> trend.drafts().contains(true))
				|| (ranked != null && ranked.line().bySubRegion().stream().anyMatch(SubRegionValue::draft));
		return new View(region, ancestors, children, periods, period, previous, headlines, others, trends, ranked,
				ownReport(region, period), latestBelow(region), drafts);
	}

	/** The headline metrics over the last years up to the period's end that have reports. */
	private List<Trend> trends(Region region, List<Period> periods, Period period, List<Card> headlines) {
		List<Period> years = periods.stream()
			.filter(Period::isSingleYear)
			.filter(year -> year.lastYear() <= period.lastYear())
			.sorted()
			.toList();
		years = years.subList(Math.max(0, years.size() - TREND_YEARS), years.size());
		if (years.isEmpty()) {
			return List.of();
		}
		Map<Period, Map<String, Line>> byYear = new java.util.HashMap<>();
		this.figures.valuesOf(region, years, headlines.stream().map(Card::metric).toList())
			.forEach((year, lines) -> byYear.put(year,
					lines.stream().collect(Collectors.toMap(line -> line.metric().getKey(), Function.identity()))));
		List<Trend> trends = new ArrayList<>();
		for (Card card : headlines) {
			List<Combined> values = new ArrayList<>();
			List<Boolean> drafts = new ArrayList<>();
			List<Coverage> coverage = new ArrayList<>();
			for (Period year : years) {
				Line line = byYear.getOrDefault(year, Map.of()).get(card.metric().getKey());
				values.add(line == null ? null : line.value());
				drafts.add(line != null && line.draft());
				coverage.add(line == null ? null : line.coverage());
			}
			Trend trend = new Trend(card.metric(), years, values, drafts, coverage);
			if (!trend.isEmpty()) {
				trends.add(trend);
			}
		}
		return trends;
	}

	private Optional<ReportRef> ownReport(Region region, Period period) {
		return this.jdbc.sql("""
				select r.id, r.title, r.period_start, r.period_end, g.name_zh, g.name_en, r.status
				from report r join region g on g.id = r.region_id
				where r.region_id = :region and r.period_start = :first and r.period_end = :last
				  and (r.status = 'PUBLISHED' or g.path like any(:drafts))""")
			.param("region", region.getId())
			.param("first", period.firstYear())
			.param("last", period.lastYear())
			.param("drafts", this.access.readablePathPatterns())
			.query(Dashboard::reportRef)
			.optional();
	}

	/** The latest reports published in the region or below it. */
	private List<ReportRef> latestBelow(Region region) {
		return this.jdbc.sql("""
				select r.id, r.title, r.period_start, r.period_end, g.name_zh, g.name_en, r.status
				from report r join region g on g.id = r.region_id
				where g.path like :path || '%' and r.status = 'PUBLISHED'
				order by r.published_at desc, r.id desc limit 8""")
			.param("path", region.getPath())
			.query(Dashboard::reportRef)
			.list();
	}

	private static ReportRef reportRef(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new ReportRef(rs.getLong(1), rs.getString(2), new Period(rs.getInt(3), rs.getInt(4)), rs.getString(5),
				rs.getString(6), rs.getString(7));
	}

	/** The sub-regions by a card's metric, largest first, those without a value last. */
	public static List<SubRegionValue> ranking(Card card) {
		if (card == null) {
			return List.of();
		}
		return card.line()
			.bySubRegion()
			.stream()
			.sorted(Comparator.comparing((SubRegionValue v) -> v.value() == null || v.value().value() == null)
				.thenComparing(v -> v.value() == null || v.value().value() == null ? BigDecimal.ZERO : v.value().value(),
						Comparator.reverseOrder()))
			.toList();
	}

}
