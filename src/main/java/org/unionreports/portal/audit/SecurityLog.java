package org.unionreports.portal.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Records security events (sign-ins, failures, lock-outs, changes to users) in their own table, apart
 * from the data they concern, and in the log, and counts them by type ({@code portal.security.events}). A record is written in its own transaction, so that a
 * refused change still leaves its trace.
 */
@Service
public class SecurityLog {

	private static final Logger log = LoggerFactory.getLogger("security");

	private static final int MAX_DETAILS = 1000;

	/** Usernames and addresses as long as the columns allow; a typed username can be longer. */
	private static final int MAX_NAME = 64;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final MeterRegistry meters;

	SecurityLog(JdbcClient jdbc, Clock clock, MeterRegistry meters) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.meters = meters;
	}

	/** Records an event by the current user, from the current request's address. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void record(SecurityEventType type, String subject, String details) {
		record(type, currentUser(), subject, currentRemoteAddress(), details);
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void record(SecurityEventType type, String actor, String subject, String remoteAddress, String details) {
		String trimmed = details != null && details.length() > MAX_DETAILS ? details.substring(0, MAX_DETAILS) : details;
		actor = clip(actor, MAX_NAME);
		subject = clip(subject, MAX_NAME);
		remoteAddress = clip(remoteAddress, MAX_NAME);
		this.jdbc.sql("""
				insert into security_event (occurred_at, type, actor, subject, remote_address, details)
				values (:at, :type, :actor, :subject, :address, :details)""")
			.param("at", java.sql.Timestamp.from(Instant.now(this.clock)))
			.param("type", type.name())
			.param("actor", actor)
			.param("subject", subject)
			.param("address", remoteAddress)
			.param("details", trimmed)
			.update();
		log.info("{} subject={} actor={} from={} {}", type, printable(subject), printable(actor), printable(remoteAddress),
				trimmed == null ? "" : printable(trimmed));
		// Counted by type only (never by user or address): failed sign-ins and lock-outs are alarms to watch.
		Counter.builder("portal.security.events")
			.description("Security events recorded, by type")
			.tag("type", type.name())
			.register(this.meters)
			.increment();
	}

	/**
	 * The text with every control character (a line feed in a username, say) written as {@code \\u000a}, so
	 * that nothing a visitor types can forge a line of the log. The record in the database keeps it as typed.
	 */
	static String printable(String text) {
		if (text == null) {
			return null;
		}
		StringBuilder out = new StringBuilder(text.length());
		text.codePoints().forEach(c -> {
			if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029) {
				out.append(String.format("\\u%04x", c));
			}
			else {
				out.appendCodePoint(c);
			}
		});
		return out.toString();
	}

	/**
	 * When sign-ins for this username from this address (none: events recorded without one) failed since the
	 * last one of that pair that succeeded, and not before the given instant; oldest first.
	 */
	@Transactional(readOnly = true)
	public List<Instant> failedLoginsSinceLastSuccess(String username, String address, Instant notBefore) {
		String clipped = clip(address, MAX_NAME);
		return this.jdbc.sql("""
				select occurred_at from security_event
				where lower(subject) = lower(:username) and type = 'LOGIN_FAILED' and occurred_at >= :notBefore
				  and remote_address is not distinct from cast(:address as varchar)
				  and occurred_at > coalesce((select max(occurred_at) from security_event
				                              where lower(subject) = lower(:username) and type = 'LOGIN_SUCCEEDED'
				                                and remote_address is not distinct from cast(:address as varchar)),
				                             '-infinity')
				order by occurred_at""")
			.param("username", clip(username, MAX_NAME))
			.param("address", clipped)
			.param("notBefore", java.sql.Timestamp.from(notBefore))
			.query((rs, row) -> rs.getTimestamp(1).toInstant())
			.list();
	}

	/**
	 * The latest events, newest first: for administrators only, checked here too and not only at the
	 * page's address, whose rule would otherwise be the one wall.
	 */
	@PreAuthorize("@access.isAdmin()")
	@Transactional(readOnly = true)
	public List<SecurityEvent> latest(int count) {
		return this.jdbc.sql("""
				select id, occurred_at, type, actor, subject, remote_address, details
				from security_event order by occurred_at desc, id desc limit :count""")
			.param("count", count)
			.query((rs, row) -> new SecurityEvent(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
					SecurityEventType.valueOf(rs.getString("type")), rs.getString("actor"), rs.getString("subject"),
					rs.getString("remote_address"), rs.getString("details")))
			.list();
	}

	private static String clip(String text, int length) {
		return text != null && text.length() > length ? text.substring(0, length) : text;
	}

	private static String currentUser() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication == null || !authentication.isAuthenticated() ? null : authentication.getName();
	}

	/** The address of the request being served, as the proxy headers (if trusted) give it. */
	public static String currentRemoteAddress() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			return request.getRemoteAddr();
		}
		return null;
	}

}
