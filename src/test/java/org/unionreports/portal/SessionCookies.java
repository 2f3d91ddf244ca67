package org.unionreports.portal;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpSession;

import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.setup.ConfigurableMockMvcBuilder;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Lets a test keep using one {@link MockHttpSession} per visitor while the portal keeps its sessions in the
 * database (Spring Session JDBC), which knows nothing of mock sessions: it finds a session by its cookie, as
 * for a browser. So the mock session becomes that visitor's cookie jar: the session cookie a response sets is
 * noted in it, and sent with every later request made with it.
 */
public class SessionCookies implements MockMvcBuilderCustomizer {

	/** Spring Session's cookie, {@code server.servlet.session.cookie.name}. */
	public static final String COOKIE = "SESSION";

	private static final String NOTED = SessionCookies.class.getName() + ".id";

	@Override
	public void customize(ConfigurableMockMvcBuilder<?> builder) {
		builder.defaultRequest(get("/").with(request -> {
			String id = noted(request.getSession(false));
			List<Cookie> cookies = new ArrayList<>(request.getCookies() == null ? List.of() : List.of(request.getCookies()));
			if (id != null && cookies.stream().noneMatch(cookie -> COOKIE.equals(cookie.getName()))) {
				cookies.add(new Cookie(COOKIE, id));
				request.setCookies(cookies.toArray(Cookie[]::new));
			}
			return request;
		})).alwaysDo(result -> {
			Cookie cookie = result.getResponse().getCookie(COOKIE);
			HttpSession jar = ((MockHttpServletRequest) result.getRequest()).getSession(false);
			if (cookie == null || !(jar instanceof MockHttpSession mock) || mock.isInvalid()) {
				return;
			}
			if (cookie.getMaxAge() == 0) {
				mock.removeAttribute(NOTED);
			}
			else {
				mock.setAttribute(NOTED, cookie.getValue());
			}
		});
	}

	/** The session cookie last set for this visitor, or null. */
	public static String noted(HttpSession session) {
		if (session instanceof MockHttpSession mock && !mock.isInvalid()
				&& mock.getAttribute(NOTED) instanceof String id) {
			return id;
		}
		return null;
	}

}
