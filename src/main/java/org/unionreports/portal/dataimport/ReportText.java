package org.unionreports.portal.dataimport;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.unionreports.portal.report.ReportEntry.SectionText;

/**
 * Splits the text of a published report into its sections. Reports copied from web pages carry noise that
 * is removed first: pinyin readings after characters ("工會(huì )"), image file names and "related picture"
 * markers. A heading is a short line that is not a sentence; the text before the first heading is the
 * report's lead. A kicker line printed over a heading ("搭建平台 创新载体") opens that section's narrative.
 */
public final class ReportText {

	private static final Pattern PINYIN_READING = Pattern
		.compile("\\((?:[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]{1,7}\\s*)\\)");

	private static final Pattern NOISE_LINE = Pattern.compile(
			"(?:.*\\.(?:jpe?g|png|gif|webp))+|[(（](?:相關資料圖|相关资料图|资料图|資料圖)[)）]|(?:標簽|标签)[:：]?");

	private static final Pattern SENTENCE_MARK = Pattern.compile("[。，,；;：:！!？?、()（）]");

	private static final Pattern BYLINE = Pattern.compile(".*(记者|記者|通讯员|通訊員|编辑|編輯|来源|來源).*");

	private static final int MAX_HEADING = 30;

	private static final int MIN_HEADING = 4;

	private static final int FOOTER_LINE = 6;

	private ReportText() {
	}

	/** The text without web noise: pinyin readings removed, white space at line ends trimmed. */
	public static String clean(String text) {
		return PINYIN_READING.matcher(text.replace("\r\n", "\n").replace('\r', '\n')).replaceAll("");
	}

	/**
	 * The sections of the text, the lead first (headed {@code leadHeading}) when the text has one.
	 * @param title the report's title, dropped where it stands as a line of the text
	 */
	public static List<SectionText> sections(String text, String title, String leadHeading) {
		List<String> lines = new ArrayList<>();
		for (String raw : clean(text).split("\n")) {
			String line = raw.replace('\u00A0', ' ').replace('\u3000', ' ').strip();
			if (!line.isEmpty() && !NOISE_LINE.matcher(line).matches() && !line.equals(title)) {
				lines.add(line);
			}
		}
		dropPageFooter(lines);
		List<SectionText> sections = new ArrayList<>();
		String heading = leadHeading;
		List<String> paragraphs = new ArrayList<>();
		List<String> kickers = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i);
			boolean followedByText = i + 1 < lines.size();
			if (isHeading(line) && followedByText) {
				if (isHeading(lines.get(i + 1))) {
					kickers.add(line);
					continue;
				}
				if (!paragraphs.isEmpty()) {
					sections.add(new SectionText(heading, String.join("\n\n", paragraphs)));
				}
				heading = line;
				paragraphs = new ArrayList<>(kickers);
				kickers.clear();
				continue;
			}
			paragraphs.addAll(kickers);
			kickers.clear();
			paragraphs.add(line);
		}
		paragraphs.addAll(kickers);
		if (!paragraphs.isEmpty()) {
			sections.add(new SectionText(heading, String.join("\n\n", paragraphs)));
		}
		return sections;
	}

	/** Share buttons and the like at the end of a web page ("微博", "抖音", "Top"): a run of very short lines. */
	private static void dropPageFooter(List<String> lines) {
		while (!lines.isEmpty() && lines.get(lines.size() - 1).codePointCount(0, lines.get(lines.size() - 1).length()) <= FOOTER_LINE) {
			lines.remove(lines.size() - 1);
		}
	}

	static boolean isHeading(String line) {
		int length = line.codePointCount(0, line.length());
		return length >= MIN_HEADING && length <= MAX_HEADING && !SENTENCE_MARK.matcher(line).find()
				&& !BYLINE.matcher(line).matches() && line.codePoints().noneMatch(Character::isDigit);
	}

}
