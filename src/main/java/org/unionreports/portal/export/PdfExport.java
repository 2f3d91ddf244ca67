package org.unionreports.portal.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import com.openhtmltopdf.extend.FSSupplier;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.apache.fontbox.cmap.CMap;
import org.apache.fontbox.cmap.CMapParser;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.w3c.dom.Document;

/**
 * The PDF export: a report or dashboard laid out on A4 pages to print, file and pass on. The text is set in
 * Noto Sans SC, embedded, so the Chinese reads the same on any machine; and since a page of a PDF travels
 * alone, every page's footer says what it is from (title, region, period, published or draft, source,
 * licence, address) and which page of how many it is. The layout is the Thymeleaf template
 * {@code export/document-pdf}, made into a PDF by openhtmltopdf; the charts are drawn as images.
 */
@Component
public class PdfExport {

	private static final String TEMPLATE = "export/document-pdf";

	private static final String FONT_FAMILY = "Noto Sans SC";

	private static final String FONT_REGULAR = "fonts/ttf/NotoSansSC/NotoSansSC-Regular.ttf";

	private static final String FONT_BOLD = "fonts/ttf/NotoSansSC/NotoSansSC-Bold.ttf";

	/**
	 * The longest a part of the footer may be, in characters: the whole footer then keeps to at most four
	 * short lines, which the page's bottom margin holds.
	 */
	private static final int FOOTER_PART = 30;

	private static final Map<String, String> WORDS_ZH = Map.ofEntries(Map.entry("headlines", "主要数字"),
			Map.entry("charts", "图表"), Map.entry("figures", "数字一览"), Map.entry("text", "正文"),
			Map.entry("region", "地区"), Map.entry("period", "时期"), Map.entry("source", "来源"),
			Map.entry("licence", "许可"), Map.entry("address", "地址"), Map.entry("publishedOn", "发布于"), Map.entry("compiledOn", "汇总于"),
			Map.entry("draft", "草稿"), Map.entry("draftNotice", "草稿：尚未发布，其中的数字可能还会更改。"),
			Map.entry("section", "部分"), Map.entry("metric", "指标"), Map.entry("value", "数值"),
			Map.entry("note", "说明"), Map.entry("separator", "："), Map.entry("pageBefore", "第 "),
			Map.entry("pageBetween", " 页 / 共 "), Map.entry("pageAfter", " 页"));

	private static final Map<String, String> WORDS_EN = Map.ofEntries(Map.entry("headlines", "Headline figures"),
			Map.entry("charts", "Charts"), Map.entry("figures", "Figures"), Map.entry("text", "Text"),
			Map.entry("region", "Region"), Map.entry("period", "Period"), Map.entry("source", "Source"),
			Map.entry("licence", "Licence"), Map.entry("address", "Address"), Map.entry("publishedOn", "Published on"), Map.entry("compiledOn", "Compiled on"),
			Map.entry("draft", "Draft"), Map.entry("draftNotice", "Draft: not yet published; its figures may still change."),
			Map.entry("section", "Section"), Map.entry("metric", "Metric"), Map.entry("value", "Value"),
			Map.entry("note", "Note"), Map.entry("separator", ": "), Map.entry("pageBefore", "Page "),
			Map.entry("pageBetween", " of "), Map.entry("pageAfter", ""));

	private final ITemplateEngine templates;

	private final Timer waits;

	private final Timer layouts;

	/**
	 * The queue before the layout is watched: {@code portal.pdf.layouts.active} (at most one a core) and
	 * {@code .waiting}, and how long a PDF waited for its turn ({@code portal.pdf.wait}) and took to lay out
	 * ({@code portal.pdf.layout}).
	 */
	public PdfExport(ITemplateEngine templates, MeterRegistry meters) {
		this.templates = templates;
		Gauge.builder("portal.pdf.layouts.active", LAYOUTS, layouts -> LAYOUT_SLOTS - layouts.availablePermits())
			.description("PDFs being laid out now (at most one a core)")
			.register(meters);
		Gauge.builder("portal.pdf.layouts.waiting", LAYOUTS, Semaphore::getQueueLength)
			.description("PDFs waiting for a core to be laid out on")
			.register(meters);
		this.waits = Timer.builder("portal.pdf.wait").description("How long a PDF waited for its turn").register(meters);
		this.layouts = Timer.builder("portal.pdf.layout").description("How long a PDF took to lay out").register(meters);
	}

	/** The document as a PDF in the locale's language: Chinese unless the locale is English. */
	public byte[] write(ExportDocument document, Locale locale) {
		boolean english = "en".equals(locale.getLanguage());
		Map<String, String> words = english ? WORDS_EN : WORDS_ZH;
		String published = document.isDraft() ? null
				: DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(document.published());
		String regionName = english && hasText(document.regionNameEn()) ? document.regionNameEn()
				: document.regionNameZh();

		Map<String, Object> variables = new HashMap<>();
		variables.put("doc", document);
		variables.put("words", words);
		variables.put("language", english ? "en" : "zh-CN");
		variables.put("regionName", regionName);
		variables.put("published", published);
		variables.put("publishedLabel", words.get(document.compiled() ? "compiledOn" : "publishedOn"));
		variables.put("footer", footer(document, regionName, published, words));
		variables.put("headlines", lines(document.headlines(), english));
		variables.put("rows", lines(document.rows(), english));
		variables.put("charts", charts(document.charts(), locale, english));
		String html = this.templates.process(TEMPLATE, new Context(locale, variables));
		// A PDF takes a core for up to a second: at most as many at once as there are cores, the rest wait.
		long waitStart = System.nanoTime();
		try {
			LAYOUTS.acquire();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while waiting to lay out a PDF", ex);
		}
		this.waits.record(System.nanoTime() - waitStart, TimeUnit.NANOSECONDS);
		try {
			return this.layouts.record(
					() -> Ideographs.restore(render(new W3CDom().fromJsoup(Jsoup.parse(html)), document.permalink())));
		}
		finally {
			LAYOUTS.release();
		}
	}

	private static final int LAYOUT_SLOTS = Runtime.getRuntime().availableProcessors();

	private static final Semaphore LAYOUTS = new Semaphore(LAYOUT_SLOTS, true);

	private static byte[] render(Document html, String baseUri) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		PdfRendererBuilder builder = new PdfRendererBuilder();
		builder.useFont(font(FONT_REGULAR), FONT_FAMILY, 400, BaseRendererBuilder.FontStyle.NORMAL, true);
		builder.useFont(font(FONT_BOLD), FONT_FAMILY, 700, BaseRendererBuilder.FontStyle.NORMAL, true);
		builder.withW3cDocument(html, baseUri == null ? "" : baseUri);
		builder.withProducer("Union Work-Report Portal");
		builder.toStream(out);
		try {
			builder.run();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not write the PDF", ex);
		}
		return out.toByteArray();
	}

	/** The fonts' bytes, read from the jar once (about 20 MB): every PDF embeds a subset of them. */
	private static final java.util.Map<String, byte[]> FONTS = new java.util.concurrent.ConcurrentHashMap<>();

	private static FSSupplier<InputStream> font(String resource) {
		byte[] bytes = FONTS.computeIfAbsent(resource, name -> {
			try (InputStream in = PdfExport.class.getClassLoader().getResourceAsStream(name)) {
				if (in == null) {
					throw new IllegalStateException("the font " + name + " is not on the classpath");
				}
				return in.readAllBytes();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
		return () -> new java.io.ByteArrayInputStream(bytes);
	}

	/**
	 * What every page ends with: what the page is from, in parts each cut short so that a long title or
	 * licence cannot push the page number off; the region and period are left out when the title says them.
	 */
	private static List<String> footer(ExportDocument document, String regionName, String published,
			Map<String, String> words) {
		String title = document.title() == null ? "" : document.title();
		List<String> parts = new ArrayList<>();
		parts.add(shorten(title));
		if (hasText(regionName) && !title.contains(regionName)) {
			parts.add(shorten(regionName));
		}
		if (hasText(document.periodText()) && !title.contains(document.periodText())) {
			parts.add(document.periodText());
		}
		parts.add(published == null ? words.get("draft")
				: words.get(document.compiled() ? "compiledOn" : "publishedOn") + " " + published);
		if (hasText(document.source())) {
			parts.add(words.get("source") + words.get("separator") + shorten(document.source()));
		}
		if (hasText(document.licence())) {
			parts.add(words.get("licence") + words.get("separator") + shorten(document.licence()));
		}
		if (hasText(document.permalink())) {
			parts.add(document.permalink());
		}
		return parts;
	}

	private static String shorten(String text) {
		String trimmed = text.strip();
		if (trimmed.codePointCount(0, trimmed.length()) <= FOOTER_PART) {
			return trimmed;
		}
		return trimmed.substring(0, trimmed.offsetByCodePoints(0, FOOTER_PART - 1)) + "…";
	}

	private static List<Line> lines(List<ExportDocument.Row> rows, boolean english) {
		if (rows == null) {
			return List.of();
		}
		List<Line> lines = new ArrayList<>(rows.size());
		for (ExportDocument.Row row : rows) {
			String metric = english && hasText(row.metricEn()) ? row.metricEn() : row.metricZh();
			if (!hasText(metric)) {
				metric = row.text();
			}
			String written = english && hasText(row.writtenEn()) ? row.writtenEn() : row.written();
			if (!hasText(written)) {
				written = row.numberText();
			}
			lines.add(new Line(row.section(), metric, written, period(row.period(), english), row.note()));
		}
		return lines;
	}

	/** 2018-2022 written with the dash of the language: 2018—2022, 2018–2022. */
	private static String period(String period, boolean english) {
		return period == null ? null : period.replace("-", english ? "–" : "—");
	}

	private static List<Chart> charts(List<ExportDocument.ChartData> charts, Locale locale, boolean english) {
		if (charts == null) {
			return List.of();
		}
		List<Chart> images = new ArrayList<>(charts.size());
		for (ExportDocument.ChartData chart : charts) {
			if (chart.categories() == null || chart.categories().isEmpty()) {
				continue;
			}
			String caption = chart.title() == null ? "" : chart.title();
			if (hasText(chart.unit())) {
				caption += english ? " (" + chart.unit() + ")" : "（" + chart.unit() + "）";
			}
			String image = "data:image/png;base64," + Base64.getEncoder().encodeToString(ChartImages.png(chart, locale));
			images.add(new Chart(caption, image));
		}
		return images;
	}

	private static boolean hasText(String text) {
		return text != null && !text.isBlank();
	}

	/**
	 * Makes the text of a PDF copy, search and read aloud as the ideographs it was written in. In Noto Sans SC
	 * an ideograph and the radical that looks like it share one glyph (工 U+5DE5 and ⼯ U+2F2F); PDFBox writes
	 * each glyph's text (the font's ToUnicode map) as the lowest character of that glyph, the radical, so that
	 * 工会 would copy as ⼯会 and a search for 工会 find nothing. This rewrites those maps with the ideographs.
	 */
	private static final class Ideographs {

		/** Radicals (U+2E80 to U+2FDF) whose glyph in Noto Sans SC is an ideograph's, to that ideograph. */
		private static final Map<Integer, Integer> OF_RADICALS = ofRadicals();

		private static final int FIRST_RADICAL = 0x2E80;

		private static final int LAST_RADICAL = 0x2FDF;

		private static final int ENTRIES_PER_BLOCK = 100;

		private Ideographs() {
		}

		static byte[] restore(byte[] pdf) {
			try (PDDocument document = Loader.loadPDF(pdf)) {
				boolean changed = false;
				for (COSObject object : document.getDocument().getObjectsByType(COSName.FONT)) {
					if (object.getObject() instanceof COSDictionary font) {
						COSStream toUnicode = font.getCOSStream(COSName.TO_UNICODE);
						if (toUnicode != null) {
							changed |= restore(toUnicode);
						}
					}
				}
				if (!changed) {
					return pdf;
				}
				ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length);
				document.save(out);
				return out.toByteArray();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("could not correct the text of the PDF", ex);
			}
		}

		/** Rewrites the map when it gives any glyph as a radical; says whether it did. */
		private static boolean restore(COSStream toUnicode) throws IOException {
			CMap cmap;
			try (RandomAccessRead in = toUnicode.createView()) {
				cmap = new CMapParser().parse(in);
			}
			Map<Integer, String> texts = new TreeMap<>();
			boolean radicals = false;
			for (int code = 0; code <= 0xFFFF; code++) {
				String text = cmap.toUnicode(code, 2);
				if (text != null) {
					String restored = ideographs(text);
					radicals |= !restored.equals(text);
					texts.put(code, restored);
				}
			}
			if (!radicals) {
				return false;
			}
			try (OutputStream out = toUnicode.createOutputStream(COSName.FLATE_DECODE)) {
				out.write(write(texts).getBytes(StandardCharsets.US_ASCII));
			}
			return true;
		}

		private static String ideographs(String text) {
			StringBuilder restored = new StringBuilder(text.length());
			text.codePoints().forEach(c -> restored.appendCodePoint(OF_RADICALS.getOrDefault(c, c)));
			return restored.toString();
		}

		/** A ToUnicode map of two-byte codes, as PDFBox writes one, with one entry per glyph. */
		private static String write(Map<Integer, String> texts) {
			StringBuilder cmap = new StringBuilder("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n")
				.append("/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n")
				.append("/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n")
				.append("1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
			List<Map.Entry<Integer, String>> entries = new ArrayList<>(texts.entrySet());
			for (int start = 0; start < entries.size(); start += ENTRIES_PER_BLOCK) {
				List<Map.Entry<Integer, String>> block = entries.subList(start,
						Math.min(start + ENTRIES_PER_BLOCK, entries.size()));
				cmap.append(block.size()).append(" beginbfchar\n");
				for (Map.Entry<Integer, String> entry : block) {
					cmap.append(String.format("<%04X> <", entry.getKey()));
					for (char unit : entry.getValue().toCharArray()) {
						cmap.append(String.format("%04X", (int) unit));
					}
					cmap.append(">\n");
				}
				cmap.append("endbfchar\n");
			}
			return cmap.append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n").toString();
		}

		private static Map<Integer, Integer> ofRadicals() {
			try (InputStream in = font(FONT_REGULAR).supply();
					TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(in))) {
				CmapLookup cmap = font.getUnicodeCmapLookup();
				Map<Integer, Integer> ideographs = new HashMap<>();
				for (int radical = FIRST_RADICAL; radical <= LAST_RADICAL; radical++) {
					int glyph = cmap.getGlyphId(radical);
					List<Integer> characters = glyph == 0 ? List.of() : cmap.getCharCodes(glyph);
					for (int character : characters) {
						if (Character.isIdeographic(character)) {
							ideographs.put(radical, character);
							break;
						}
					}
				}
				return Map.copyOf(ideographs);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("could not read the font " + FONT_REGULAR, ex);
			}
		}

	}

	/** A figure as the template shows it: in the language of the export. */
	record Line(String section, String metric, String value, String period, String note) {
	}

	/** A chart as the template shows it: its caption and its image as a data: address. */
	record Chart(String caption, String image) {
	}

}
