package org.unionreports.portal.dataimport;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.unionreports.portal.report.ReportEntry.SectionText;

/**
 * Splits the text of a published report into its sections. Reports copied from web pages carry noise that
 * is removed first: pinyin readings after characters ("工會(huì )"), image file names, "related picture"
 * markers and the share buttons at the end of the page. A heading is a short line of its own that is not a
 * sentence: a title ("思想政治引领凝聚新动能"), a numbered one ("一、……", "（一）……", "1．……"), or a two-part
 * slogan with a comma or 、 ("强基础固根本，组织建设全面加强"). Bylines, breadcrumbs ("首页 > 新闻 > 正文"),
 * photo captions (…摄, 图为…, …供图), date lines and "相关资料图" are never headings. The text before the first
 * heading is the report's lead. A kicker line printed over a heading ("搭建平台 创新载体") opens that
 * section's narrative.
 */
public final class ReportText {

	private static final Pattern NOISE_LINE = Pattern.compile(
			"(?:.*\\.(?:jpe?g|png|gif|webp))+|[(（](?:相關資料圖|相关资料图|资料图|資料圖)[)）]|(?:標簽|标签)[:：]?");

	private static final Pattern SENTENCE_MARK = Pattern.compile("[。，,；;：:！!？?、()（）]");

	private static final Pattern BYLINE = Pattern.compile(".*(记者|記者|通讯员|通訊員|编辑|編輯|来源|來源|责编|責編|作者).*");

	/** A numbered heading: 一、 （一） (一) 1． 1. 1、 — the number, then a short title that is not a sentence. */
	private static final Pattern NUMBERED = Pattern.compile(
			"(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]|\\d{1,2}[．.、](?!\\d)|第[一二三四五六七八九十]{1,3}[部分章节]?[、，,：:\\s])\\s*(?<title>.+)");

	/** Two parts with one comma, 、 or space between them, and no sentence mark: a slogan heading. */
	private static final Pattern SLOGAN = Pattern.compile("[^，,、\\s。；;：:！!？?]{2,16}[，,、\\s][^，,、\\s。；;：:！!？?]{2,16}");

	/** The site's path to the page (首页 > 新闻 > 正文): web noise, dropped. */
	private static final Pattern BREADCRUMB = Pattern.compile(".*(?:首页|首頁|当前位置|當前位置|您的位置).*[>＞»›].*");

	/** Lines that are never headings: breadcrumbs, photo captions, dates, picture markers. */
	private static final Pattern NOT_A_HEADING = Pattern.compile(".*[>＞»›].*|.*(?:摄|供图|图片来源.*|资料图|資料圖)$|^(?:图为|圖為|图片|圖片|相关|相關).*|"
			+ ".*(?:首页|首頁|正文|当前位置|當前位置).*|^[\\d\\s年月日:：./\\-]+$|.*\\d{4}[-/年]\\d{1,2}[-/月]\\d{1,2}.*|.*(?:发布时间|發布時間|浏览|瀏覽|阅读|閱讀)[:：].*");

	private static final int MAX_HEADING = 30;

	private static final int MAX_NUMBERED_HEADING = 40;

	private static final int MIN_HEADING = 4;

	private static final int FOOTER_LINE = 6;

	private ReportText() {
	}

	/** A section of the text: its heading, its narrative, and where it starts in the original text. */
	public record Part(String heading, String narrative, int start) {
	}

	/** A line of the original text, cleaned, with its offset. */
	private record Line(String text, int start) {
	}

	/** The text without web noise: pinyin readings removed (by {@link CleanText}'s rule). */
	public static String clean(String text) {
		return CleanText.withoutReadings(text.replace("\r\n", "\n").replace('\r', '\n'));
	}

	/**
	 * The sections of the text, the lead first (headed {@code leadHeading}) when the text has one.
	 * @param title the report's title, dropped where it stands as a line of the text (may be null)
	 */
	public static List<SectionText> sections(String text, String title, String leadHeading) {
		return outline(text, title, leadHeading).stream().map(part -> new SectionText(part.heading(), part.narrative()))
			.toList();
	}

	/** The sections with their offsets into {@code text} (a section starts at its heading, the lead at 0). */
	public static List<Part> outline(String text, String title, String leadHeading) {
		List<Line> lines = new ArrayList<>();
		int offset = 0;
		for (String raw : text.split("\n", -1)) {
			String line = clean(raw).replace('\u00A0', ' ').replace('\u3000', ' ').replace("\r", "").strip();
			if (!line.isEmpty() && !NOISE_LINE.matcher(line).matches() && !BREADCRUMB.matcher(line).matches()
					&& !line.equals(title)) {
				lines.add(new Line(line, offset));
			}
			offset += raw.length() + 1;
		}
		while (!lines.isEmpty() && lines.get(lines.size() - 1).text().codePointCount(0,
				lines.get(lines.size() - 1).text().length()) <= FOOTER_LINE) {
			lines.remove(lines.size() - 1); // share buttons and the like at the end of a web page
		}
		List<Part> parts = new ArrayList<>();
		String heading = leadHeading;
		int start = 0;
		List<String> paragraphs = new ArrayList<>();
		List<Line> kickers = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			Line line = lines.get(i);
			boolean followedByText = i + 1 < lines.size();
			if (isHeading(line.text()) && followedByText) {
				if (isHeading(lines.get(i + 1).text())) {
					kickers.add(line);
					continue;
				}
				if (!paragraphs.isEmpty()) {
					parts.add(new Part(heading, String.join("\n\n", paragraphs), start));
				}
				heading = line.text();
				start = kickers.isEmpty() ? line.start() : kickers.get(0).start();
				paragraphs = new ArrayList<>();
				moveKickers(kickers, paragraphs);
				continue;
			}
			moveKickers(kickers, paragraphs);
			paragraphs.add(line.text());
		}
		moveKickers(kickers, paragraphs);
		if (!paragraphs.isEmpty()) {
			parts.add(new Part(heading, String.join("\n\n", paragraphs), start));
		}
		return parts;
	}

	/** Kicker lines open the narrative of the section they stand over. */
	private static void moveKickers(List<Line> kickers, List<String> paragraphs) {
		kickers.forEach(kicker -> paragraphs.add(kicker.text()));
		kickers.clear();
	}

	static boolean isHeading(String line) {
		int length = line.codePointCount(0, line.length());
		if (length < MIN_HEADING || length > MAX_NUMBERED_HEADING || BYLINE.matcher(line).matches()
				|| NOT_A_HEADING.matcher(line).matches()) {
			return false;
		}
		Matcher numbered = NUMBERED.matcher(line);
		if (numbered.matches()) {
			String title = numbered.group("title").strip();
			return title.codePointCount(0, title.length()) >= 2 && !title.matches(".*[。；;！!？?]$")
					&& !title.matches(".*[。；;].+") && !title.contains("%")
					&& title.replaceAll("\\d{4}年", "").codePoints().noneMatch(Character::isDigit);
		}
		if (length > MAX_HEADING || line.codePoints().anyMatch(Character::isDigit)) {
			return false;
		}
		return !SENTENCE_MARK.matcher(line).find() || SLOGAN.matcher(line).matches();
	}

}
