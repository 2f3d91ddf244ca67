package org.unionreports.portal.system;

import java.time.Duration;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.session.config.annotation.web.http.EnableSpringHttpSession;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signed-in sessions are kept in PostgreSQL (tables of migration V8) by Spring Session JDBC, so that several
 * portal instances behind a load balancer can each serve any request and a restart signs nobody out.
 * <p>
 * Spring Boot 4.1's own session module is not on the registry reachable here, so the repository is wired by
 * hand. Its transactions run on a transaction manager of their own: they change no figures, and so must not
 * reach {@link DataChanges} and empty the caches on every signed-in request.
 */
@Configuration(proxyBeanMethods = false)
@EnableSpringHttpSession
class SessionStoreConfiguration {

	@Bean
	JdbcIndexedSessionRepository sessionRepository(DataSource dataSource,
			@Value("${server.servlet.session.timeout:30m}") Duration timeout) {
		TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		JdbcIndexedSessionRepository sessions = new JdbcIndexedSessionRepository(new JdbcTemplate(dataSource),
				transactions);
		sessions.setDefaultMaxInactiveInterval(timeout);
		// Expired sessions are deleted every minute, by whichever instance gets there first.
		sessions.setCleanupCron("0 * * * * *");
		return sessions;
	}

	@Bean
	CookieSerializer sessionCookie(@Value("${server.servlet.session.cookie.name:SESSION}") String name,
			@Value("${server.servlet.session.cookie.same-site:lax}") String sameSite) {
		DefaultCookieSerializer cookie = new DefaultCookieSerializer();
		cookie.setCookieName(name);
		cookie.setUseHttpOnlyCookie(true);
		// Secure follows the request: set behind TLS (X-Forwarded-Proto, see application.yml), not on plain HTTP.
		cookie.setSameSite(Character.toUpperCase(sameSite.charAt(0)) + sameSite.substring(1).toLowerCase());
		return cookie;
	}

}
