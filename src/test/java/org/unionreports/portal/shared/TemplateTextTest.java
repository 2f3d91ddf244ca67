package org.unionreports.portal.shared;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every word a person reads comes from the message bundles: a template may hold visible text only as the
 * placeholder of an element whose content Thymeleaf replaces (th:text, th:utext, th:replace…). Text
 * elsewhere would stay in one language whatever the reader chose. Punctuation and symbols may stand.
 */
class TemplateTextTest {

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	/** Letters of any script: what makes text words rather than punctuation (·, ×, #, ＋, —). */
	private static final Pattern WORDS = Pattern.compile("[\\p{L}&&[^×]]");

	/** Attributes whose element's content is replaced when the page is rendered. */
	private static final List<String> REPLACING = List.of("th:text", "th:utext", "th:replace", "th:insert",
			"th:remove", "th:fragment", "sec:authentication");

	/** The PDF template carries its own two-language words (PdfExport) and no page of the site. */
	private static final List<String> NOT_PAGES = List.of("export/document-pdf.html");

	@Test
	void noTemplateWritesVisibleWordsOfItsOwn() throws IOException {
		List<String> found = new ArrayList<>();
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
				String name = TEMPLATES.relativize(file).toString().replace('\\', '/');
				if (NOT_PAGES.contains(name)) {
					continue;
				}
				visibleWords(Files.readString(file, StandardCharsets.UTF_8)).forEach(words -> found.add(name + ": \"" + words + "\""));
			}
		}
		assertThat(found).as("visible text written into templates instead of taken from the message bundles").isEmpty();
	}

	@Test
	void theCheckFindsWordsOutsideReplacedElements() {
		assertThat(visibleWords("""
				<section><h1 th:text="#{title}">标题</h1><p>没有翻译的话</p><p>·</p>
				<span th:replace="~{x}">片段</span><a href="#">Read more</a></section>"""))
			.containsExactly("没有翻译的话", "Read more");
	}

	/** The words of a template that would reach the page as written there. */
	static List<String> visibleWords(String html) {
		Document document = Jsoup.parse(html, "", Parser.xmlParser());
		List<String> words = new ArrayList<>();
		for (TextNode text : document.getAllElements().stream().flatMap(e -> e.textNodes().stream()).toList()) {
			String content = text.text().strip();
			if (!content.isEmpty() && WORDS.matcher(content).find() && !replaced(text)) {
				words.add(content);
			}
		}
		return words;
	}

	/** Whether the text sits in an element (or below one) whose content Thymeleaf replaces, or is not shown. */
	private static boolean replaced(TextNode text) {
		for (Element element = (Element) text.parent(); element != null; element = element.parent()) {
			String tag = element.tagName();
			if (tag.equals("script") || tag.equals("style") || tag.equals("title") && element.hasAttr("th:text")) {
				return true;
			}
			for (String attribute : REPLACING) {
				if (element.hasAttr(attribute)) {
					return true;
				}
			}
		}
		return false;
	}

}
