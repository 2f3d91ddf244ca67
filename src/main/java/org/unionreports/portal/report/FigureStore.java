package org.unionreports.portal.report;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import org.unionreports.portal.metric.Family;
import org.unionreports.portal.metric.Metric;
import org.unionreports.portal.metric.MetricCatalogue;
import org.unionreports.portal.metric.MetricKind;
import org.unionreports.portal.shared.Amount;
import org.unionreports.portal.shared.FigureFormat;
import org.unionreports.portal.shared.Period;
import org.unionreports.portal.database.PostgresCopy;
import org.unionreports.portal.shared.Qualifier;

/**
 * Writes a report's figures in bulk with PostgreSQL's COPY: a file of 100,000 rows is one read of the
 * figures already there and one COPY each of labels, new figures, changed figures and history rows. Each
 * figure that is added, changed, removed or moved onto or off a catalogue metric leaves a
 * {@code report_change} row, with who and when. Used inside {@link ReportEntry}'s transactions, after its
 * checks of access, status and version.
 * <p>
 * A figure is identified by its subject, unit, period and target flag (and, where one report states the
 * same subject twice with different values, by its occurrence), never by the catalogue metric it maps to:
 * two different facts never replace each other. Of the figures that mean one catalogue metric for one
 * period, one holds the metric — the one already holding it, else the first given, else the one a person
 * chose — and the others are stored under their own label, claiming the metric, until a person says which
 * is the report's value ({@link #map}).
 */
@Component
class FigureStore {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(FigureStore.class);

	private final JdbcTemplate jdbc;

	private final PostgresCopy copy;

	private final Clock clock;

	private final MetricCatalogue catalogue;

	FigureStore(JdbcTemplate jdbc, PostgresCopy copy, Clock clock, MetricCatalogue catalogue) {
		this.jdbc = jdbc;
		this.copy = copy;
		this.clock = clock;
		this.catalogue = catalogue;
	}

	/** A figure already in the report, with what identifies it and what it says. */
	private record Existing(long id, Long metricId, Long labelId, Long claimedMetricId, Period period, boolean target,
			String subject, int occurrence, String name, Amount amount, int position) {

		SubjectKey subjectKey() {
			return new SubjectKey(this.subject, this.amount.unit(), this.period, this.target, this.occurrence);
		}

	}

	private record SubjectKey(String subject, String unit, Period period, boolean target, int occurrence) {
	}

	private record MetricKey(long metricId, Period period, boolean target) {
	}

	private record LabelKey(String nameZh, String unit) {
	}

	/** A label to create if it does not exist yet. */
	private record LabelWanted(String nameEn, Family family, MetricKind kind) {
	}

	/** What the save will do with one input: which figure it writes, and whether it holds its metric. */
	private static final class Plan {

		final int index;

		final FigureInput input;

		final Period period;

		final String subject;

		int occurrence;

		Existing existing;

		boolean holds;

		Long claimed;

		Plan(int index, FigureInput input, Period period, String subject) {
			this.index = index;
			this.input = input;
			this.period = period;
			this.subject = subject;
		}

		String unit() {
			return this.input.amount().unit();
		}

		MetricKey metricKey() {
			Metric metric = this.input.metric();
			return metric == null ? null : new MetricKey(metric.getId(), this.period, this.input.target());
		}

	}

	/** A row of the history: a figure's value added, changed or removed, or its catalogue metric changed. */
	private record Change(long figureId, String name, String field, String before, String after,
			java.math.BigDecimal beforeValue, java.math.BigDecimal afterValue) {

		static Change value(long figureId, String name, Amount before, Amount after) {
			return new Change(figureId, name, before == null ? "added" : after == null ? "removed" : "value",
					written(before), written(after), before == null ? null : before.value(),
					after == null ? null : after.value());
		}

	}

	/**
	 * Stores the figures: each either changes the figure of the same subject (or, for a grid cell, the
	 * figure holding its metric), is added after the last, or, when it repeats a figure given before it in
	 * the same save word for word, is listed as not stored.
	 * @param sectionIds the report's section ids by heading
	 */
	StoreResult store(long reportId, Period reportPeriod, List<FigureInput> inputs, Map<String, Long> sectionIds,
			Long revision) {
		long t0 = System.nanoTime();
		List<Existing> existing = existing(reportId);
		Map<SubjectKey, Existing> bySubject = new HashMap<>();
		Map<MetricKey, Existing> heldBy = new HashMap<>();
		int nextPosition = 0;
		for (Existing figure : existing) {
			bySubject.put(figure.subjectKey(), figure);
			if (figure.metricId() != null) {
				heldBy.put(new MetricKey(figure.metricId(), figure.period(), figure.target()), figure);
			}
			nextPosition = Math.max(nextPosition, figure.position() + 1);
		}
		List<Plan> plans = new ArrayList<>();
		List<StoreResult.NotStored> notStored = new ArrayList<>();
		identify(inputs, reportPeriod, bySubject, heldBy, plans, notStored);
		List<Existing> demoted = new ArrayList<>();
		List<Existing> resolved = new ArrayList<>();
		allocateMetrics(plans, existing, heldBy, demoted, resolved);

		// Figures that let go of the metric they held let go first, in a statement of their own: the unique
		// index on a report's metric is checked row by row, so a swap in one UPDATE could collide with itself.
		List<Existing> released = plans.stream()
			.filter(plan -> plan.existing != null && plan.existing.metricId() != null
					&& !(plan.holds && plan.existing.metricId().equals(plan.input.metric().getId())))
			.map(plan -> plan.existing)
			.toList();
		List<Existing> standingAlone = new ArrayList<>(demoted);
		standingAlone.addAll(released);
		Map<LabelKey, Long> labels = labels(plans, standingAlone);
		List<Object[]> inserts = new ArrayList<>();
		List<Object[]> releasing = new ArrayList<>();
		List<Object[]> updates = new ArrayList<>();
		List<Change> changes = new ArrayList<>();
		List<Long> ids = newIds((int) plans.stream().filter(plan -> plan.existing == null).count());
		int idIndex = 0;
		List<StoreResult.Stored> stored = new ArrayList<>();
		for (Plan plan : plans) {
			FigureInput input = plan.input;
			Long sectionId = input.sectionHeading() == null ? null : sectionIds.get(input.sectionHeading().strip());
			Long metricId = plan.holds ? input.metric().getId() : null;
			Long labelId = plan.holds ? null : labels.get(new LabelKey(labelName(plan), plan.unit()));
			String name = plan.holds ? input.metric().getNameZh() : plan.subject;
			Existing before = plan.existing;
			StoreResult.Change change;
			long id;
			if (before == null) {
				id = ids.get(idIndex++);
				inserts.add(new Object[] { id, reportId, metricId, labelId, input.target(), plan.period.firstYear(),
						plan.period.lastYear(), nextPosition++, sectionId, input.amount().unit(), input.amount().value(),
						input.amount().qualifier().code(), input.amount().isMissing(), input.sourceText(),
						input.numberText(), input.note(), plan.subject, plan.occurrence, plan.claimed, flag(input) });
				changes.add(Change.value(id, name, null, input.amount()));
				change = StoreResult.Change.ADDED;
			}
			else {
				id = before.id();
				// Also what only describes the figure (section, source text, note): a re-import replaces it.
				Object[] row = { input.amount().unit(), input.amount().value(), input.amount().qualifier().code(),
						input.amount().isMissing(), sectionId, input.sourceText(), input.numberText(), input.note(),
						metricId, labelId, plan.claimed, flag(input), before.id() };
				boolean releases = before.metricId() != null && !before.metricId().equals(metricId);
				(releases ? releasing : updates).add(row);
				boolean valueChanged = !before.amount().equals(input.amount());
				if (valueChanged) {
					changes.add(Change.value(id, name, before.amount(), input.amount()));
				}
				if (!Objects.equals(before.metricId(), metricId)) {
					changes.add(mapping(id, plan.subject, before.metricId(), metricId));
				}
				change = valueChanged ? StoreResult.Change.CHANGED : StoreResult.Change.UNCHANGED;
			}
			stored.add(new StoreResult.Stored(plan.index, id, plan.subject, input.metric(), plan.holds,
					plan.claimed != null, change));
		}
		for (Existing figure : demoted) {
			changes.add(mapping(figure.id(), figure.subject(), figure.metricId(), null));
		}
		long t1 = System.nanoTime();
		demote(standingAlone, labels);
		clearClaims(resolved);
		update(releasing);
		update(updates);
		insert(inserts);
		record(reportId, changes, revision);
		log.debug("Stored {} figures of report {} ({} not stored): planned in {} ms, written in {} ms", stored.size(),
				reportId, notStored.size(), (t1 - t0) / 1_000_000, (System.nanoTime() - t1) / 1_000_000);
		return new StoreResult(stored, notStored, conflicts(reportId));
	}

	/**
	 * Which figure each input writes. A grid cell (a metric without a subject) writes the figure holding its
	 * metric; any other input the figure of its subject, unit, period, target flag and occurrence — the
	 * n-th time a save gives a subject with a different value is its n-th occurrence. An input that
	 * repeats one given before it in the same save word for word is the same fact stated twice.
	 */
	private static void identify(List<FigureInput> inputs, Period reportPeriod, Map<SubjectKey, Existing> bySubject,
			Map<MetricKey, Existing> heldBy, List<Plan> plans, List<StoreResult.NotStored> notStored) {
		Set<Long> matched = new HashSet<>();
		Map<SubjectKey, Plan> bySubjectInSave = new HashMap<>();
		Map<SubjectKey, List<Plan>> sameSubject = new HashMap<>();
		Set<MetricKey> metricsSeen = new HashSet<>();
		Map<SubjectKey, List<Existing>> byBase = new HashMap<>();
		bySubject.values().forEach(figure -> byBase
			.computeIfAbsent(new SubjectKey(figure.subject(), figure.amount().unit(), figure.period(), figure.target(), 0),
					key -> new ArrayList<>())
			.add(figure));
		for (int i = 0; i < inputs.size(); i++) {
			FigureInput input = inputs.get(i);
			Period period = input.period() != null ? input.period() : reportPeriod;
			if (input.isMetricCell()) {
				Existing holder = heldBy.get(new MetricKey(input.metric().getId(), period, input.target()));
				// a cell in another unit than the figure holding its metric is another figure of its own
				if (holder != null && holder.amount().unit().equals(input.amount().unit()) && matched.add(holder.id())) {
					Plan plan = new Plan(i, input, period, holder.subject());
					plan.occurrence = holder.occurrence();
					plan.existing = holder;
					plans.add(plan);
					bySubjectInSave.put(holder.subjectKey(), plan);
					continue;
				}
			}
			Plan plan = new Plan(i, input, period, input.name());
			SubjectKey base = new SubjectKey(plan.subject, plan.unit(), period, input.target(), 0);
			List<Plan> earlier = sameSubject.computeIfAbsent(base, key -> new ArrayList<>());
			Plan same = earlier.stream().filter(other -> other.input.amount().equals(input.amount())).findFirst()
				.orElse(null);
			if (same != null) {
				notStored.add(new StoreResult.NotStored(i, "figure.notStored.repeat",
						List.of(plan.subject, written(input.amount()), same.index + 1)));
				continue;
			}
			// The same subject with the same value as one already stored is that figure, wherever it stands
			// among the subject's occurrences: a text that drops or reorders one of them never overwrites another.
			Existing figure = byBase.getOrDefault(base, List.of())
				.stream()
				.filter(existing -> !matched.contains(existing.id()) && existing.amount().equals(input.amount()))
				.findFirst()
				.orElse(null);
			SubjectKey key;
			if (figure != null) {
				key = figure.subjectKey();
			}
			else {
				int occurrence = earlier.size();
				key = new SubjectKey(plan.subject, plan.unit(), period, input.target(), occurrence);
				while (bySubjectInSave.containsKey(key)
						|| (bySubject.get(key) != null && matched.contains(bySubject.get(key).id()))) {
					key = new SubjectKey(plan.subject, plan.unit(), period, input.target(), ++occurrence);
				}
				figure = bySubject.get(key);
			}
			plan.occurrence = key.occurrence();
			if (figure == null && input.metric() != null && metricsSeen.add(plan.metricKey())) {
				// A figure entered in the grid (or stored before figures had subjects) bears its metric's own
				// name: the first figure of a save that means that metric is the one it describes.
				Existing holder = heldBy.get(plan.metricKey());
				if (holder != null && holder.subject().equals(input.metric().getNameZh())
						&& holder.amount().unit().equals(plan.unit()) && !matched.contains(holder.id())) {
					figure = holder;
					plan.occurrence = holder.occurrence();
					bySubjectInSave.put(holder.subjectKey(), plan);
				}
			}
			if (figure != null && matched.add(figure.id())) {
				plan.existing = figure;
			}
			earlier.add(plan);
			bySubjectInSave.put(key, plan);
			plans.add(plan);
		}
	}

	/**
	 * Which figure holds each catalogue metric. A figure that keeps its metric keeps holding it; a metric
	 * nobody holds goes to the first figure that means it; a figure a person chose takes it from the one
	 * holding it, which then stands under its own label, and the other claims are settled; any other figure
	 * that means a held metric claims it and is reported as a conflict.
	 */
	private static void allocateMetrics(List<Plan> plans, List<Existing> existing, Map<MetricKey, Existing> heldBy,
			List<Existing> demoted, List<Existing> resolved) {
		Map<MetricKey, Object> holder = new HashMap<>(heldBy);
		Set<Long> planned = new HashSet<>();
		for (Plan plan : plans) {
			if (plan.existing == null) {
				continue;
			}
			planned.add(plan.existing.id());
			Long held = plan.existing.metricId();
			if (held != null && (plan.input.metric() == null || !plan.input.metric().getId().equals(held))) {
				holder.remove(new MetricKey(held, plan.period, plan.input.target()));
			}
		}
		Map<MetricKey, List<Plan>> claimants = new HashMap<>();
		for (Plan plan : plans) {
			MetricKey key = plan.metricKey();
			if (key == null) {
				continue;
			}
			Object current = holder.get(key);
			if (current == null || current == plan.existing) {
				take(plan, key, holder);
			}
			else if (plan.input.holdsMetric()) {
				if (current instanceof Plan other) {
					other.holds = false;
				}
				else if (!planned.contains(((Existing) current).id())) {
					demoted.add((Existing) current);
				}
				claimants.getOrDefault(key, List.of()).forEach(other -> other.claimed = null);
				for (Existing figure : existing) {
					if (key.metricId() == Objects.requireNonNullElse(figure.claimedMetricId(), -1L)
							&& figure.period().equals(key.period()) && figure.target() == key.target()
							&& !planned.contains(figure.id())) {
						resolved.add(figure);
					}
				}
				take(plan, key, holder);
			}
			else {
				plan.holds = false;
				plan.claimed = key.metricId();
				claimants.computeIfAbsent(key, k -> new ArrayList<>()).add(plan);
			}
		}
	}

	private static void take(Plan plan, MetricKey key, Map<MetricKey, Object> holder) {
		plan.holds = true;
		plan.claimed = null;
		holder.put(key, plan);
	}

	/** The label a figure stands under when it holds no metric: its long-tail name, else its subject. */
	private static String labelName(Plan plan) {
		return plan.input.longTail() != null ? plan.input.longTail().nameZh() : plan.subject;
	}

	/** The figures of the report that claim a catalogue metric another figure (or none) holds. */
	List<StoreResult.Conflict> conflicts(long reportId) {
		Map<MetricKey, List<Long>> claims = new LinkedHashMap<>();
		Map<MetricKey, Long> holders = new HashMap<>();
		this.jdbc.query("""
				select f.id, f.claimed_metric_id, f.period_start, f.period_end, f.target, h.id as holder
				from figure f
				left join figure h on h.report_id = f.report_id and h.metric_id = f.claimed_metric_id
				    and h.period_start = f.period_start and h.period_end = f.period_end and h.target = f.target
				where f.report_id = ? and f.claimed_metric_id is not null
				order by f.position, f.id""", rs -> {
			MetricKey key = new MetricKey(rs.getLong("claimed_metric_id"),
					new Period(rs.getInt("period_start"), rs.getInt("period_end")), rs.getBoolean("target"));
			claims.computeIfAbsent(key, k -> new ArrayList<>()).add(rs.getLong("id"));
			long holder = rs.getLong("holder");
			if (!rs.wasNull()) {
				holders.put(key, holder);
			}
		}, reportId);
		if (claims.isEmpty()) {
			return List.of();
		}
		Map<Long, Metric> metrics = new HashMap<>();
		this.catalogue.all().forEach(metric -> metrics.put(metric.getId(), metric));
		List<StoreResult.Conflict> conflicts = new ArrayList<>();
		claims.forEach((key, ids) -> conflicts.add(new StoreResult.Conflict(metrics.get(key.metricId()), key.period(),
				key.target(), holders.get(key), List.copyOf(ids))));
		return conflicts;
	}

	/**
	 * Makes a figure the report's value for a catalogue metric (or, with none, a long-tail figure): the figure
	 * that held it stands under its own label, and every claim on that metric for the figure's period is
	 * settled. The label remembers the metric, so that the same label is proposed with it next time.
	 * @return false if the report has no such figure
	 */
	boolean map(long reportId, long figureId, Metric metric, Long revision) {
		Existing figure = existing(reportId).stream().filter(f -> f.id() == figureId).findFirst().orElse(null);
		if (figure == null) {
			return false;
		}
		if (metric != null && !metric.accepts(figure.amount().unit())) {
			throw new IllegalArgumentException(
					"the unit " + figure.amount().unit() + " does not count " + metric.getNameZh());
		}
		List<Existing> all = existing(reportId);
		List<Change> changes = new ArrayList<>();
		Long claimed = metric != null ? Long.valueOf(metric.getId()) : figure.claimedMetricId();
		if (claimed != null) {
			List<Existing> others = all.stream()
				.filter(f -> f.id() != figureId && f.period().equals(figure.period()) && f.target() == figure.target()
						&& (claimed.equals(f.metricId()) || claimed.equals(f.claimedMetricId())))
				.toList();
			List<Existing> holders = others.stream().filter(f -> f.metricId() != null).toList();
			Map<LabelKey, Long> labels = labels(
					holders.stream().collect(java.util.stream.Collectors.toMap(f -> new LabelKey(f.subject(), f.amount().unit()),
							f -> new LabelWanted(null, Family.OTHER, MetricKind.FLOW), (a, b) -> a)));
			if (metric != null) {
				demote(holders, labels);
				holders.forEach(f -> changes.add(mapping(f.id(), f.subject(), f.metricId(), null)));
				clearClaims(others.stream().filter(f -> f.claimedMetricId() != null).toList());
			}
		}
		if (metric == null) {
			if (figure.metricId() != null || figure.claimedMetricId() != null) {
				Map<LabelKey, Long> labels = labels(Map.of(new LabelKey(figure.subject(), figure.amount().unit()),
						new LabelWanted(null, Family.OTHER, MetricKind.FLOW)));
				demote(List.of(figure), labels);
				if (figure.metricId() != null) {
					changes.add(mapping(figure.id(), figure.subject(), figure.metricId(), null));
				}
			}
		}
		else if (!Long.valueOf(metric.getId()).equals(figure.metricId())) {
			this.jdbc.update("update figure set metric_id = ?, label_id = null, claimed_metric_id = null,"
					+ " version = version + 1 where id = ?", metric.getId(), figureId);
			changes.add(mapping(figureId, figure.subject(), figure.metricId(), metric.getId()));
		}
		this.jdbc.update("update figure_label set mapped_metric_id = ? where name_zh = ? and unit = ?",
				metric == null ? null : metric.getId(), figure.subject(), figure.amount().unit());
		record(reportId, changes, revision);
		return true;
	}

	/** Sets a figure's note and why it is kept (null: a plain note). */
	boolean explain(long reportId, long figureId, String note, FigureInput.Flag flag) {
		return this.jdbc.update("update figure set note = ?, flag = ?, version = version + 1 where id = ? and report_id = ?",
				note, flag == null ? null : flag.code(), figureId, reportId) == 1;
	}

	/** Figures that lose the metric they held and stand under their own label, with no claim left. */
	private void demote(List<Existing> figures, Map<LabelKey, Long> labels) {
		if (figures.isEmpty()) {
			return;
		}
		this.jdbc.batchUpdate("update figure set metric_id = null, label_id = ?, claimed_metric_id = null,"
				+ " version = version + 1 where id = ?",
				figures.stream()
					.map(f -> new Object[] { labels.get(new LabelKey(f.subject(), f.amount().unit())), f.id() })
					.toList());
	}

	private void clearClaims(List<Existing> figures) {
		if (figures.isEmpty()) {
			return;
		}
		this.jdbc.batchUpdate("update figure set claimed_metric_id = null, version = version + 1 where id = ?",
				figures.stream().map(f -> new Object[] { f.id() }).toList());
	}

	private Change mapping(long figureId, String name, Long before, Long after) {
		Map<Long, String> names = new HashMap<>();
		this.catalogue.all().forEach(metric -> names.put(metric.getId(), metric.getNameZh()));
		return new Change(figureId, name, "mapping", before == null ? null : names.get(before),
				after == null ? null : names.get(after), null, null);
	}

	boolean hasFigures(long sectionId) {
		Integer count = this.jdbc.queryForObject("select count(*) from figure where section_id = ?", Integer.class,
				sectionId);
		return count != null && count > 0;
	}

	/** The names (metric or label, in Chinese) of the report's figures of these ids, as its history writes them. */
	List<String> names(long reportId, List<Long> figureIds) {
		if (figureIds.isEmpty()) {
			return List.of();
		}
		return existing(reportId).stream().filter(figure -> figureIds.contains(figure.id())).map(Existing::name).toList();
	}

	/** Removes figures of the report by id, recording each. */
	void remove(long reportId, List<Long> figureIds, Long revision) {
		if (figureIds.isEmpty()) {
			return;
		}
		List<Change> changes = new ArrayList<>();
		for (Existing figure : existing(reportId)) {
			if (figureIds.contains(figure.id())) {
				changes.add(Change.value(figure.id(), figure.name(), figure.amount(), null));
			}
		}
		this.jdbc.batchUpdate("delete from figure where id = ? and report_id = ?",
				changes.stream().map(c -> new Object[] { c.figureId(), reportId }).toList());
		record(reportId, changes, revision);
	}

	private static String flag(FigureInput input) {
		return input.flag() == null ? null : input.flag().code();
	}

	private void insert(List<Object[]> rows) {
		copy("figure (id, report_id, metric_id, label_id, target, period_start, period_end, position, section_id, unit,"
				+ " value, qualifier, missing, source_text, number_text, note, subject, occurrence, claimed_metric_id,"
				+ " flag)", rows);
	}

	/** Changed figures: COPY into a temporary table, then one UPDATE from it. */
	private void update(List<Object[]> rows) {
		if (rows.isEmpty()) {
			return;
		}
		this.jdbc.execute("""
				create temporary table figure_update (unit varchar(16), value numeric(24, 4), qualifier varchar(8),
				    missing boolean, section_id bigint, source_text text, number_text varchar(100), note text,
				    metric_id bigint, label_id bigint, claimed_metric_id bigint, flag varchar(16), id bigint)
				on commit drop""");
		copy("figure_update", rows);
		this.jdbc.update("""
				update figure f set unit = u.unit, value = u.value, qualifier = u.qualifier, missing = u.missing,
				                    section_id = u.section_id, source_text = u.source_text, number_text = u.number_text,
				                    note = u.note, metric_id = u.metric_id, label_id = u.label_id,
				                    claimed_metric_id = u.claimed_metric_id, flag = u.flag, version = f.version + 1
				from figure_update u where f.id = u.id""");
		this.jdbc.execute("drop table figure_update");
	}

	private void copy(String tableAndColumns, List<Object[]> rows) {
		this.copy.copy(tableAndColumns, rows);
	}

	private List<Long> newIds(int count) {
		if (count == 0) {
			return List.of();
		}
		return this.jdbc.queryForList(
				"select nextval(pg_get_serial_sequence('figure', 'id')) from generate_series(1, ?)", Long.class, count);
	}

	private List<Existing> existing(long reportId) {
		return this.jdbc.query("""
				select f.id, f.metric_id, f.label_id, f.claimed_metric_id, f.period_start, f.period_end, f.target,
				       f.subject, f.occurrence, f.unit, f.value, f.qualifier, f.position,
				       coalesce(m.name_zh, f.subject) as name
				from figure f left join metric m on m.id = f.metric_id
				where f.report_id = ?""", (rs, row) -> new Existing(rs.getLong("id"), nullable(rs, "metric_id"),
				nullable(rs, "label_id"), nullable(rs, "claimed_metric_id"),
				new Period(rs.getInt("period_start"), rs.getInt("period_end")), rs.getBoolean("target"),
				rs.getString("subject"), rs.getInt("occurrence"), rs.getString("name"),
				new Amount(rs.getBigDecimal("value"), rs.getString("unit"),
						Qualifier.fromCode(rs.getString("qualifier")).orElseThrow()),
				rs.getInt("position")), reportId);
	}

	private static Long nullable(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

	/** The ids of the labels that the figures standing under their own label need, made where missing. */
	private Map<LabelKey, Long> labels(List<Plan> plans, List<Existing> demoted) {
		Map<LabelKey, LabelWanted> wanted = new LinkedHashMap<>();
		for (Plan plan : plans) {
			if (plan.holds) {
				continue;
			}
			FigureInput.LongTail longTail = plan.input.longTail();
			if (longTail != null) {
				wanted.putIfAbsent(new LabelKey(longTail.nameZh(), plan.unit()),
						new LabelWanted(longTail.nameEn(), longTail.family(), longTail.kind()));
			}
			else {
				Metric metric = plan.input.metric();
				wanted.putIfAbsent(new LabelKey(plan.subject, plan.unit()),
						new LabelWanted(null, metric.getFamily(), metric.getKind()));
			}
		}
		for (Existing figure : demoted) {
			wanted.putIfAbsent(new LabelKey(figure.subject(), figure.amount().unit()),
					new LabelWanted(null, Family.OTHER, MetricKind.FLOW));
		}
		return labels(wanted);
	}

	private Map<LabelKey, Long> labels(Map<LabelKey, LabelWanted> wanted) {
		if (wanted.isEmpty()) {
			return Map.of();
		}
		List<Object[]> rows = wanted.entrySet()
			.stream()
			.map(e -> new Object[] { e.getKey().nameZh(), e.getValue().nameEn(), e.getKey().unit(),
					e.getValue().family().code(), e.getValue().kind().code() })
			.toList();
		this.jdbc.execute("""
				create temporary table label_import (name_zh varchar(200), name_en varchar(300), unit varchar(16),
				    family varchar(16), kind varchar(16)) on commit drop""");
		copy("label_import", rows);
		this.jdbc.update("""
				insert into figure_label (name_zh, name_en, unit, family, kind)
				select distinct on (name_zh, unit) name_zh, name_en, unit, family, kind from label_import
				on conflict on constraint figure_label_name_unit_uk do update
				set name_en = coalesce(excluded.name_en, figure_label.name_en),
				    family = case when excluded.family = 'other' then figure_label.family else excluded.family end""");
		Map<LabelKey, Long> ids = new HashMap<>();
		this.jdbc.query("""
				select l.id, l.name_zh, l.unit from figure_label l
				join label_import i on i.name_zh = l.name_zh and i.unit = l.unit""",
				rs -> {
					ids.put(new LabelKey(rs.getString("name_zh"), rs.getString("unit")), rs.getLong("id"));
				});
		this.jdbc.execute("drop table label_import");
		return ids;
	}

	private void record(long reportId, List<Change> changes, Long revision) {
		if (changes.isEmpty()) {
			return;
		}
		Authentication actor = SecurityContextHolder.getContext().getAuthentication();
		String who = actor == null ? "system" : actor.getName();
		Timestamp now = Timestamp.from(Instant.now(this.clock));
		List<Object[]> rows = new ArrayList<>(changes.size());
		for (Change change : changes) {
			rows.add(new Object[] { reportId, now.toInstant().toString(), who, "FIGURE", change.figureId(), change.name(),
					change.field(), change.before(), change.after(), change.beforeValue(), change.afterValue(), revision });
		}
		copy("report_change (report_id, occurred_at, actor, subject, figure_id, label, field, old_text, new_text,"
				+ " old_value, new_value, revision_id)", rows);
	}

	private static String written(Amount amount) {
		return amount == null ? null : FigureFormat.write(amount, Locale.SIMPLIFIED_CHINESE);
	}

}
