package org.unionreports.portal.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.unionreports.portal.metric.Metric;
import org.unionreports.portal.shared.Amount;
import org.unionreports.portal.shared.Units;

/**
 * What figures must be, checked before a save: per figure (counts whole, percentages 0–100, money and
 * counts not negative, the metric's bounds), across figures (a part never above its whole, where the
 * catalogue says which is part of which), and a warning, not an error, for a figure that moved more than
 * threefold from the same region's previous period.
 */
@Component
public class FigureRules {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private static final BigDecimal THREEFOLD = BigDecimal.valueOf(3);

	private final JdbcClient jdbc;

	FigureRules(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A problem with one field of a form: an error stops the save, a warning does not. */
	public record Finding(String field, String messageKey, List<Object> arguments, boolean warning)
			implements java.io.Serializable {

		/**
		 * How a figure with this warning is kept once explained: a count printed with a fraction as printed,
		 * anything else as explained. Null for an error, which no explanation makes true.
		 */
		public FigureInput.Flag flag() {
			if (!this.warning) {
				return null;
			}
			return "figure.rule.whole".equals(this.messageKey) ? FigureInput.Flag.AS_PRINTED : FigureInput.Flag.EXPLAINED;
		}

	}

	/**
	 * Checks the figures of a form, each under the name of its field.
	 * @param figures field name to figure, in the report's own period
	 */
	public List<Finding> check(Report report, Map<String, FigureInput> figures) {
		List<Finding> findings = errors(figures);
		checkMoves(report, figures, findings);
		return findings;
	}

	/**
	 * The warnings of a report's stored figures that no note explains yet: a report is not submitted while
	 * it has any. Each finding's field is the figure's id.
	 */
	public List<Finding> unexplained(Report report, List<Figure> stored) {
		Map<String, FigureInput> figures = new java.util.LinkedHashMap<>();
		Map<String, Figure> byField = new HashMap<>();
		for (Figure figure : stored) {
			String field = Long.toString(figure.getId());
			byField.put(field, figure);
			FigureInput.LongTail longTail = figure.getMetric() != null ? null
					: new FigureInput.LongTail(figure.getNameZh(), figure.getNameEn(), figure.getFamily(), figure.getKind());
			figures.put(field, new FigureInput(null, figure.getMetric(), longTail, figure.getAmount(),
					figure.getPeriod().equals(report.getPeriod()) ? null : figure.getPeriod(), figure.isTarget(), null,
					null, figure.getNote()));
		}
		return check(report, figures).stream()
			.filter(Finding::warning)
			.filter(finding -> byField.get(finding.field()).getNote() == null
					|| byField.get(finding.field()).getNote().isBlank())
			.toList();
	}

	/** The errors and the warnings that need no earlier period: for figures read from a file or a text. */
	public List<Finding> errors(Map<String, FigureInput> figures) {
		List<Finding> findings = new ArrayList<>();
		figures.forEach((field, input) -> checkOne(field, input, findings));
		checkParts(figures, findings);
		return findings;
	}

	private static void checkOne(String field, FigureInput input, List<Finding> findings) {
		Amount amount = input.amount();
		if (amount.isMissing()) {
			return;
		}
		BigDecimal value = amount.value();
		String name = input.metric() != null ? input.metric().getNameZh() : input.longTail().nameZh();
		if (value.signum() < 0) {
			findings.add(new Finding(field, "figure.rule.negative", List.of(name), false));
		}
		if (Units.isPercent(amount.unit()) && (value.signum() < 0 || value.compareTo(HUNDRED) > 0)) {
			findings.add(new Finding(field, "figure.rule.percentRange", List.of(value.toPlainString()), false));
			return;
		}
		if (Units.isCount(amount.unit()) && value.stripTrailingZeros().scale() > 0) {
			// A slip of the source ("8.6余人次" with its 万 lost) is kept as printed, with a note saying so.
			findings.add(new Finding(field, "figure.rule.whole", List.of(value.toPlainString(), amount.unit()), true));
		}
		Metric metric = input.metric();
		if (metric != null && metric.getMaxValue() != null && value.compareTo(metric.getMaxValue()) > 0) {
			findings.add(new Finding(field, "figure.rule.aboveMax",
					List.of(value.toPlainString(), metric.getMaxValue().stripTrailingZeros().toPlainString()), false));
		}
		if (metric != null && metric.getMinValue() != null && value.compareTo(metric.getMinValue()) < 0) {
			findings.add(new Finding(field, "figure.rule.belowMin",
					List.of(value.toPlainString(), metric.getMinValue().stripTrailingZeros().toPlainString()), false));
		}
	}

	private static void checkParts(Map<String, FigureInput> figures, List<Finding> findings) {
		// A part and its whole are compared within one period (and never a target with an achievement).
		record Key(Long metricId, Object period, boolean target) {
		}
		Map<Key, Map.Entry<String, FigureInput>> byMetric = new HashMap<>();
		figures.entrySet()
			.stream()
			.filter(e -> e.getValue().metric() != null && !e.getValue().amount().isMissing())
			.forEach(e -> byMetric.put(new Key(e.getValue().metric().getId(), e.getValue().period(), e.getValue().target()),
					e));
		for (Map.Entry<String, FigureInput> part : byMetric.values()) {
			Metric whole = part.getValue().metric().getPartOf();
			Map.Entry<String, FigureInput> wholeFigure = whole == null ? null
					: byMetric.get(new Key(whole.getId(), part.getValue().period(), part.getValue().target()));
			if (wholeFigure != null
					&& part.getValue().amount().value().compareTo(wholeFigure.getValue().amount().value()) > 0) {
				findings.add(new Finding(part.getKey(), "figure.rule.partAboveWhole",
						List.of(part.getValue().metric().getNameZh(), whole.getNameZh()), true));
			}
		}
	}

	/** Warns where a figure is more than three times, or less than a third of, the previous period's. */
	private void checkMoves(Report report, Map<String, FigureInput> figures, List<Finding> findings) {
		Map<Long, BigDecimal> previous = previousPeriod(report);
		if (previous.isEmpty()) {
			return;
		}
		figures.forEach((field, input) -> {
			if (input.metric() == null || input.amount().isMissing()) {
				return;
			}
			BigDecimal before = previous.get(input.metric().getId());
			BigDecimal now = input.amount().value();
			if (before == null || before.signum() <= 0 || now.signum() <= 0) {
				return;
			}
			if (now.compareTo(before.multiply(THREEFOLD)) > 0 || before.compareTo(now.multiply(THREEFOLD)) > 0) {
				findings.add(new Finding(field, "figure.rule.moved", List.of(input.metric().getNameZh(),
						before.stripTrailingZeros().toPlainString(), now.stripTrailingZeros().toPlainString()), true));
			}
		});
	}

	/** The catalogue figures of the same region's report for the period just before, of the same length. */
	private Map<Long, BigDecimal> previousPeriod(Report report) {
		int years = report.getPeriod().years();
		int end = report.getPeriod().firstYear() - 1;
		Map<Long, BigDecimal> values = new HashMap<>();
		this.jdbc.sql("""
				select f.metric_id, f.value from figure f join report r on r.id = f.report_id
				where r.region_id = :region and r.period_end = :end and r.period_start = :start
				  and f.metric_id is not null and not f.missing and not f.target
				  and f.period_start = r.period_start and f.period_end = r.period_end""")
			.param("region", report.getRegion().getId())
			.param("end", end)
			.param("start", end - years + 1)
			.query((rs, row) -> Map.entry(rs.getLong(1), rs.getBigDecimal(2)))
			.list()
			.forEach(entry -> values.put(entry.getKey(), entry.getValue()));
		return values;
	}

}
