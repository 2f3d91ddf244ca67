package org.unionreports.portal.report;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import org.unionreports.portal.shared.Amount;
import org.unionreports.portal.shared.FigureFormat;
import org.unionreports.portal.shared.Period;
import org.unionreports.portal.shared.PostgresCopy;
import org.unionreports.portal.shared.Qualifier;

/**
 * Writes a report's figures in bulk with PostgreSQL's COPY: a file of 100,000 rows is one read of the
 * figures already there and one COPY each of labels, new figures, changed figures and history rows. Each
 * figure that is added, changed or removed leaves a {@code report_change} row, with who and when.
 * Used inside {@link ReportEntry}'s transactions, after its checks of access, status and version.
 */
@Component
class FigureStore {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(FigureStore.class);

	private final JdbcTemplate jdbc;

	private final PostgresCopy copy;

	private final Clock clock;

	FigureStore(JdbcTemplate jdbc, PostgresCopy copy, Clock clock) {
		this.jdbc = jdbc;
		this.copy = copy;
		this.clock = clock;
	}

	/** A figure already in the report, with what identifies it and what it says. */
	private record Stored(long id, Long metricId, Long labelId, Period period, boolean target, String name,
			Amount amount, int position) {

		Key key() {
			return new Key(this.metricId, this.labelId, this.period, this.target);
		}

	}

	private record Key(Long metricId, Long labelId, Period period, boolean target) {
	}

	private record LabelKey(String nameZh, String unit) {
	}

	/** A change to record: which figure, its name, and the amounts before and after (null: added or removed). */
	private record Change(long figureId, String name, Amount before, Amount after) {
	}

	/**
	 * Stores the figures: one of the same metric (or label), period and target flag as one already there
	 * replaces it; the rest are added after the last.
	 * @param sectionIds the report's section ids by heading
	 * @return how many figures were added or changed
	 */
	int store(long reportId, Period reportPeriod, List<FigureInput> inputs, Map<String, Long> sectionIds, Long revision) {
		long t0 = System.nanoTime();
		Map<Key, Stored> existing = new HashMap<>();
		int nextPosition = 0;
		for (Stored figure : existing(reportId)) {
			existing.put(figure.key(), figure);
			nextPosition = Math.max(nextPosition, figure.position() + 1);
		}
		long t1 = System.nanoTime();
		Map<LabelKey, Long> labels = labels(inputs);
		long t2 = System.nanoTime();
		// The same figure twice in one save (a file that repeats a row, a text that repeats a number): the
		// later one wins, as a second import would, and the figure is written and recorded once.
		Map<Key, FigureInput> byKey = new LinkedHashMap<>();
		for (FigureInput input : inputs) {
			Long labelId = input.longTail() == null ? null
					: labels.get(new LabelKey(input.longTail().nameZh(), input.amount().unit()));
			Long metricId = input.metric() == null ? null : input.metric().getId();
			Period period = input.period() != null ? input.period() : reportPeriod;
			Key key = new Key(metricId, labelId, period, input.target());
			byKey.remove(key);
			byKey.put(key, input);
		}
		List<Object[]> inserts = new ArrayList<>();
		List<Object[]> updates = new ArrayList<>();
		List<Change> changes = new ArrayList<>();
		List<Long> ids = newIds((int) byKey.keySet().stream().filter(key -> !existing.containsKey(key)).count());
		int idIndex = 0;
		for (Map.Entry<Key, FigureInput> entry : byKey.entrySet()) {
			Key key = entry.getKey();
			FigureInput input = entry.getValue();
			String name = input.metric() != null ? input.metric().getNameZh() : input.longTail().nameZh();
			Long sectionId = input.sectionHeading() == null ? null : sectionIds.get(input.sectionHeading().strip());
			Stored before = existing.get(key);
			if (before == null) {
				long id = ids.get(idIndex++);
				Object[] row = new Object[16];
				row[0] = id;
				row[1] = reportId;
				row[2] = key.metricId();
				row[3] = key.labelId();
				row[4] = key.target();
				row[5] = key.period().firstYear();
				row[6] = key.period().lastYear();
				row[7] = nextPosition++;
				fill(row, input, sectionId);
				inserts.add(row);
				changes.add(new Change(id, name, null, input.amount()));
			}
			else {
				// Also what only describes the figure (section, source text, note): a re-import replaces it.
				updates.add(new Object[] { input.amount().unit(), input.amount().value(), input.amount().qualifier().code(),
						input.amount().isMissing(), sectionId, input.sourceText(), input.numberText(), input.note(),
						before.id() });
				if (!before.amount().equals(input.amount())) {
					changes.add(new Change(before.id(), name, before.amount(), input.amount()));
				}
			}
		}
		long t3 = System.nanoTime();
		insert(inserts);
		long t4 = System.nanoTime();
		update(updates);
		long t5 = System.nanoTime();
		record(reportId, changes, revision);
		log.debug("Stored {} figures of report {}: existing {} ms, labels {} ms, prepare {} ms, insert {} ms, update {} ms,"
				+ " history {} ms", inputs.size(), reportId, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000,
				(t3 - t2) / 1_000_000, (t4 - t3) / 1_000_000, (t5 - t4) / 1_000_000, (System.nanoTime() - t5) / 1_000_000);
		return inserts.size() + (int) changes.stream().filter(c -> c.before() != null).count();
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
		return existing(reportId).stream().filter(figure -> figureIds.contains(figure.id())).map(Stored::name).toList();
	}

	/** Removes figures of the report by id, recording each. */
	void remove(long reportId, List<Long> figureIds, Long revision) {
		if (figureIds.isEmpty()) {
			return;
		}
		List<Change> changes = new ArrayList<>();
		for (Stored figure : existing(reportId)) {
			if (figureIds.contains(figure.id())) {
				changes.add(new Change(figure.id(), figure.name(), figure.amount(), null));
			}
		}
		this.jdbc.batchUpdate("delete from figure where id = ? and report_id = ?",
				changes.stream().map(c -> new Object[] { c.figureId(), reportId }).toList());
		record(reportId, changes, revision);
	}

	private static void fill(Object[] row, FigureInput input, Long sectionId) {
		row[8] = sectionId;
		row[9] = input.amount().unit();
		row[10] = input.amount().value();
		row[11] = input.amount().qualifier().code();
		row[12] = input.amount().isMissing();
		row[13] = input.sourceText();
		row[14] = input.numberText();
		row[15] = input.note();
	}

	private void insert(List<Object[]> rows) {
		copy("figure (id, report_id, metric_id, label_id, target, period_start, period_end, position, section_id, unit,"
				+ " value, qualifier, missing, source_text, number_text, note)", rows);
	}

	/** Changed figures: COPY into a temporary table, then one UPDATE from it. */
	private void update(List<Object[]> rows) {
		if (rows.isEmpty()) {
			return;
		}
		this.jdbc.execute("""
				create temporary table figure_update (unit varchar(16), value numeric(24, 4), qualifier varchar(8),
				    missing boolean, section_id bigint, source_text text, number_text varchar(100), note text, id bigint)
				on commit drop""");
		copy("figure_update", rows);
		this.jdbc.update("""
				update figure f set unit = u.unit, value = u.value, qualifier = u.qualifier, missing = u.missing,
				                    section_id = u.section_id, source_text = u.source_text, number_text = u.number_text,
				                    note = u.note, version = f.version + 1
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

	private List<Stored> existing(long reportId) {
		return this.jdbc.query("""
				select f.id, f.metric_id, f.label_id, f.period_start, f.period_end, f.target, f.unit, f.value,
				       f.qualifier, f.position, coalesce(m.name_zh, l.name_zh) as name
				from figure f left join metric m on m.id = f.metric_id left join figure_label l on l.id = f.label_id
				where f.report_id = ?""", (rs, row) -> {
			long metric = rs.getLong("metric_id");
			Long metricId = rs.wasNull() ? null : metric;
			long label = rs.getLong("label_id");
			Long labelId = rs.wasNull() ? null : label;
			return new Stored(rs.getLong("id"), metricId, labelId,
					new Period(rs.getInt("period_start"), rs.getInt("period_end")), rs.getBoolean("target"),
					rs.getString("name"), new Amount(rs.getBigDecimal("value"), rs.getString("unit"),
							Qualifier.fromCode(rs.getString("qualifier")).orElseThrow()),
					rs.getInt("position"));
		}, reportId);
	}

	/** The ids of the long-tail labels the inputs name, creating those that do not exist yet. */
	private Map<LabelKey, Long> labels(List<FigureInput> inputs) {
		Map<LabelKey, FigureInput.LongTail> wanted = new LinkedHashMap<>();
		for (FigureInput input : inputs) {
			if (input.longTail() != null) {
				wanted.putIfAbsent(new LabelKey(input.longTail().nameZh(), input.amount().unit()), input.longTail());
			}
		}
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
		Authentication actor = SecurityContextHolder.getContext().getAuthentication();
		String who = actor == null ? "system" : actor.getName();
		Timestamp now = Timestamp.from(Instant.now(this.clock));
		List<Object[]> rows = new ArrayList<>(changes.size());
		for (Change change : changes) {
			rows.add(new Object[] { reportId, now.toInstant().toString(), who, "FIGURE", change.figureId(), change.name(),
					change.before() == null ? "added" : change.after() == null ? "removed" : "value",
					written(change.before()), written(change.after()),
					change.before() == null ? null : change.before().value(),
					change.after() == null ? null : change.after().value(), revision });
		}
		copy("report_change (report_id, occurred_at, actor, subject, figure_id, label, field, old_text, new_text,"
				+ " old_value, new_value, revision_id)", rows);
	}

	private static String written(Amount amount) {
		return amount == null ? null : FigureFormat.write(amount, Locale.SIMPLIFIED_CHINESE);
	}

}
