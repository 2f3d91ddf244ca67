package org.unionreports.portal.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import org.unionreports.portal.identity.Access;
import org.unionreports.portal.identity.Role;
import org.unionreports.portal.metric.MetricCatalogue;
import org.unionreports.portal.shared.NotFoundException;
import org.unionreports.portal.shared.Period;

/**
 * Revisions of a published report — its figures or its sections — which wait for a leader (DOMAIN.md: a correction after
 * publication is approved like a report). Staff propose one with its reason: the portal rehearses the write
 * to show what it would change, old and new, keeps what it would write, and the published figures stay as
 * they are, public. A leader in scope approves it, and the figures are then written as any revision is,
 * dated the day of approval and listed on the public page; or returns it with a comment, and nothing changes.
 * <p>
 * One revision waits per report at a time: a second proposal, by anyone, is refused (409) until the first
 * is decided, so that a leader never approves a change made on figures that another revision changed since.
 */
@Service
public class ReportRevisions {

	private static final String COLUMNS = """
			r.id, r.report_id, r.number, r.status, r.actor, r.occurred_at, r.reason, r.decided_by, r.decided_at,
			r.decision_comment, r.preview""";

	private final ReportRepository reports;

	private final ReportHistory history;

	private final ContentWrites writes;

	private final MetricCatalogue catalogue;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final TransactionTemplate transactions;

	private final Access access;

	ReportRevisions(ReportRepository reports, ReportHistory history, ContentWrites writes, MetricCatalogue catalogue,
			JdbcClient jdbc, JsonMapper json, PlatformTransactionManager transactions, Access access) {
		this.reports = reports;
		this.history = history;
		this.writes = writes;
		this.catalogue = catalogue;
		this.jdbc = jdbc;
		this.json = json;
		this.transactions = new TransactionTemplate(transactions);
		this.access = access;
	}

	/** A revision: who proposed it, when and why, its status, the decision, and what it changes. */
	public record Revision(long id, long reportId, int number, String status, String actor, Instant proposedAt,
			String reason, String decidedBy, Instant decidedAt, String comment, List<Change> changes) {

		public boolean isPending() {
			return "PENDING".equals(this.status);
		}

		public boolean isReturned() {
			return "RETURNED".equals(this.status);
		}

		/** The message key of its status, for pages. */
		public String statusKey() {
			return "report.revision.status." + this.status.toLowerCase(Locale.ROOT);
		}

	}

	/** One change a revision makes (or would make): a figure's old and new value as written for people. */
	public record Change(String subject, String label, String field, String oldText, String newText) {
	}

	/** A proposal made: the revision that waits, and what the write would store, rehearsed. */
	public record Proposed(Revision revision, StoreResult stored) {
	}

	/** A revision in a leader's queue, with the report it revises. */
	public record Queued(Revision revision, String title, String regionNameZh, String regionNameEn, Period period) {

		public String regionName(Locale locale) {
			return "en".equals(locale.getLanguage()) ? this.regionNameEn : this.regionNameZh;
		}

	}

	/** Whether a figure write to this report is a proposal for a leader (the report is published). */
	@PreAuthorize("@reportAccess.canEdit(#reportId)")
	public boolean needsApproval(Long reportId) {
		return this.reports.findById(reportId).map(Report::isPublished).orElseThrow(() -> new ReportNotFoundException(reportId));
	}

	/**
	 * Proposes a revision of a published report's figures: each given figure stored as a save stores it, each
	 * figure named in {@code removed} deleted — once a leader approves. Nothing public changes now.
	 * @throws RevisionInputException when the reason is missing or too long
	 * @throws RevisionConflictException when another revision of the report still waits
	 * @throws ReportStateException when the report is not published, or the revision would change nothing
	 */
	@PreAuthorize("@reportAccess.canEdit(#reportId)")
	public Proposed propose(Long reportId, String reason, List<FigureInput> inputs, List<Long> removed) {
		String why = checked("reason", reason, "report.revisionReasonRequired");
		return propose(reportId, why, RevisionPayload.of(inputs, removed), null);
	}

	/**
	 * Proposes a revision of a published report's sections (the section editor): kept sections (by id) take
	 * their new heading, narrative and place, new ones are added, missing ones removed — once a leader
	 * approves. The form's version is checked as for a draft: a form opened before a change is refused.
	 * @throws EditConflictException when the report changed since the form was opened
	 */
	@PreAuthorize("@reportAccess.canEdit(#reportId)")
	public Proposed proposeSections(Long reportId, String reason, Edit edit, List<ReportEntry.SectionEdit> wanted) {
		String why = checked("reason", reason, "report.revisionReasonRequired");
		return propose(reportId, why, RevisionPayload.ofSections(wanted), edit);
	}

	private Proposed propose(Long reportId, String why, RevisionPayload payload, Edit edit) {
		Preview rehearsed = this.transactions.execute(status -> {
			status.setRollbackOnly();
			Report report = lockPublished(reportId);
			if (edit != null && edit.version() != report.getVersion()) {
				throw new EditConflictException(this.history.changesSince(reportId, edit.lastChangeSeen()),
						report.getVersion(), this.history.lastChangeId(reportId));
			}
			return apply(report, payload, null);
		});
		if (rehearsed.changes().isEmpty()
				|| payload.sections() == null && rehearsed.changes().stream().noneMatch(c -> "FIGURE".equals(c.subject()))) {
			throw new ReportStateException("report.revision.unchanged", "the revision changes nothing");
		}
		String proposal = this.json.writeValueAsString(payload);
		String preview = this.json.writeValueAsString(rehearsed.changes());
		try {
			Revision revision = this.transactions.execute(status -> {
				lockPublished(reportId);
				java.sql.Timestamp now = this.history.now();
				int number = this.jdbc.sql("""
						insert into report_revision (report_id, number, occurred_at, actor, reason, status, proposal, preview)
						values (:report, (select coalesce(max(number), 0) + 1 from report_revision where report_id = :report),
						        :at, :actor, :reason, 'PENDING', :proposal, :preview) returning number""")
					.param("report", reportId)
					.param("at", now)
					.param("actor", ReportHistory.actor())
					.param("reason", why)
					.param("proposal", proposal)
					.param("preview", preview)
					.query(Integer.class)
					.single();
				return load(reportId, number, false).orElseThrow();
			});
			return new Proposed(revision, rehearsed.stored());
		}
		catch (DuplicateKeyException ex) {
			// Another proposal landed between the check and the insert.
			throw pendingExists(reportId, pendingNumber(reportId).orElse(0));
		}
	}

	/** Writes what a revision holds, recorded under the revision (none: a rehearsal), and says what changed. */
	private Preview apply(Report report, RevisionPayload payload, Long revision) {
		long last = this.history.lastChangeId(report.getId());
		StoreResult stored = null;
		if (payload.sections() != null) {
			this.writes.sections(report, payload.sections().stream().map(RevisionPayload.SectionItem::edit).toList(), revision);
		}
		if (payload.figures() != null && !payload.figures().isEmpty()) {
			stored = this.writes.store(report, payload.inputs(this.catalogue), revision);
		}
		if (payload.removed() != null && !payload.removed().isEmpty()) {
			this.writes.remove(report, payload.removed(), revision);
		}
		List<Change> changes = this.history.changesSince(report.getId(), last)
			.stream()
			.map(c -> new Change(c.subject(), c.label(), c.field(), c.oldText(), c.newText()))
			.toList();
		return new Preview(stored, changes);
	}

	/**
	 * What a revision would change and store, without proposing it (a dry run): nothing is kept.
	 * @throws RevisionConflictException when another revision of the report still waits
	 */
	@PreAuthorize("@reportAccess.canEdit(#reportId)")
	public Preview preview(Long reportId, List<FigureInput> inputs, List<Long> removed) {
		return rehearse(reportId, inputs, removed);
	}

	/** What a revision would store and change: the write itself, rolled back, so the figures stay as published. */
	public record Preview(StoreResult stored, List<Change> changes) {
	}

	private Preview rehearse(Long reportId, List<FigureInput> inputs, List<Long> removed) {
		return this.transactions.execute(status -> {
			status.setRollbackOnly();
			return apply(lockPublished(reportId), RevisionPayload.of(inputs, removed), null);
		});
	}

	/**
	 * Approves a waiting revision: its figures are written as a revision of the report (the public page then
	 * shows it, old and new, with its reason), dated now.
	 * @throws RevisionConflictException when the revision was decided already
	 */
	@PreAuthorize("@reportAccess.canDecide(#reportId)")
	public Revision approve(Long reportId, int number) {
		return this.transactions.execute(status -> {
			Report report = this.reports.findForChange(reportId).orElseThrow(() -> new ReportNotFoundException(reportId));
			Revision revision = waiting(reportId, number);
			apply(report, this.json.readValue(proposalOf(revision.id()), RevisionPayload.class), revision.id());
			decide(revision, "APPROVED", null);
			return load(reportId, number, false).orElseThrow();
		});
	}

	/** Returns a waiting revision to its author with a comment: nothing changes in the report. */
	@PreAuthorize("@reportAccess.canDecide(#reportId)")
	public Revision returnRevision(Long reportId, int number, String comment) {
		String why = checked("comment", comment, "report.revision.commentRequired");
		return this.transactions.execute(status -> {
			this.reports.findForChange(reportId).orElseThrow(() -> new ReportNotFoundException(reportId));
			decide(waiting(reportId, number), "RETURNED", why);
			return load(reportId, number, false).orElseThrow();
		});
	}

	/** One revision of the report, for users whose regions cover it. */
	@PreAuthorize("@reportAccess.canRead(#reportId)")
	public Optional<Revision> find(Long reportId, int number) {
		return load(reportId, number, false);
	}

	/**
	 * The report's latest revision of its figures if it is not approved yet: waiting, or returned (with the
	 * leader's comment) and not followed by another; for the report's page.
	 */
	@PreAuthorize("@reportAccess.canRead(#reportId)")
	public Optional<Revision> open(Long reportId) {
		return this.jdbc.sql("select " + COLUMNS + """
				 from report_revision r where r.report_id = :report and r.proposal is not null
				order by r.number desc limit 1""")
			.param("report", reportId)
			.query(this::revision)
			.optional()
			.filter(revision -> !"APPROVED".equals(revision.status()));
	}

	/** The revisions that wait for the current user: for a leader, those of the reports in their regions. */
	public List<Queued> queue() {
		var scope = this.access.scope().orElse(null);
		if (scope == null || !scope.is(Role.LEADER) || scope.regionPaths().isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("select " + COLUMNS + """
				, p.title, g.name_zh, g.name_en, p.period_start, p.period_end
				from report_revision r join report p on p.id = r.report_id join region g on g.id = p.region_id
				where r.status = 'PENDING' and g.path like any(:paths)
				order by r.occurred_at, r.id limit 500""")
			.param("paths", this.access.readablePathPatterns())
			.query((rs, row) -> new Queued(revision(rs, row), rs.getString("title"), rs.getString("name_zh"),
					rs.getString("name_en"), new Period(rs.getInt("period_start"), rs.getInt("period_end"))))
			.list();
	}

	private static String checked(String field, String text, String missingKey) {
		String stripped = text == null ? "" : text.strip();
		if (stripped.isEmpty()) {
			throw new RevisionInputException(field, missingKey, "the " + field + " is missing");
		}
		if (stripped.length() > 2000) {
			throw new RevisionInputException(field, "report.revision.reasonTooLong",
					"the " + field + " has at most 2000 characters");
		}
		return stripped;
	}

	private Report lockPublished(Long reportId) {
		Report report = this.reports.findForChange(reportId).orElseThrow(() -> new ReportNotFoundException(reportId));
		if (!report.isPublished()) {
			throw new ReportStateException("report.revision.notPublished", "only a published report takes revisions");
		}
		Optional<Integer> pending = pendingNumber(reportId);
		if (pending.isPresent()) {
			throw pendingExists(reportId, pending.get());
		}
		return report;
	}

	private static RevisionConflictException pendingExists(Long reportId, int number) {
		return new RevisionConflictException("report.revision.pendingExists",
				"revision " + number + " of report " + reportId + " still waits for a leader", number);
	}

	private Optional<Integer> pendingNumber(Long reportId) {
		return this.jdbc.sql("select number from report_revision where report_id = :report and status = 'PENDING'")
			.param("report", reportId)
			.query(Integer.class)
			.optional();
	}

	/** The revision, locked, if it waits. */
	private Revision waiting(Long reportId, int number) {
		Revision revision = load(reportId, number, true)
			.orElseThrow(() -> new NotFoundException("revision " + number + " of report " + reportId));
		if (!revision.isPending()) {
			throw new RevisionConflictException("report.revision.alreadyDecided",
					"revision " + number + " of report " + reportId + " is " + revision.status().toLowerCase(Locale.ROOT)
							+ " already",
					number);
		}
		return revision;
	}

	private void decide(Revision revision, String status, String comment) {
		this.jdbc.sql("""
				update report_revision set status = :status, decided_by = :actor, decided_at = :at,
				       decision_comment = :comment
				where id = :id""")
			.param("status", status)
			.param("actor", ReportHistory.actor())
			.param("at", this.history.now())
			.param("comment", comment)
			.param("id", revision.id())
			.update();
	}

	private String proposalOf(long revisionId) {
		return this.jdbc.sql("select proposal from report_revision where id = :id")
			.param("id", revisionId)
			.query(String.class)
			.single();
	}

	private Optional<Revision> load(Long reportId, int number, boolean lock) {
		return this.jdbc.sql("select " + COLUMNS + " from report_revision r where r.report_id = :report and r.number = :number"
				+ (lock ? " for update" : ""))
			.param("report", reportId)
			.param("number", number)
			.query(this::revision)
			.optional();
	}

	private Revision revision(ResultSet rs, int row) throws SQLException {
		String preview = rs.getString("preview");
		List<Change> changes = new ArrayList<>();
		if (preview != null) {
			changes.addAll(this.json.readValue(preview, new TypeReference<List<Change>>() {
			}));
		}
		java.sql.Timestamp decided = rs.getTimestamp("decided_at");
		return new Revision(rs.getLong("id"), rs.getLong("report_id"), rs.getInt("number"), rs.getString("status"),
				rs.getString("actor"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("reason"),
				rs.getString("decided_by"), decided == null ? null : decided.toInstant(), rs.getString("decision_comment"),
				List.copyOf(changes));
	}

}
