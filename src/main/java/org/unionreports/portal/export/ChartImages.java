package org.unionreports.portal.export;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.List;
import java.util.Locale;

import com.ibm.icu.number.LocalizedNumberFormatter;
import com.ibm.icu.number.Notation;
import com.ibm.icu.number.NumberFormatter;
import com.ibm.icu.number.Precision;
import com.ibm.icu.util.MeasureUnit;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnits;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.AbstractCategoryItemRenderer;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The charts of an export as PNG images, for the PDF, which cannot run the pages' ECharts. Drawn to look
 * like the pages' charts (one series colour, white, flat) with every text in Noto Sans SC, so that region
 * and metric names in Chinese render on a server without Chinese fonts, and with the value axis written
 * the way the readers write numbers: 250万 and 2.5亿 in Chinese, 2.5M in English.
 */
final class ChartImages {

	/** Wide enough to be sharp at the full width of an A4 page's text (about 174 mm, so some 130 dpi). */
	static final int WIDTH = 900;

	private static final String LINE = "line";

	private static final String FONT_RESOURCE = "fonts/ttf/NotoSansSC/NotoSansSC-Regular.ttf";

	private static final Font FONT = loadFont();

	private static final Color SERIES = new Color(0x4f, 0x6b, 0xd8);

	private static final Color TEXT = new Color(0x33, 0x33, 0x33);

	private static final Color GRID = new Color(0xdd, 0xdd, 0xdd);

	private static final int BAR_HEIGHT = 30;

	/** The most that still fits on an A4 page below its caption when drawn {@link #WIDTH} wide. */
	private static final int MAX_HEIGHT = 1150;

	/** Room for the value axis and the margins of a bar chart. */
	private static final int BAR_CHART_FRAME = 70;

	private static final int LINE_HEIGHT = 380;

	private ChartImages() {
	}

	/** The chart as PNG bytes, {@link #WIDTH} wide and as high as its bars need (a line: a fixed height). */
	static byte[] png(ExportDocument.ChartData data, Locale locale) {
		JFreeChart chart = LINE.equals(data.kind()) ? line(data, locale) : bars(data, locale);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ChartUtils.writeChartAsPNG(out, chart, WIDTH, height(data));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not draw the chart " + data.title(), ex);
		}
		return out.toByteArray();
	}

	static int height(ExportDocument.ChartData data) {
		if (LINE.equals(data.kind())) {
			return LINE_HEIGHT;
		}
		return Math.min(MAX_HEIGHT, Math.max(200, BAR_CHART_FRAME + BAR_HEIGHT * data.categories().size()));
	}

	/** Names of categories in a smaller size when there are too many bars for the usual one (all the provinces). */
	private static float categoryFontSize(ExportDocument.ChartData data) {
		int perBar = (height(data) - BAR_CHART_FRAME) / Math.max(1, data.categories().size());
		return perBar >= BAR_HEIGHT ? 15f : Math.max(8f, perBar * 0.5f);
	}

	private static JFreeChart bars(ExportDocument.ChartData data, Locale locale) {
		BarRenderer renderer = new BarRenderer();
		renderer.setBarPainter(new StandardBarPainter());
		renderer.setShadowVisible(false);
		renderer.setDrawBarOutline(false);
		renderer.setMaximumBarWidth(0.7);
		renderer.setItemMargin(0);
		renderer.setDefaultPositiveItemLabelPosition(
				new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
		renderer.setItemLabelInsets(new RectangleInsets(0, 6, 0, 6));
		CategoryPlot plot = plot(data, locale, renderer);
		plot.setOrientation(PlotOrientation.HORIZONTAL);
		plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
		plot.getDomainAxis().setMaximumCategoryLabelWidthRatio(0.35f);
		plot.getDomainAxis().setCategoryMargin(0.25);
		return chart(plot);
	}

	private static JFreeChart line(ExportDocument.ChartData data, Locale locale) {
		LineAndShapeRenderer renderer = new LineAndShapeRenderer(true, true);
		renderer.setSeriesStroke(0, new BasicStroke(2.5f));
		renderer.setDefaultPositiveItemLabelPosition(
				new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12, TextAnchor.BOTTOM_CENTER));
		renderer.setItemLabelInsets(new RectangleInsets(4, 0, 4, 0));
		CategoryPlot plot = plot(data, locale, renderer);
		plot.setOrientation(PlotOrientation.VERTICAL);
		plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.STANDARD);
		return chart(plot);
	}

	/** What bars and lines share: the data, both axes, the labels on the values, the colours and fonts. */
	private static CategoryPlot plot(ExportDocument.ChartData data, Locale locale, AbstractCategoryItemRenderer renderer) {
		DefaultCategoryDataset dataset = new DefaultCategoryDataset();
		List<String> categories = data.categories();
		boolean fractions = false;
		for (int i = 0; i < categories.size(); i++) {
			BigDecimal value = i < data.values().size() ? data.values().get(i) : null;
			fractions |= value != null && value.stripTrailingZeros().scale() > 0;
			dataset.addValue(value, "series", categories.get(i));
		}
		NumberFormat format = new AxisFormat(locale, "%".equals(data.unit()));

		CategoryAxis categoryAxis = new CategoryAxis();
		float categorySize = LINE.equals(data.kind()) ? 15f : categoryFontSize(data);
		categoryAxis.setTickLabelFont(FONT.deriveFont(categorySize));
		categoryAxis.setTickLabelPaint(TEXT);
		categoryAxis.setAxisLinePaint(GRID);
		categoryAxis.setTickMarksVisible(false);

		NumberAxis valueAxis = new NumberAxis();
		valueAxis.setStandardTickUnits(tickUnits(format, fractions));
		valueAxis.setAutoRangeIncludesZero(true);
		valueAxis.setUpperMargin(0.12);
		valueAxis.setTickLabelFont(FONT.deriveFont(14f));
		valueAxis.setTickLabelPaint(TEXT);
		valueAxis.setAxisLineVisible(false);
		valueAxis.setTickMarksVisible(false);

		renderer.setSeriesPaint(0, SERIES);
		renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", format));
		renderer.setDefaultItemLabelsVisible(true);
		renderer.setDefaultItemLabelFont(FONT.deriveFont(Math.min(13f, categorySize)));
		renderer.setDefaultItemLabelPaint(TEXT);

		CategoryPlot plot = new CategoryPlot(dataset, categoryAxis, valueAxis, renderer);
		plot.setBackgroundPaint(Color.WHITE);
		plot.setOutlineVisible(false);
		plot.setDomainGridlinesVisible(false);
		plot.setRangeGridlinePaint(GRID);
		plot.setRangeGridlineStroke(new BasicStroke(1f));
		plot.setInsets(new RectangleInsets(8, 8, 8, 16));
		plot.setNoDataMessage("—");
		plot.setNoDataMessageFont(FONT.deriveFont(16f));
		return plot;
	}

	private static JFreeChart chart(CategoryPlot plot) {
		JFreeChart chart = new JFreeChart(null, FONT.deriveFont(18f), plot, false);
		chart.setBackgroundPaint(Color.WHITE);
		chart.setBorderVisible(false);
		chart.setAntiAlias(true);
		chart.setTextAntiAlias(true);
		chart.setPadding(new RectangleInsets(4, 4, 4, 4));
		return chart;
	}

	/**
	 * Steps of 1, 2, 2.5 and 5 times a power of ten, written by the given format; counts of things get no
	 * fractional steps (no axis at 0.5 人).
	 */
	private static TickUnits tickUnits(NumberFormat format, boolean fractions) {
		TickUnits units = new TickUnits();
		for (int exponent = fractions ? -2 : 0; exponent <= 15; exponent++) {
			BigDecimal power = BigDecimal.ONE.scaleByPowerOfTen(exponent);
			for (String step : new String[] { "1", "2", "2.5", "5" }) {
				BigDecimal size = power.multiply(new BigDecimal(step));
				if (fractions || size.stripTrailingZeros().scale() <= 0) {
					units.add(new NumberTickUnit(size.doubleValue(), format));
				}
			}
		}
		return units;
	}

	private static Font loadFont() {
		try (InputStream in = ChartImages.class.getClassLoader().getResourceAsStream(FONT_RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("the font " + FONT_RESOURCE + " is not on the classpath");
			}
			return Font.createFont(Font.TRUETYPE_FONT, in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not read the font " + FONT_RESOURCE, ex);
		}
		catch (FontFormatException ex) {
			throw new IllegalStateException("the font " + FONT_RESOURCE + " is not a TrueType font", ex);
		}
	}

	/**
	 * Numbers written compactly by ICU for the locale (250万, 2.5亿; 2.5M), or as percentages. JFreeChart
	 * only writes labels, so parsing is not supported.
	 */
	static final class AxisFormat extends NumberFormat {

		private final transient LocalizedNumberFormatter formatter;

		AxisFormat(Locale locale, boolean percent) {
			LocalizedNumberFormatter base = NumberFormatter.withLocale(locale);
			this.formatter = percent ? base.unit(MeasureUnit.PERCENT).precision(Precision.maxFraction(2))
					: base.notation(Notation.compactShort()).precision(Precision.maxSignificantDigits(4));
		}

		@Override
		public StringBuffer format(double number, StringBuffer toAppendTo, FieldPosition pos) {
			return toAppendTo.append(this.formatter.format(number));
		}

		@Override
		public StringBuffer format(long number, StringBuffer toAppendTo, FieldPosition pos) {
			return toAppendTo.append(this.formatter.format(number));
		}

		@Override
		public Number parse(String source, ParsePosition parsePosition) {
			throw new UnsupportedOperationException("axis labels are only written");
		}

	}

}
