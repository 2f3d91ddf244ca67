package org.unionreports.portal.synthetic;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.unionreports.portal.metric.Metric;
import org.unionreports.portal.metric.MetricCatalogue;
import org.unionreports.portal.metric.MetricKind;
import org.unionreports.portal.metric.Rollup;
import org.unionreports.portal.database.PostgresCopy;

/**
 * The national-scale synthetic data set of CONTRACT.md ({@code --portal.synthetic=national}): for every
 * region a published yearly report for each of ten years with a figure for every catalogue metric, plus
 * a five-year term report for the country and each province, and a few hundred long-tail figures.
 * <p>
 * Values are made at the bottom of the tree (a county's members between five thousand and a few hundred
 * thousand, the other metrics in proportion to them, growing a little every year) and added up the tree
 * by the metric's own rule, so that every region's own totals agree with its sub-regions'. The random
 * numbers come from a fixed seed: every load gives the same figures. Rows are written with COPY.
 */
@Service
public class SyntheticNational {

	private static final Logger log = LoggerFactory.getLogger(SyntheticNational.class);

	static final int FIRST_YEAR = 2016;

	static final int LAST_YEAR = 2025;

	/** The congress term that the country and the provinces also report on as a whole. */
	static final int TERM_START = 2021;

	private static final long SEED = 20_261_121L;

	private static final String PUBLISHER = "合成数据（性能测试用）";

	private static final String[][] LONG_TAIL = { { "职工之家建设数", "个" }, { "职工疗休养人次", "人次" },
			{ "心理咨询服务人次", "人次" }, { "职工技能培训人次", "人次" }, { "劳模宣讲场次", "场" },
			{ "工会驿站新建数", "个" }, { "职工互助保障参保人数", "人" }, { "金秋助学资金", "元" },
			{ "农民工返乡专车班次", "班次" }, { "读书活动场次", "场" } };

	private final JdbcClient jdbc;

	private final PostgresCopy copy;

	private final MetricCatalogue catalogue;

	SyntheticNational(JdbcClient jdbc, PostgresCopy copy, MetricCatalogue catalogue) {
		this.jdbc = jdbc;
		this.copy = copy;
		this.catalogue = catalogue;
	}

	/** Loads the data set unless the database already holds reports; says how many figures it wrote. */
	@Transactional
	public long loadIfEmpty() {
		if (this.jdbc.sql("select exists (select 1 from report)").query(Boolean.class).single()) {
			log.info("The database already holds reports; the synthetic national data set is not loaded.");
			return 0;
		}
		long started = System.nanoTime();
		List<Metric> metrics = this.catalogue.all();
		Map<Long, Node> regions = tree();
		Node root = regions.values().stream().filter(n -> n.parentId == 0).findFirst().orElseThrow();
		Generator generator = new Generator(metrics, new SplittableRandom(SEED));
		generator.fill(root);
		writeReports(regions.values());
		Map<String, Long> reportIds = reportIds();
		Map<Long, Long> sectionIds = writeSections();
		// Checked row by row, the figures' foreign keys take three quarters of the load; the table is
		// empty, so they are dropped in this transaction and added back, checked in one pass, at the end.
		List<String[]> foreignKeys = dropForeignKeys("figure");
		long figures = writeFigures(regions.values(), metrics, reportIds, sectionIds);
		figures += writeLongTail(root, reportIds, sectionIds, new SplittableRandom(SEED + 1));
		addForeignKeys("figure", foreignKeys);
		this.jdbc.sql("analyze report").update();
		this.jdbc.sql("analyze figure").update();
		log.info("Loaded the synthetic national data set: {} regions, {} reports, {} figures in {} ms.", regions.size(),
				reportIds.size(), figures, (System.nanoTime() - started) / 1_000_000);
		return figures;
	}

	private List<String[]> dropForeignKeys(String table) {
		List<String[]> keys = this.jdbc.sql("""
				select conname, pg_get_constraintdef(oid) from pg_constraint
				where conrelid = cast(:table as regclass) and contype = 'f'""")
			.param("table", table)
			.query((rs, row) -> new String[] { rs.getString(1), rs.getString(2) })
			.list();
		keys.forEach(key -> this.jdbc.sql("alter table " + table + " drop constraint " + key[0]).update());
		return keys;
	}

	private void addForeignKeys(String table, List<String[]> keys) {
		keys.forEach(key -> this.jdbc.sql("alter table " + table + " add constraint " + key[0] + " " + key[1]).update());
	}

	private Map<Long, Node> tree() {
		Map<Long, Node> nodes = new HashMap<>();
		this.jdbc.sql("select id, coalesce(parent_id, 0), name_zh, level from region order by path")
			.query((rs, row) -> new Node(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)))
			.list()
			.forEach(node -> nodes.put(node.id, node));
		nodes.values().stream().filter(n -> n.parentId != 0).forEach(n -> nodes.get(n.parentId).children.add(n));
		return nodes;
	}

	/** Reports whose periods a region has: ten years, and the term for the country and the provinces. */
	private static List<int[]> periods(Node node) {
		List<int[]> periods = new ArrayList<>();
		for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
			periods.add(new int[] { year, year });
		}
		if (node.hasTerm()) {
			periods.add(new int[] { TERM_START, LAST_YEAR });
		}
		return periods;
	}

	private void writeReports(Iterable<Node> nodes) {
		List<Object[]> rows = new ArrayList<>();
		SplittableRandom random = new SplittableRandom(SEED + 2);
		for (Node node : nodes) {
			for (int[] period : periods(node)) {
				String years = period[0] == period[1] ? period[0] + "年" : period[0] + "—" + period[1] + "年";
				// Published over the first quarter of the following year, each at its own minute.
				LocalDateTime published = LocalDate.of(period[1] + 1, 1, 10).atTime(9, 0)
					.plusMinutes(random.nextInt(80 * 24 * 60));
				rows.add(new Object[] { node.id, period[0], period[1], node.name + "总工会" + years + "工作报告（合成）",
						PUBLISHER, published.toLocalDate(), "PUBLISHED", published + "+08" });
			}
		}
		copy("report (region_id, period_start, period_end, title, source_publisher, source_date, status, published_at)",
				rows);
	}

	private Map<String, Long> reportIds() {
		Map<String, Long> ids = new HashMap<>();
		this.jdbc.sql("select id, region_id, period_start, period_end from report")
			.query((rs, row) -> Map.entry(key(rs.getLong(2), rs.getInt(3), rs.getInt(4)), rs.getLong(1)))
			.list()
			.forEach(entry -> ids.put(entry.getKey(), entry.getValue()));
		return ids;
	}

	private Map<Long, Long> writeSections() {
		this.jdbc.sql("""
				insert into section (report_id, position, heading, narrative)
				select id, 0, '导语', '本报告为合成数据，数字由程序按固定规则生成，仅供性能测试，不代表任何真实工会的工作。' from report""")
			.update();
		Map<Long, Long> ids = new HashMap<>();
		this.jdbc.sql("select report_id, id from section")
			.query((rs, row) -> Map.entry(rs.getLong(1), rs.getLong(2)))
			.list()
			.forEach(entry -> ids.put(entry.getKey(), entry.getValue()));
		return ids;
	}

	private long writeFigures(Iterable<Node> nodes, List<Metric> metrics, Map<String, Long> reportIds,
			Map<Long, Long> sectionIds) {
		long written = 0;
		List<Object[]> rows = new ArrayList<>();
		for (Node node : nodes) {
			for (int[] period : periods(node)) {
				long report = reportIds.get(key(node.id, period[0], period[1]));
				int position = 0;
				for (Metric metric : metrics) {
					BigDecimal value = node.value(metric, period[0], period[1]);
					rows.add(new Object[] { report, sectionIds.get(report), metric.getId(), metric.getNameZh(),
							metric.getUnit(), value.toPlainString(), period[0], period[1], position++ });
				}
			}
			if (rows.size() >= 100_000) {
				written += flushFigures(rows);
			}
		}
		return written + flushFigures(rows);
	}

	private long flushFigures(List<Object[]> rows) {
		int size = rows.size();
		copy("figure (report_id, section_id, metric_id, subject, unit, value, period_start, period_end, position)", rows);
		rows.clear();
		return size;
	}

	/** One long-tail figure in each yearly report of the country and the provinces. */
	private long writeLongTail(Node root, Map<String, Long> reportIds, Map<Long, Long> sectionIds,
			SplittableRandom random) {
		List<Long> labels = new ArrayList<>();
		for (String[] label : LONG_TAIL) {
			labels.add(this.jdbc.sql("""
					insert into figure_label (name_zh, unit, family, kind) values (:name, :unit, 'other', 'flow')
					on conflict (name_zh, unit) do update set name_zh = excluded.name_zh returning id""")
				.param("name", label[0])
				.param("unit", label[1])
				.query(Long.class)
				.single());
		}
		List<Node> bodies = new ArrayList<>(root.children);
		bodies.add(root);
		List<Object[]> rows = new ArrayList<>();
		for (Node node : bodies) {
			for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
				int which = random.nextInt(labels.size());
				long report = reportIds.get(key(node.id, year, year));
				long value = Math.round(Math.pow(10, 2 + random.nextDouble() * 4));
				rows.add(new Object[] { report, sectionIds.get(report), labels.get(which), LONG_TAIL[which][0],
						LONG_TAIL[which][1], value, year, year, 1000 });
			}
		}
		copy("figure (report_id, section_id, label_id, subject, unit, value, period_start, period_end, position)", rows);
		return rows.size();
	}

	private static String key(long regionId, int first, int last) {
		return regionId + ":" + first + ":" + last;
	}

	private void copy(String tableAndColumns, List<Object[]> rows) {
		this.copy.copy(tableAndColumns, rows);
	}

	/** A region and, once filled, its value of every metric in every year (and in the term). */
	static final class Node {

		final long id;

		final long parentId;

		final String name;

		final String level;

		final List<Node> children = new ArrayList<>();

		/** metric id → values indexed by year − FIRST_YEAR, then the term at the end. */
		final Map<Long, BigDecimal[]> values = new HashMap<>();

		Node(long id, long parentId, String name, String level) {
			this.id = id;
			this.parentId = parentId;
			this.name = name;
			this.level = level;
		}

		boolean hasTerm() {
			return "NATIONAL".equals(this.level) || "PROVINCE".equals(this.level);
		}

		BigDecimal value(Metric metric, int first, int last) {
			BigDecimal[] series = this.values.get(metric.getId());
			return first == last ? series[first - FIRST_YEAR] : series[series.length - 1];
		}

	}

	/** Makes the values: leaves at random in proportion to their members, the rest added up. */
	static final class Generator {

		private static final int YEARS = LAST_YEAR - FIRST_YEAR + 1;

		private final List<Metric> metrics;

		private final SplittableRandom random;

		/** Each metric's amount per member at the leaves (a count, yuan or people), fixed per metric. */
		private final Map<Long, Double> perMember = new HashMap<>();

		Generator(List<Metric> metrics, SplittableRandom random) {
			this.metrics = metrics;
			this.random = random;
			for (Metric metric : metrics) {
				this.perMember.put(metric.getId(), perMember(metric.getUnit()));
			}
		}

		private double perMember(String unit) {
			return switch (unit) {
				case "元" -> between(2, 60);
				case "人", "名", "人次" -> between(0.005, 0.4);
				default -> between(0.0002, 0.01);
			};
		}

		private double between(double low, double high) {
			return low + this.random.nextDouble() * (high - low);
		}

		void fill(Node node) {
			if (node.children.isEmpty()) {
				leaf(node);
				return;
			}
			node.children.forEach(this::fill);
			for (Metric metric : this.metrics) {
				BigDecimal[] series = new BigDecimal[YEARS + 1];
				for (int year = 0; year < YEARS; year++) {
					series[year] = combine(metric, node.children, year);
				}
				node.values.put(metric.getId(), series);
			}
			addTerm(node);
		}

		private void leaf(Node node) {
			double members = Math.exp(between(Math.log(5_000), Math.log(300_000)));
			double growth = between(-0.01, 0.04);
			for (Metric metric : this.metrics) {
				BigDecimal[] series = new BigDecimal[YEARS + 1];
				for (int year = 0; year < YEARS; year++) {
					double membersThatYear = members * Math.pow(1 + growth, year);
					series[year] = leafValue(metric, membersThatYear);
				}
				node.values.put(metric.getId(), series);
			}
			// A part is never larger than its whole (新就业形态会员 of 会员).
			for (Metric metric : this.metrics) {
				if (metric.getPartOf() != null) {
					BigDecimal[] part = node.values.get(metric.getId());
					BigDecimal[] whole = node.values.get(metric.getPartOf().getId());
					for (int year = 0; year < YEARS; year++) {
						part[year] = part[year].min(whole[year]);
					}
				}
			}
			addTerm(node);
		}

		private BigDecimal leafValue(Metric metric, double members) {
			if ("members".equals(metric.getKey())) {
				return BigDecimal.valueOf(Math.round(members));
			}
			if (metric.getKind() == MetricKind.RATE) {
				return BigDecimal.valueOf(between(60, 99.5)).setScale(1, RoundingMode.HALF_EVEN);
			}
			if (metric.getKind() == MetricKind.PER_UNIT) {
				return BigDecimal.valueOf(Math.round(between(1_000, 6_000)));
			}
			double noise = between(0.8, 1.2);
			return BigDecimal.valueOf(Math.round(members * this.perMember.get(metric.getId()) * noise));
		}

		/** A parent's own figure as its sub-regions add up; a rate weighted by members, else their mean. */
		private BigDecimal combine(Metric metric, List<Node> children, int year) {
			if (metric.getKind() == MetricKind.PER_UNIT) {
				return BigDecimal.valueOf(Math.round(between(1_000, 6_000)));
			}
			if (metric.getKind() != MetricKind.RATE) {
				return children.stream()
					.map(child -> child.values.get(metric.getId())[year])
					.reduce(BigDecimal.ZERO, BigDecimal::add);
			}
			if (metric.getRollup() == Rollup.WEIGHTED_MEAN) {
				long base = metric.getBaseMetric().getId();
				BigDecimal weights = BigDecimal.ZERO;
				BigDecimal weighted = BigDecimal.ZERO;
				for (Node child : children) {
					BigDecimal weight = child.values.get(base)[year];
					weights = weights.add(weight);
					weighted = weighted.add(child.values.get(metric.getId())[year].multiply(weight));
				}
				return weighted.divide(weights, 2, RoundingMode.HALF_EVEN);
			}
			BigDecimal sum = children.stream()
				.map(child -> child.values.get(metric.getId())[year])
				.reduce(BigDecimal.ZERO, BigDecimal::add);
			return sum.divide(BigDecimal.valueOf(children.size()), 1, RoundingMode.HALF_EVEN);
		}

		/** The term 2021–2025: flows summed over its years, everything else as in its last year. */
		private void addTerm(Node node) {
			int first = TERM_START - FIRST_YEAR;
			for (Metric metric : this.metrics) {
				BigDecimal[] series = node.values.get(metric.getId());
				if (metric.getKind() == MetricKind.FLOW) {
					BigDecimal sum = BigDecimal.ZERO;
					for (int year = first; year < YEARS; year++) {
						sum = sum.add(series[year]);
					}
					series[YEARS] = sum;
				}
				else {
					series[YEARS] = series[YEARS - 1];
				}
			}
		}

	}

}
