package org.unionreports.portal.dataimport;

import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

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
 * Reads the figure exchange format (CONTRACT.md): CSV with a header row, columns in any order, unknown
 * columns ignored. Every problem is reported with its line and column; the caller stores nothing unless
 * there are none.
 */
@Component
public class FigureCsvReader {

	static final String SECTION = "section", TEXT = "text", NUMBER_TEXT = "number_text", VALUE = "value",
			UNIT = "unit", QUALIFIER = "qualifier", METRIC_KEY = "metric_key", METRIC_ZH = "metric_zh",
			METRIC_EN = "metric_en", FAMILY = "family", PERIOD = "period", KIND = "kind", NOTE = "note";

	/** 万元 and 亿元 are 元 times a multiplier; so are other units that begin with one. */
	private static final Map<Character, BigDecimal> UNIT_MULTIPLIERS = Map.of('万', BigDecimal.valueOf(10_000), '亿',
			BigDecimal.valueOf(100_000_000), '千', BigDecimal.valueOf(1_000), '百', BigDecimal.valueOf(100));

	private static final Set<String> UNITS_THAT_BEGIN_WITH_A_MULTIPLIER = Set.of("百分点", "千克", "千米", "千瓦");

	private static final int MAX_CELL = 4000;

	private final MetricCatalogue catalogue;

	FigureCsvReader(MetricCatalogue catalogue) {
		this.catalogue = catalogue;
	}

	/** Reads the whole file; a byte-order mark at its start is skipped. */
	public FigureSheet read(Reader source) {
		List<FigureInput> figures = new ArrayList<>();
		List<ImportProblem> problems = new ArrayList<>();
		MetricCatalogue.Lookup metrics = this.catalogue.snapshot();
		CSVFormat format = CSVFormat.RFC4180.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.setIgnoreEmptyLines(true)
			.setTrim(true)
			.setAllowMissingColumnNames(true)
			.get();
		try (CSVParser parser = format.parse(skipByteOrderMark(source))) {
			Map<String, Integer> columns = columnIndex(parser.getHeaderNames());
			if (!columns.containsKey(METRIC_ZH) && !columns.containsKey(METRIC_KEY)) {
				problems.add(new ImportProblem(1, METRIC_ZH, "the header row has no metric_zh (or metric_key) column"));
			}
			if (!columns.containsKey(UNIT)) {
				problems.add(new ImportProblem(1, UNIT, "the header row has no unit column"));
			}
			if (!columns.containsKey(VALUE) && !columns.containsKey(NUMBER_TEXT)) {
				problems.add(new ImportProblem(1, VALUE, "the header row has no value (or number_text) column"));
			}
			if (!problems.isEmpty()) {
				return new FigureSheet(List.of(), problems);
			}
			Iterator<CSVRecord> records = parser.iterator();
			long line = parser.getCurrentLineNumber() + 1;
			while (records.hasNext()) {
				CSVRecord record = records.next();
				new RowReader(new Row(record, columns, (int) line), metrics, figures, problems).read();
				line = parser.getCurrentLineNumber() + 1;
			}
		}
		catch (IOException | UncheckedIOException | IllegalStateException ex) {
			problems.add(new ImportProblem(0, "", "the file is not readable CSV: " + ex.getMessage()));
		}
		return new FigureSheet(figures, problems);
	}

	private static Reader skipByteOrderMark(Reader source) throws IOException {
		PushbackReader reader = new PushbackReader(source, 1);
		int first = reader.read();
		if (first != -1 && first != '\uFEFF') {
			reader.unread(first);
		}
		return reader;
	}

	/** Column names, matched case-insensitively, to their position; the first of a repeated name wins. */
	private static Map<String, Integer> columnIndex(List<String> names) {
		Map<String, Integer> index = new HashMap<>();
		for (int i = 0; i < names.size(); i++) {
			if (names.get(i) != null) {
				index.putIfAbsent(names.get(i).strip().toLowerCase(Locale.ROOT), i);
			}
		}
		return index;
	}

	/** One record; a blank cell or a column the file does not have reads as null. */
	private record Row(CSVRecord record, Map<String, Integer> columns, int line) {

		String get(String column) {
			Integer index = this.columns.get(column);
			if (index == null || index >= this.record.size()) {
				return null;
			}
			String value = this.record.get(index);
			return value == null || value.isBlank() ? null : value.strip();
		}

	}

	private final class RowReader {

		private final Row row;

		private final MetricCatalogue.Lookup metrics;

		private final List<FigureInput> figures;

		private final List<ImportProblem> problems;

		private final int problemsBefore;

		RowReader(Row row, MetricCatalogue.Lookup metrics, List<FigureInput> figures, List<ImportProblem> problems) {
			this.row = row;
			this.metrics = metrics;
			this.figures = figures;
			this.problems = problems;
			this.problemsBefore = problems.size();
		}

		void read() {
			for (String column : List.of(SECTION, TEXT, NOTE, METRIC_ZH, METRIC_EN)) {
				String cell = this.row.get(column);
				if (cell != null && cell.length() > MAX_CELL) {
					problem(column, "longer than " + MAX_CELL + " characters");
				}
			}
			String unitCell = this.row.get(UNIT);
			if (unitCell == null) {
				problem(UNIT, "no unit; write the measure word, e.g. 人, 个, 元 or %");
				return;
			}
			BigDecimal multiplier = BigDecimal.ONE;
			String unit = unitCell;
			if (unit.length() > 1 && UNIT_MULTIPLIERS.containsKey(unit.charAt(0))
					&& !UNITS_THAT_BEGIN_WITH_A_MULTIPLIER.contains(unit)) {
				multiplier = UNIT_MULTIPLIERS.get(unit.charAt(0));
				unit = unit.substring(1);
			}
			if (unit.length() > 16) {
				problem(UNIT, "a unit is a short measure word, not \"" + unit + "\"");
				return;
			}
			Optional<Qualifier> qualifierColumn = Qualifier.fromCode(this.row.get(QUALIFIER));
			if (qualifierColumn.isEmpty()) {
				problem(QUALIFIER, "\"" + this.row.get(QUALIFIER) + "\" is not a qualifier; use exact, 余, 多, 超, 近, 以上 or 约");
			}
			Amount amount = amount(unit, multiplier, qualifierColumn.orElse(Qualifier.EXACT));
			Period period = period();
			MetricKind kind = kind();
			boolean target = kind == MetricKind.TARGET;
			Metric metric = metric(amount);
			FigureInput.LongTail longTail = null;
			if (metric == null && this.row.get(METRIC_KEY) == null && this.row.get(METRIC_ZH) != null) {
				Family family = family();
				longTail = new FigureInput.LongTail(this.row.get(METRIC_ZH), this.row.get(METRIC_EN), family,
						kind == null ? MetricKind.FLOW : kind);
			}
			if (this.problems.size() > this.problemsBefore || amount == null) {
				return;
			}
			this.figures.add(new FigureInput(this.row.get(SECTION), metric, longTail, amount, period, target,
					this.row.get(TEXT), this.row.get(NUMBER_TEXT), this.row.get(NOTE)));
		}

		private Amount amount(String unit, BigDecimal multiplier, Qualifier qualifierColumn) {
			String valueCell = this.row.get(VALUE);
			String numberText = this.row.get(NUMBER_TEXT);
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
			String key = this.row.get(METRIC_KEY);
			String nameZh = this.row.get(METRIC_ZH);
			Metric metric = null;
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
				problem(UNIT, "the unit " + amount.unit() + " does not count " + metric.getNameZh() + ", which is in "
						+ String.join("/", units(metric)));
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

		private List<String> units(Metric metric) {
			List<String> units = new ArrayList<>();
			units.add(metric.getUnit());
			units.addAll(metric.getUnitSynonyms());
			return units;
		}

		private Period period() {
			String cell = this.row.get(PERIOD);
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
			String cell = this.row.get(KIND);
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
			String cell = this.row.get(FAMILY);
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
			this.problems.add(new ImportProblem(this.row.line(), column, message));
		}

	}

}
