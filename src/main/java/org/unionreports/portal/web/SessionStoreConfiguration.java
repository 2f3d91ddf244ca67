package org.unionreports.portal.web;

import java.time.Clock;
import java.time.Duration;

import javax.sql.DataSource;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.web.server.Cookie;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.boot.web.server.servlet.Session;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.session.config.annotation.web.http.EnableSpringHttpSession;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.unionreports.portal.cache.DataChanges;

/**
 * Signed-in sessions are kept in PostgreSQL (tables of migration V8) by Spring Session JDBC, so that several
 * portal instances behind a load balancer can each serve any request and a restart signs nobody out.
 * <p>
 * Spring Boot 4.1's own session module is not on the registry reachable here, so the repository is wired by
 * hand. Its transactions run on a transaction manager of their own: they change no figures, and so must not
 * reach {@link DataChanges} and empty the caches on every signed-in request.
 * <p>
 * A session opened before signing in (the sign-in form's CSRF token) lasts 30 minutes; signing in gives it
 * {@code server.servlet.session.timeout} (8 hours). A session whose contents can no longer be read (a class
 * changed by an upgrade) counts as no session: its reader signs in again instead of getting errors.
 */
@Configuration(proxyBeanMethods = false)
@EnableSpringHttpSession
class SessionStoreConfiguration {

	private static final Duration BEFORE_SIGN_IN = Duration.ofMinutes(30);

	private static final Logger log = LoggerFactory.getLogger(SessionStoreConfiguration.class);

	private final Duration signedIn;

	private final Cookie cookie;

	SessionStoreConfiguration(ServerProperties server) {
		Session session = server.getServlet().getSession();
		this.signedIn = session.getTimeout() != null ? session.getTimeout() : Duration.ofHours(8);
		this.cookie = session.getCookie();
	}

	@Bean
	JdbcIndexedSessionRepository sessionRepository(DataSource dataSource) {
		TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		JdbcIndexedSessionRepository sessions = new JdbcIndexedSessionRepository(new JdbcTemplate(dataSource),
				transactions);
		sessions.setDefaultMaxInactiveInterval(BEFORE_SIGN_IN.compareTo(this.signedIn) < 0 ? BEFORE_SIGN_IN : this.signedIn);
		// Expired sessions are deleted every minute, by whichever instance gets there first.
		sessions.setCleanupCron("0 * * * * *");
		sessions.setConversionService(conversions());
		// Two requests of one session that both add an attribute (the CSRF token of the first page after
		// signing in) would both INSERT it: an upsert instead, as Spring Session offers for PostgreSQL.
		new PostgreSqlJdbcIndexedSessionRepositoryCustomizer().customize(sessions);
		return sessions;
	}

	/** Java serialisation, as Spring Session's default, but an attribute that cannot be read back is dropped. */
	private static GenericConversionService conversions() {
		GenericConversionService conversions = new GenericConversionService();
		conversions.addConverter(Object.class, byte[].class, new SerializingConverter());
		DeserializingConverter deserializer = new DeserializingConverter(SessionStoreConfiguration.class.getClassLoader());
		conversions.addConverter(byte[].class, Object.class, bytes -> {
			try {
				return deserializer.convert(bytes);
			}
			catch (RuntimeException ex) {
				log.info("A session attribute could not be read back and is dropped ({})", ex.getMessage());
				return null;
			}
		});
		return conversions;
	}

	@EventListener
	void signedIn(InteractiveAuthenticationSuccessEvent event) {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpSession session = attributes.getRequest().getSession(false);
			if (session != null) {
				session.setMaxInactiveInterval((int) this.signedIn.toSeconds());
			}
		}
	}

	/**
	 * {@code portal.sessions.signed.in}: the signed-in sessions of every instance, as the table has them (one
	 * indexed count at each scrape). The sessions a failed sign-in leaves, with no user, are not counted.
	 */
	@Bean
	MeterBinder sessionMetrics(JdbcClient jdbc, Clock clock) {
		return meters -> Gauge.builder("portal.sessions.signed.in", () -> jdbc
			.sql("select count(*) from spring_session where principal_name is not null and expiry_time > :now")
			.param("now", clock.millis())
			.query(Long.class)
			.single())
			.description("Signed-in sessions kept in the database, over every instance")
			.register(meters);
	}

	@Bean
	CookieSerializer sessionCookie() {
		DefaultCookieSerializer cookie = new DefaultCookieSerializer();
		cookie.setCookieName(this.cookie.getName() != null ? this.cookie.getName() : "SESSION");
		cookie.setUseHttpOnlyCookie(true);
		// Secure follows the request: set behind TLS (X-Forwarded-Proto, see application.yml), not on plain HTTP.
		cookie.setSameSite(this.cookie.getSameSite() != null ? this.cookie.getSameSite().attributeValue() : "Lax");
		return cookie;
	}

}
