package org.unionreports.portal.web.ratelimit;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import org.unionreports.portal.web.ProblemAnswers;

/**
 * The answer to a request over a rate limit: 429 with {@code Retry-After} in seconds; a page in Chinese
 * and then English for people, a problem detail for the API, both from the message bundles.
 */
@Component
class TooManyRequests {

	private static final Logger log = LoggerFactory.getLogger(TooManyRequests.class);

	private static final Locale[] LANGUAGES = { Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH };

	private final ProblemAnswers answers;

	private final MessageSource messages;

	TooManyRequests(ProblemAnswers answers, MessageSource messages) {
		this.answers = answers;
		this.messages = messages;
	}

	void send(HttpServletRequest request, HttpServletResponse response, RateLimits.Kind kind, Duration wait)
			throws IOException {
		long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
		log.info("{} {} from {} refused with 429: over the {} limit, {} s to wait", request.getMethod(),
				request.getRequestURI(), request.getRemoteAddr(), kind, seconds);
		String[] text = new String[2];
		String[] heading = new String[2];
		String[] back = new String[2];
		for (int i = 0; i < 2; i++) {
			String what = this.messages.getMessage(kind.messageKey, null, LANGUAGES[i]);
			text[i] = this.messages.getMessage("rateLimit.text", new Object[] { what, seconds }, LANGUAGES[i]);
			heading[i] = this.messages.getMessage("rateLimit.title", null, LANGUAGES[i]);
			back[i] = this.messages.getMessage("rateLimit.back", null, LANGUAGES[i]);
		}
		byte[] page = this.answers.page("too-many-requests", heading[0] + " · " + heading[1],
				Map.of("zhHeading", HtmlUtils.htmlEscape(heading[0]), "zhText", HtmlUtils.htmlEscape(text[0]), "zhBack",
						HtmlUtils.htmlEscape(back[0]), "enHeading", HtmlUtils.htmlEscape(heading[1]), "enText",
						HtmlUtils.htmlEscape(text[1]), "enBack", HtmlUtils.htmlEscape(back[1])));
		request.setAttribute(TooManyRequests.class.getName(), kind);
		this.answers.send(request, response, HttpStatus.TOO_MANY_REQUESTS, text[0] + " / " + text[1], page,
				Map.of("Retry-After", Long.toString(seconds)));
	}

}
