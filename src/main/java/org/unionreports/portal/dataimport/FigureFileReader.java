package org.unionreports.portal.dataimport;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import org.unionreports.portal.metric.Family;
import org.unionreports.portal.metric.Metric;
import org.unionreports.portal.metric.MetricCatalogue;
import org.unionreports.portal.metric.MetricKind;
import org.unionreports.portal.report.FigureInput;
import org.unionreports.portal.shared.Amount;
import org.unionreports.portal.shared.FigureFormat;
import org.unionreports.portal.shared.FigureFormatException;
import org.unionreports.portal.shared.Period;
import org.unionreports.portal.shared.Qualifier;
import org.unionreports.portal.shared.ReadNumber;

/**
 * Reads the figure exchange format (CONTRACT.md) from a CSV or XLSX table: columns in any order, unknown
 * columns ignored. Every problem is reported with its line and column; the caller stores nothing unless
 * there are none.
 */
@Component
public class FigureFileReader {

	static final String SECTION = "section", TEXT = "text", NUMBER_TEXT = "number_text", VALUE = "value",
			UNIT = "unit", QUALIFIER = "qualifier", METRIC_KEY = "metric_key", METRIC_ZH = "metric_zh",
			METRIC_EN = "metric_en", FAMILY = "family", PERIOD = "period", KIND = "kind", NOTE = "note";

	/** The columns of the exchange format, in the order the templates give them. */
	public static final List<String> COLUMNS = List.of(SECTION, TEXT, NUMBER_TEXT, VALUE, UNIT, QUALIFIER, METRIC_ZH,
			METRIC_EN, FAMILY, PERIOD, KIND, NOTE);

	/** The longest a cell may be in each column, as the database keeps it. */
	private static final Map<String, Integer> LIMITS = Map.of(SECTION, 300, TEXT, 4000, NOTE, 4000, METRIC_ZH, 200,
			METRIC_EN, 300, NUMBER_TEXT, 100);

	private final MetricCatalogue catalogue;

	FigureFileReader(MetricCatalogue catalogue) {
		this.catalogue = catalogue;
	}

	/** Reads CSV text; a byte-order mark at its start is skipped. */
	public FigureSheet read(Reader source) {
		try {
			return read(FigureTable.csv(source));
		}
		catch (IOException ex) {
			return unreadable("the file is not readable CSV: " + ex.getMessage());
		}
	}

	static FigureSheet unreadable(String message) {
		return new FigureSheet(List.of(), List.of(new ImportProblem(0, "", message)), List.of());
	}

	public FigureSheet read(FigureTable table) {
		List<ImportProblem> problems = new ArrayList<>();
		if (!table.hasColumn(METRIC_ZH) && !table.hasColumn(METRIC_KEY)) {
			problems.add(new ImportProblem(1, METRIC_ZH, "the header row has no metric_zh (or metric_key) column"));
		}
		if (!table.hasColumn(UNIT)) {
			problems.add(new ImportProblem(1, UNIT, "the header row has no unit column"));
		}
		if (!table.hasColumn(VALUE) && !table.hasColumn(NUMBER_TEXT)) {
			problems.add(new ImportProblem(1, VALUE, "the header row has no value (or number_text) column"));
		}
		if (!problems.isEmpty()) {
			return new FigureSheet(List.of(), problems, List.of());
		}
		MetricCatalogue.Lookup metrics = this.catalogue.snapshot();
		List<FigureInput> figures = new ArrayList<>();
		List<FigureSheet.Row> rows = new ArrayList<>(table.lines().size());
		for (FigureTable.Line line : table.lines()) {
			RowReader reader = new RowReader(table, line, metrics);
			FigureInput input = reader.read();
			if (input != null) {
				figures.add(input);
			}
			problems.addAll(reader.problems);
			rows.add(new FigureSheet.Row(line.number(), table.cell(line, METRIC_ZH) != null ? table.cell(line, METRIC_ZH)
					: table.cell(line, METRIC_KEY), table.cell(line, VALUE) != null ? table.cell(line, VALUE)
							: table.cell(line, NUMBER_TEXT), table.cell(line, UNIT), input, reader.problems));
		}
		return new FigureSheet(figures, problems, rows);
	}

	/** Reads one row of the table into a figure, collecting what is wrong with it. */
	private static final class RowReader {

		private final FigureTable table;

		private final FigureTable.Line line;

		private final MetricCatalogue.Lookup metrics;

		private final List<ImportProblem> problems = new ArrayList<>();

		RowReader(FigureTable table, FigureTable.Line line, MetricCatalogue.Lookup metrics) {
			this.table = table;
			this.line = line;
			this.metrics = metrics;
		}

		private String get(String column) {
			return this.table.cell(this.line, column);
		}

		FigureInput read() {
			for (Map.Entry<String, Integer> limit : LIMITS.entrySet()) {
				String cell = get(limit.getKey());
				if (cell != null && cell.length() > limit.getValue()) {
					problem(limit.getKey(), "longer than " + limit.getValue() + " characters");
				}
			}
			String unitCell = get(UNIT);
			if (unitCell == null) {
				problem(UNIT, "no unit; write the measure word, e.g. 人, 个, 元 or %");
				return null;
			}
			Map.Entry<String, BigDecimal> split = FigureFormat.splitUnit(unitCell);
			String unit = split.getKey();
			BigDecimal multiplier = split.getValue();
			if (unit.length() > 16) {
				problem(UNIT, "a unit is a short measure word, not \"" + unit + "\"");
				return null;
			}
			Optional<Qualifier> qualifierColumn = Qualifier.fromCode(get(QUALIFIER));
			if (qualifierColumn.isEmpty()) {
				problem(QUALIFIER, "\"" + get(QUALIFIER) + "\" is not a qualifier; use exact, 余, 多, 超, 近, 以上 or 约");
			}
			Amount amount = amount(unit, multiplier, qualifierColumn.orElse(Qualifier.EXACT));
			Period period = period();
			MetricKind kind = kind();
			boolean target = kind == MetricKind.TARGET;
			Metric metric = metric(amount);
			FigureInput.LongTail longTail = null;
			if (metric == null && get(METRIC_KEY) == null && get(METRIC_ZH) != null) {
				longTail = new FigureInput.LongTail(get(METRIC_ZH), get(METRIC_EN), family(),
						kind == null ? MetricKind.FLOW : kind);
			}
			if (!this.problems.isEmpty() || amount == null || (metric == null && longTail == null)) {
				return null;
			}
			// The row's own name is the figure's subject: two rows that name different things keep apart even
			// where both mean one catalogue metric.
			String subject = get(METRIC_ZH) != null ? get(METRIC_ZH) : metric.getNameZh();
			return new FigureInput(get(SECTION), metric, longTail, amount, period, target, get(TEXT), get(NUMBER_TEXT),
					get(NOTE), subject, false, null);
		}

		private Amount amount(String unit, BigDecimal multiplier, Qualifier qualifierColumn) {
			String valueCell = get(VALUE);
			String numberText = get(NUMBER_TEXT);
			ReadNumber number;
			if (valueCell != null) {
				try {
					number = FigureFormat.read(valueCell);
				}
				catch (FigureFormatException ex) {
					problem(VALUE, ex.getMessage());
					return null;
				}
			}
			else if (numberText != null) {
				try {
					number = FigureFormat.read(numberText);
				}
				catch (FigureFormatException ex) {
					// The source lost the number (a garbled "?2", say): keep the figure as missing, not zero.
					return Amount.missing(unit);
				}
			}
			else {
				problem(VALUE, "no value; write the number in value (or number_text)");
				return null;
			}
			if (number.percent() && !"%".equals(unit)) {
				problem(VALUE, "a percentage, but the unit is " + unit);
				return null;
			}
			Qualifier qualifier = number.qualifier();
			if (!qualifierColumn.isExact()) {
				if (!qualifier.isExact() && qualifier != qualifierColumn) {
					problem(QUALIFIER, "the value says " + qualifier.code() + " but the qualifier column says "
							+ qualifierColumn.code());
					return null;
				}
				qualifier = qualifierColumn;
			}
			return new Amount(number.value().multiply(multiplier), unit, qualifier);
		}

		private Metric metric(Amount amount) {
			String key = get(METRIC_KEY);
			String nameZh = get(METRIC_ZH);
			Metric metric;
			if (key != null) {
				metric = this.metrics.byKey(key).orElse(null);
				if (metric == null) {
					problem(METRIC_KEY, "no catalogue metric has the key " + key);
					return null;
				}
			}
			else if (nameZh != null) {
				metric = this.metrics.byName(nameZh).orElse(null);
			}
			else {
				problem(METRIC_ZH, "no metric; name it in metric_zh (or give a catalogue metric_key)");
				return null;
			}
			if (metric == null || amount == null) {
				return metric;
			}
			if (!metric.accepts(amount.unit())) {
				List<String> units = new ArrayList<>();
				units.add(metric.getUnit());
				units.addAll(metric.getUnitSynonyms());
				problem(UNIT, "the unit " + amount.unit() + " does not count " + metric.getNameZh() + ", which is in "
						+ String.join("/", units));
				return null;
			}
			if (!amount.isMissing()) {
				checkBounds(metric, amount.value());
			}
			return metric;
		}

		private void checkBounds(Metric metric, BigDecimal value) {
			if (metric.getMinValue() != null && value.compareTo(metric.getMinValue()) < 0) {
				problem(VALUE, value.toPlainString() + " is below the least " + metric.getNameZh() + " can be ("
						+ metric.getMinValue().stripTrailingZeros().toPlainString() + ")");
			}
			if (metric.getMaxValue() != null && value.compareTo(metric.getMaxValue()) > 0) {
				problem(VALUE, value.toPlainString() + " is above the most " + metric.getNameZh() + " can be ("
						+ metric.getMaxValue().stripTrailingZeros().toPlainString() + ")");
			}
		}

		private Period period() {
			String cell = get(PERIOD);
			if (cell == null) {
				return null;
			}
			try {
				return Period.parse(cell);
			}
			catch (IllegalArgumentException ex) {
				problem(PERIOD, ex.getMessage());
				return null;
			}
		}

		private MetricKind kind() {
			String cell = get(KIND);
			if (cell == null) {
				return null;
			}
			Optional<MetricKind> kind = MetricKind.fromCode(cell);
			if (kind.isEmpty()) {
				problem(KIND, "\"" + cell + "\" is not a kind; use flow, stock, rate, target or per_unit");
			}
			return kind.orElse(null);
		}

		private Family family() {
			String cell = get(FAMILY);
			if (cell == null) {
				return Family.OTHER;
			}
			Optional<Family> family = Family.fromCode(cell);
			if (family.isEmpty()) {
				problem(FAMILY, "\"" + cell + "\" is not a family; use membership, competition, honours, aid, "
						+ "rights, services, ideology, reform, selfbuild or other");
			}
			return family.orElse(Family.OTHER);
		}

		private void problem(String column, String message) {
			this.problems.add(new ImportProblem(this.line.number(), column, message));
		}

	}

}
