package org.unionreports.portal.report;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.unionreports.portal.metric.Metric;
import org.unionreports.portal.metric.MetricCatalogue;
import org.unionreports.portal.region.Region;
import org.unionreports.portal.shared.Period;

/**
 * Writes reports: creating them, their sections and their figures. Every change is recorded with who
 * made it. Staff change a draft or a returned report; a published report changes only through a revision,
 * with its reason, that a leader approves ({@link ReportRevisions}); submitted and approved reports are
 * read-only. A save made on an older version of
 * the report than the one stored is refused, never applied over the other person's.
 */
@Service
@Transactional
public class ReportEntry {

	/** The usual sections of a union work report (DOMAIN.md), prefilled in a new report. */
	public static final List<String> USUAL_HEADINGS = List.of("思想政治引领", "建功立业", "产业工人队伍建设改革", "维权服务",
			"帮扶服务", "基层组织建设", "工会自身建设");

	private final ReportRepository reports;

	private final ReportHistory history;

	private final FigureStore figureStore;

	private final MetricCatalogue catalogue;

	private final FigureRepository figures;

	private final FigureRules rules;

	private final ContentWrites writes;

	ReportEntry(ReportRepository reports, ReportHistory history, FigureStore figureStore, MetricCatalogue catalogue,
			FigureRepository figures, FigureRules rules, ContentWrites writes) {
		this.reports = reports;
		this.history = history;
		this.figureStore = figureStore;
		this.catalogue = catalogue;
		this.figures = figures;
		this.rules = rules;
		this.writes = writes;
	}

	/**
	 * Creates a draft report for a region in the user's scope.
	 * @throws ReportConflictException when the region already has a report for the period
	 */
	@PreAuthorize("@access.canEdit(#region)")
	public Report create(Region region, Period period, String title, Source source) {
		this.reports.findByRegionAndPeriod(region.getCode(), period.firstYear(), period.lastYear()).ifPresent(existing -> {
			throw new ReportConflictException(existing.getId(),
					region.getNameZh() + " already has a report for " + period + " (report " + existing.getId() + ")");
		});
		Report report = this.reports.save(new Report(region, period, title, source));
		this.history.step(report.getId(), "CREATE", null, ReportStatus.DRAFT, null);
		return report;
	}

	/** Creates a draft with the usual sections, for staff who start a report in the browser. */
	@PreAuthorize("@access.canEdit(#region)")
	public Report createWithUsualSections(Region region, Period period, String title, Source source) {
		Report report = create(region, period, title, source);
		USUAL_HEADINGS.forEach(heading -> report.addSection(heading, ""));
		return report;
	}

	/** Appends sections with their text (loading a report's text); recorded as added. */
	@PreAuthorize("@reportAccess.canEdit(#reportId)")
	public void addSections(Long reportId, List<SectionText> sections) {
		Report report = loadForChange(reportId, null);
		List<Section> added = new ArrayList<>();
		sections.forEach(section -> added.add(report.addSection(section.heading(), section.narrative())));
		this.reports.flush();
		added.forEach(section -> this.history.section(reportId, section.getId(), section.getHeading(), "added", null,
				section.getNarrative(), null));
	}

	/**
	 * Stores what staff accepted of a report's text, in one transaction: the sections (see
	 * {@link #mergeSections}) and the figures.
	 */
	@PreAuthorize("@reportAccess.canEdit(#reportId)")
	public StoreResult acceptExtraction(Long reportId, List<SectionText> sections, boolean dropEmpty,
			List<FigureInput> figures) {
		if (!sections.isEmpty()) {
			mergeSections(reportId, sections, dropEmpty);
		}
		return storeFigures(reportId, figures);
	}

	/**
	 * Brings sections read from a report's text into the report: a section of the same heading takes the
	 * text (after what it had, unless it has it already), the others are added at the end; with
	 * {@code dropEmpty}, the sections that have no text yet (the usual headings of a new report) make way.
	 * Sections of the text that share a heading are taken as one.
	 */
	@PreAuthorize("@reportAccess.canEdit(#reportId)")
	public void mergeSections(Long reportId, List<SectionText> sections, boolean dropEmpty) {
		Report report = loadForChange(reportId, null);
		Map<String, String> incoming = new LinkedHashMap<>();
		for (SectionText text : sections) {
			incoming.merge(text.heading(), text.narrative(), (first, second) -> first + "\n\n" + second);
		}
		if (dropEmpty) {
			for (Section empty : List.copyOf(report.getSections())) {
				if (empty.getNarrative().isBlank() && !incoming.containsKey(empty.getHeading())
						&& !this.figureStore.hasFigures(empty.getId())) {
					report.removeSection(empty);
					this.history.section(reportId, empty.getId(), empty.getHeading(), "removed", "", null, null);
				}
			}
			report.renumberSections();
		}
		List<Section> added = new ArrayList<>();
		incoming.forEach((heading, text) -> {
			Section same = report.getSections().stream().filter(s -> s.getHeading().equals(heading)).findFirst()
				.orElse(null);
			if (same == null) {
				added.add(report.addSection(heading, text));
			}
			else if (!same.getNarrative().contains(text)) {
				String narrative = same.getNarrative().isBlank() ? text : same.getNarrative() + "\n\n" + text;
				this.history.section(reportId, same.getId(), same.getHeading(), "narrative", same.getNarrative(),
						narrative, null);
				same.edit(same.getPosition(), same.getHeading(), narrative);
			}
		});
		report.touch();
		this.reports.flush();
		added.forEach(section -> this.history.section(reportId, section.getId(), section.getHeading(), "added", null,
				section.getNarrative(), null));
	}

	/**
	 * Replaces the report's sections with those of the form: kept sections (by id) take their new heading,
	 * narrative and place, new ones are added, missing ones removed (their figures then belong to no section).
	 */
	@PreAuthorize("@reportAccess.canEdit(#reportId)")
	public void saveSections(Long reportId, Edit edit, List<SectionEdit> wanted) {
		Report report = loadForChange(reportId, edit);
		refuseChangesOfPublished(report);
		this.writes.sections(report, wanted, null);
	}

	/**
	 * Saves the figures of the grid: each given figure is stored (a catalogue cell changes the figure
	 * holding its metric, a long-tail row the figure of its label), and each figure named in
	 * {@code removed} is deleted.
	 */
	@PreAuthorize("@reportAccess.canEdit(#reportId)")
	public StoreResult saveFigures(Long reportId, Edit edit, List<FigureInput> inputs, List<Long> removed) {
		Report report = loadForChange(reportId, edit, () -> touchedFigures(reportId, inputs, removed));
		refuseChangesOfPublished(report);
		StoreResult result = store(report, inputs, null);
		this.figureStore.remove(reportId, removed, null);
		return result;
	}

	/**
	 * Stores figures read from a file or a text. A figure of the same subject, unit, period and target flag
	 * as one already there changes it, so importing the same file twice leaves the same figures; two
	 * different facts never replace each other (see {@link StoreResult}). A section heading the report
	 * does not have yet becomes a new section at the end.
	 */
	@PreAuthorize("@reportAccess.canEdit(#reportId)")
	public StoreResult storeFigures(Long reportId, List<FigureInput> inputs) {
		Report report = loadForChange(reportId, null);
		return store(report, inputs, null);
	}

	/**
	 * Says which figure is the report's value for a catalogue metric ({@code metric} null: the figure is a
	 * long-tail figure and claims none): the figure that held it keeps its own label, and the claims on
	 * that metric are settled. The figure's label remembers the choice for the next extraction.
	 * @throws ReportNotFoundException when the report has no such figure
	 * @throws IllegalArgumentException when the metric is not counted in the figure's unit
	 */
	@PreAuthorize("@reportAccess.canEdit(#reportId)")
	public List<StoreResult.Conflict> mapFigure(Long reportId, Edit edit, Long figureId, Metric metric) {
		Report report = loadForChange(reportId, edit);
		refuseChangesOfPublished(report);
		report.touch();
		if (!this.figureStore.map(reportId, figureId, metric, null)) {
			throw new ReportNotFoundException(reportId);
		}
		return this.figureStore.conflicts(reportId);
	}

	/**
	 * Gives a figure its note. Where the figure breaks a soft rule (a count printed with a fraction, a part
	 * above its whole, a move over threefold), the note is its explanation and the figure is flagged as
	 * printed or as explained; the reviewing leader reads it.
	 * @throws ReportNotFoundException when the report has no such figure
	 */
	@PreAuthorize("@reportAccess.canEdit(#reportId)")
	public FigureInput.Flag explain(Long reportId, Long figureId, String note) {
		Report report = loadForChange(reportId, null);
		String text = note == null || note.isBlank() ? null : note.strip();
		if (text != null && text.length() > 4000) {
			throw new IllegalArgumentException("a note has at most 4000 characters");
		}
		List<Figure> figures = this.figures.findByReport(reportId);
		FigureInput.Flag flag = text == null ? null
				: this.rules.unexplained(report, figures.stream().map(f -> f.getId().equals(figureId) ? f.withoutNote() : f).toList())
					.stream()
					.filter(finding -> finding.field().equals(Long.toString(figureId)))
					.map(FigureRules.Finding::flag)
					.reduce((first, second) -> first == FigureInput.Flag.AS_PRINTED ? first : second)
					.orElse(null);
		report.touch();
		if (!this.figureStore.explain(reportId, figureId, text, flag)) {
			throw new ReportNotFoundException(reportId);
		}
		return flag;
	}

	/** The figures of the report that break a soft rule and have no explanation yet. */
	@PreAuthorize("@reportAccess.canRead(#reportId)")
	@Transactional(readOnly = true)
	public List<FigureRules.Finding> unexplained(Long reportId) {
		Report report = this.reports.findById(reportId).orElseThrow(() -> new ReportNotFoundException(reportId));
		return this.rules.unexplained(report, this.figures.findByReport(reportId));
	}

	/** The report's open conflicts: figures that mean one catalogue metric, for a person to settle. */
	@PreAuthorize("@reportAccess.canRead(#reportId)")
	@Transactional(readOnly = true)
	public List<StoreResult.Conflict> conflicts(Long reportId) {
		return this.figureStore.conflicts(reportId);
	}

	private StoreResult store(Report report, List<FigureInput> inputs, Long revision) {
		return this.writes.store(report, inputs, revision);
	}

	/** What changed since a form was opened, for the page that refuses a save made on an older version. */
	@PreAuthorize("@reportAccess.canRead(#reportId)")
	@Transactional(readOnly = true)
	public EditConflictException conflictSince(Long reportId, Edit edit) {
		Report report = this.reports.findById(reportId).orElseThrow(() -> new ReportNotFoundException(reportId));
		return new EditConflictException(this.history.changesSince(reportId, edit.lastChangeSeen()), report.getVersion(),
				this.history.lastChangeId(reportId));
	}

	/** The version and last change of a report, for a form to carry. */
	@PreAuthorize("@reportAccess.canRead(#reportId)")
	@Transactional(readOnly = true)
	public Edit openEdit(Long reportId) {
		Report report = this.reports.findById(reportId).orElseThrow(() -> new ReportNotFoundException(reportId));
		return new Edit(report.getVersion(), this.history.lastChangeId(reportId), null);
	}

	private Report loadForChange(Long reportId, Edit edit) {
		return loadForChange(reportId, edit, null);
	}

	/**
	 * The names of the figures a save writes, as the history names them, and of the figures the rules
	 * compare them with (a part and its whole): a save whose rule checks saw a figure that changed since is
	 * refused too. Read under the report's lock.
	 */
	private Set<String> touchedFigures(Long reportId, List<FigureInput> inputs, List<Long> removed) {
		Set<String> names = new HashSet<>(this.figureStore.names(reportId, removed));
		List<Metric> catalogue = this.catalogue.all();
		for (FigureInput input : inputs) {
			names.add(input.name());
			if (input.metric() == null) {
				continue;
			}
			Metric metric = input.metric();
			names.add(metric.getNameZh());
			if (metric.getPartOf() != null) {
				names.add(metric.getPartOf().getNameZh());
			}
			catalogue.stream()
				.filter(part -> part.getPartOf() != null && part.getPartOf().getId().equals(metric.getId()))
				.forEach(part -> names.add(part.getNameZh()));
		}
		return names;
	}

	/**
	 * The report, locked until the transaction ends, if its status allows this change: a draft or returned
	 * report always, a published one only as a revision. A form opened on an older version than the one
	 * stored is refused if anything changed since, or, for a save of figures, if one of the figures it
	 * writes ({@code figures}, by name) changed since: then people saving different figures at once all
	 * keep their work, and of people saving the same figure at once the first wins and the others are told.
	 */
	private Report loadForChange(Long reportId, Edit edit, Supplier<Set<String>> figures) {
		Report report = this.reports.findForChange(reportId).orElseThrow(() -> new ReportNotFoundException(reportId));
		boolean revision = edit != null && edit.isRevision();
		if (report.isPublished() ? !revision : !report.isEditable()) {
			throw new ReportStateException(report.isPublished() ? "report.revisionReasonRequired" : "report.notEditable",
					report.isPublished() ? "a published report changes only through a revision with a reason"
							: "a " + report.getStatus().name().toLowerCase() + " report cannot be changed");
		}
		if (edit != null && edit.version() != report.getVersion()) {
			List<ReportHistory.Change> since = this.history.changesSince(reportId, edit.lastChangeSeen());
			Set<String> names = figures == null ? null : figures.get();
			boolean clash = names == null || since.stream()
				.anyMatch(change -> "FIGURE".equals(change.subject()) && names.contains(change.label()));
			if (clash) {
				throw new EditConflictException(since, report.getVersion(), this.history.lastChangeId(reportId));
			}
		}
		return report;
	}

	/**
	 * A published report changes only through a revision a leader approves ({@link ReportRevisions}): the
	 * public keeps seeing the published version until then.
	 */
	private static void refuseChangesOfPublished(Report report) {
		if (report.isPublished()) {
			throw new ReportStateException("report.revision.needsApproval",
					"a published report changes only through a revision a leader approves");
		}
	}

	/** A section's heading and narrative, as text. */
	public record SectionText(String heading, String narrative) {
	}

	/** A section as the editor sends it: its id (none for a new one), heading and narrative. */
	public record SectionEdit(Long id, String heading, String narrative) {
	}

}
