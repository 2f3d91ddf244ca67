package org.unionreports.portal.report.web;

import jakarta.validation.Valid;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.unionreports.portal.identity.Access;
import org.unionreports.portal.metric.Metric;
import org.unionreports.portal.metric.MetricCatalogue;
import org.unionreports.portal.region.Region;
import org.unionreports.portal.region.RegionTree;
import org.unionreports.portal.report.Figure;
import org.unionreports.portal.report.FigureRules;
import org.unionreports.portal.report.Report;
import org.unionreports.portal.report.ReportCatalogue;
import org.unionreports.portal.report.ReportConflictException;
import org.unionreports.portal.report.ReportDocument;
import org.unionreports.portal.report.ReportEntry;
import org.unionreports.portal.report.ReportNotFoundException;
import org.unionreports.portal.report.ReportRevisions;
import org.unionreports.portal.report.ReportStateException;
import org.unionreports.portal.report.ReportWorkflow;
import org.unionreports.portal.report.StaffDesk;
import org.unionreports.portal.shared.Period;

/** The staff desk: the reports in scope, starting a report, a report's workspace, its workflow and record. */
@Controller
class StaffController {

	private final StaffDesk desk;

	private final ReportCatalogue reports;

	private final ReportEntry entry;

	private final ReportWorkflow workflow;

	private final RegionTree regions;

	private final MetricCatalogue catalogue;

	private final Access access;

	private final ReportRevisions revisions;

	StaffController(StaffDesk desk, ReportCatalogue reports, ReportEntry entry, ReportWorkflow workflow,
			RegionTree regions, MetricCatalogue catalogue, Access access, ReportRevisions revisions) {
		this.desk = desk;
		this.reports = reports;
		this.entry = entry;
		this.workflow = workflow;
		this.regions = regions;
		this.catalogue = catalogue;
		this.access = access;
		this.revisions = revisions;
	}

	@GetMapping("/staff")
	String desk(Model model) {
		model.addAttribute("lines", this.desk.reportsInScope());
		model.addAttribute("scope", this.access.scope().orElse(null));
		model.addAttribute("revisionQueue", this.revisions.queue());
		return "staff/desk";
	}

	@GetMapping("/staff/reports/new")
	String newReport(@ModelAttribute("form") NewReportForm form, Model model) {
		model.addAttribute("scopeRegions", scopeRegions());
		return "staff/new";
	}

	@PostMapping("/staff/reports")
	String create(@Valid @ModelAttribute("form") NewReportForm form, BindingResult result, Model model) {
		Region region = null;
		if (!result.hasFieldErrors("regionCode")) {
			region = this.regions.find(form.getRegionCode()).orElse(null);
			if (region == null) {
				result.rejectValue("regionCode", "user.region.unknown", new Object[] { form.getRegionCode() }, null);
			}
		}
		if (result.hasErrors()) {
			model.addAttribute("scopeRegions", scopeRegions());
			return "staff/new";
		}
		try {
			Report report = this.entry.createWithUsualSections(region, form.period(), form.getTitle().strip(),
					form.source());
			return "redirect:/staff/reports/" + report.getId();
		}
		catch (ReportConflictException ex) {
			result.reject("report.create.exists", new Object[] { ex.existingId() }, null);
			model.addAttribute("existingId", ex.existingId());
			model.addAttribute("scopeRegions", scopeRegions());
			return "staff/new";
		}
	}

	@GetMapping("/staff/reports/{id}")
	String workspace(@PathVariable Long id, Model model) {
		ReportDocument doc = visible(id);
		model.addAttribute("doc", doc);
		model.addAttribute("record", this.reports.record(id));
		model.addAttribute("catalogue", this.catalogue.all());
		model.addAttribute("filledKeys", doc.figures()
			.stream()
			.filter(f -> f.isCatalogued() && !f.isMissing() && !f.isTarget()
					&& f.getPeriod().equals(doc.report().getPeriod()))
			.map(f -> f.getMetric().getKey())
			.toList());
		model.addAttribute("canEdit", this.access.canEdit(doc.report().getRegion()));
		model.addAttribute("canDecide", this.access.canDecide(doc.report().getRegion().getPath()));
		java.util.Map<Long, Figure> byId = new java.util.HashMap<>();
		doc.figures().forEach(figure -> byId.put(figure.getId(), figure));
		model.addAttribute("conflicts", this.entry.conflicts(id)
			.stream()
			.map(conflict -> new ConflictView(conflict.metric(), conflict.period(),
					conflict.figureIds().stream().map(byId::get).filter(java.util.Objects::nonNull).toList()))
			.toList());
		model.addAttribute("unexplained", this.entry.unexplained(id)
			.stream()
			.map(finding -> new Unexplained(byId.get(Long.valueOf(finding.field())), finding))
			.toList());
		model.addAttribute("explained", doc.figures().stream().filter(figure -> figure.getFlag() != null).toList());
		model.addAttribute("openRevision", this.revisions.open(id).orElse(null));
		return "staff/report";
	}

	/** Figures that mean one catalogue metric for one period: staff say which is the report's value. */
	record ConflictView(Metric metric, Period period, java.util.List<Figure> figures) {
	}

	/** A figure that breaks a soft rule, with the rule, waiting for its explanation. */
	record Unexplained(Figure figure, FigureRules.Finding finding) {
	}

	@PostMapping("/staff/reports/{id}/figures/{figureId}/metric")
	String map(@PathVariable Long id, @PathVariable Long figureId, @RequestParam(required = false) String metricKey,
			RedirectAttributes redirect) {
		Metric metric = metricKey == null || metricKey.isBlank() ? null
				: this.catalogue.byKey(metricKey).orElseThrow(() -> new ReportNotFoundException(id));
		try {
			this.entry.mapFigure(id, null, figureId, metric);
			redirect.addFlashAttribute("message", "staff.report.conflictSettled");
		}
		catch (ReportStateException ex) {
			redirect.addFlashAttribute("problem", ex.messageKey());
		}
		return "redirect:/staff/reports/" + id;
	}

	@PostMapping("/staff/reports/{id}/figures/{figureId}/note")
	String explain(@PathVariable Long id, @PathVariable Long figureId, @RequestParam(required = false) String note,
			RedirectAttributes redirect) {
		try {
			this.entry.explain(id, figureId, note);
			redirect.addFlashAttribute("message", "staff.report.noteSaved");
		}
		catch (ReportStateException ex) {
			redirect.addFlashAttribute("problem", ex.messageKey());
		}
		return "redirect:/staff/reports/" + id;
	}

	@GetMapping("/staff/reports/{id}/history")
	String history(@PathVariable Long id, @RequestParam(required = false) Long figure, Model model) {
		model.addAttribute("doc", visible(id));
		if (figure != null) {
			model.addAttribute("figureChanges", this.reports.figureRecord(id, figure));
		}
		else {
			model.addAttribute("record", this.reports.record(id));
		}
		return "staff/history";
	}

	@PostMapping("/staff/reports/{id}/submit")
	String submit(@PathVariable Long id, RedirectAttributes redirect) {
		return step(id, redirect, () -> this.workflow.submit(id), "report.step.submitted");
	}

	@PostMapping("/staff/reports/{id}/approve")
	String approve(@PathVariable Long id, RedirectAttributes redirect) {
		return step(id, redirect, () -> this.workflow.approve(id), "report.step.approved");
	}

	@PostMapping("/staff/reports/{id}/return")
	String returnForCorrection(@PathVariable Long id, @RequestParam(required = false) String comment,
			RedirectAttributes redirect) {
		try {
			return step(id, redirect, () -> this.workflow.returnForCorrection(id, comment), "report.step.returned");
		}
		catch (IllegalArgumentException ex) {
			redirect.addFlashAttribute("problem", "report.return.commentRequired");
			return "redirect:/staff/reports/" + id;
		}
	}

	@PostMapping("/staff/reports/{id}/publish")
	String publish(@PathVariable Long id, RedirectAttributes redirect) {
		return step(id, redirect, () -> this.workflow.publish(id), "report.step.published");
	}

	private String step(Long id, RedirectAttributes redirect, Runnable step, String done) {
		try {
			step.run();
			redirect.addFlashAttribute("message", done);
		}
		catch (ReportStateException ex) {
			redirect.addFlashAttribute("problem", ex.messageKey());
		}
		return "redirect:/staff/reports/" + id;
	}

	private ReportDocument visible(Long id) {
		ReportDocument doc = this.reports.findVisible(id).orElseThrow(() -> new ReportNotFoundException(id));
		if (this.access.scope().isEmpty() || !this.access.canRead(doc.report().getRegion())) {
			throw new AccessDeniedException("report " + id + " is not in the user's regions");
		}
		return doc;
	}

	private java.util.List<Region> scopeRegions() {
		return this.access.scope()
			.map(scope -> scope.regionPaths()
				.stream()
				.map(path -> path.substring(path.lastIndexOf('/', path.length() - 2) + 1, path.length() - 1))
				.map(this.regions::find)
				.flatMap(java.util.Optional::stream)
				.toList())
			.orElse(java.util.List.of());
	}

}
