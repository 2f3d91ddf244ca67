package org.unionreports.portal.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.unionreports.portal.identity.Access;
import org.unionreports.portal.identity.Role;
import org.unionreports.portal.identity.Scope;
import org.unionreports.portal.shared.Period;

/**
 * The overview staff and leaders start from: the reports in their scope with status, how many catalogue
 * metrics are filled, and the last change, those that wait for this user first (returned and drafts for
 * staff, submitted and approved for leaders).
 */
@Service
@Transactional(readOnly = true)
public class StaffDesk {

	static final int MAX_LINES = 500;

	private static final Map<Role, List<ReportStatus>> DUE_ORDER = Map.of(Role.STAFF,
			List.of(ReportStatus.RETURNED, ReportStatus.DRAFT, ReportStatus.SUBMITTED, ReportStatus.APPROVED,
					ReportStatus.PUBLISHED),
			Role.LEADER, List.of(ReportStatus.SUBMITTED, ReportStatus.APPROVED, ReportStatus.RETURNED, ReportStatus.DRAFT,
					ReportStatus.PUBLISHED),
			Role.ADMIN, List.of(ReportStatus.SUBMITTED, ReportStatus.APPROVED, ReportStatus.RETURNED, ReportStatus.DRAFT,
					ReportStatus.PUBLISHED));

	private final JdbcClient jdbc;

	private final Access access;

	StaffDesk(JdbcClient jdbc, Access access) {
		this.jdbc = jdbc;
		this.access = access;
	}

	/** A report as the overview lists it. */
	public record Line(Long id, String regionCode, String regionNameZh, String regionNameEn, Period period, String title,
			ReportStatus status, int filled, int catalogueSize, Instant lastChangeAt, String lastChangeBy, boolean due) {

		public String regionName(Locale locale) {
			return "en".equals(locale.getLanguage()) ? this.regionNameEn : this.regionNameZh;
		}

		public int percentFilled() {
			return this.catalogueSize == 0 ? 0 : Math.round(100f * this.filled / this.catalogueSize);
		}

	}

	public List<Line> reportsInScope() {
		Scope scope = this.access.scope().orElse(null);
		if (scope == null || scope.regionPaths().isEmpty()) {
			return List.of();
		}
		StringBuilder where = new StringBuilder();
		List<String> patterns = new ArrayList<>();
		for (String path : scope.regionPaths()) {
			where.append(where.isEmpty() ? "" : " or ").append("g.path like ?");
			patterns.add(path + "%");
		}
		int catalogueSize = this.jdbc.sql("select count(*) from metric").query(Integer.class).single();
		var statement = this.jdbc.sql("""
				select r.id, g.code, g.name_zh, g.name_en, r.period_start, r.period_end, r.title, r.status,
				       (select count(distinct f.metric_id) from figure f
				        where f.report_id = r.id and f.metric_id is not null and not f.missing and not f.target
				          and f.period_start = r.period_start and f.period_end = r.period_end) as filled,
				       last.actor, last.occurred_at
				from report r join region g on g.id = r.region_id
				left join lateral (
				    select actor, occurred_at from (
				        select actor, occurred_at, id from report_change where report_id = r.id
				        union all
				        select actor, occurred_at, id from report_event where report_id = r.id) changes
				    order by occurred_at desc, id desc limit 1) last on true
				where (%s)
				order by array_position(cast(? as varchar[]), r.status), r.period_end desc, g.path
				limit %d""".formatted(where, MAX_LINES));
		List<ReportStatus> order = DUE_ORDER.getOrDefault(scope.role(), DUE_ORDER.get(Role.STAFF));
		for (String pattern : patterns) {
			statement = statement.param(pattern);
		}
		statement = statement.param("{" + String.join(",", order.stream().map(Enum::name).toList()) + "}");
		int dueCount = 2;
		return statement.query((rs, row) -> {
			ReportStatus status = ReportStatus.valueOf(rs.getString("status"));
			var at = rs.getTimestamp("occurred_at");
			return new Line(rs.getLong("id"), rs.getString("code"), rs.getString("name_zh"), rs.getString("name_en"),
					new Period(rs.getInt("period_start"), rs.getInt("period_end")), rs.getString("title"), status,
					rs.getInt("filled"), catalogueSize, at == null ? null : at.toInstant(), rs.getString("actor"),
					order.indexOf(status) < dueCount);
		})
			.list();
	}

}
