package org.unionreports.portal.dataimport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import org.unionreports.portal.dataimport.FigureExtractor.Extraction;
import org.unionreports.portal.dataimport.FigureExtractor.Proposal;
import org.unionreports.portal.metric.Family;
import org.unionreports.portal.metric.MetricKind;
import org.unionreports.portal.report.FigureInput;
import org.unionreports.portal.report.FigureRules;
import org.unionreports.portal.report.ReportEntry;
import org.unionreports.portal.report.ReportEntry.SectionText;
import org.unionreports.portal.report.StoreResult;

/**
 * A report's text stored in one step, as the review page's "accept all" stores it: its sections with their
 * narrative and every figure found in it. A figure that breaks a hard rule (a rate over 100 %) is not
 * stored, and says why; one that breaks a soft rule (a count printed with a fraction) is stored and listed
 * as needing an explanation, which the report needs before it is submitted. A dry run answers the same,
 * storing nothing.
 */
@Service
public class TextImport {

	private final FigureExtractor extractor;

	private final ReportEntry entry;

	private final FigureRules rules;

	private final Rehearsal rehearsal;

	TextImport(FigureExtractor extractor, ReportEntry entry, FigureRules rules, Rehearsal rehearsal) {
		this.extractor = extractor;
		this.entry = entry;
		this.rules = rules;
		this.rehearsal = rehearsal;
	}

	/**
	 * What the text gave: its extraction, what the store did with each proposal (the store's input
	 * {@code i} is the proposal {@code proposalOf.get(i)}), the proposals refused by a rule, with the
	 * finding, and the warnings of the stored figures that need an explanation.
	 */
	public record Outcome(boolean dryRun, Extraction extraction, StoreResult stored, List<Integer> proposalOf,
			Map<Integer, FigureRules.Finding> refused, Map<Integer, FigureRules.Finding> needExplanation) {

		public Proposal proposal(StoreResult.Stored figure) {
			return this.extraction.figures().get(this.proposalOf.get(figure.input()));
		}

		public Proposal proposal(StoreResult.NotStored figure) {
			return this.extraction.figures().get(this.proposalOf.get(figure.input()));
		}

		/** Every proposal is stored, refused by a rule, or not stored as a repeat. */
		public int notStoredCount() {
			return this.refused.size() + this.stored.notStored().size();
		}

	}

	@PreAuthorize("@reportAccess.canEdit(#reportId)")
	public Outcome store(Long reportId, String text, boolean dryRun) {
		Extraction extraction = this.extractor.extract(text, DemoReports.LEAD_HEADING);
		Map<String, FigureInput> checked = new LinkedHashMap<>();
		for (int i = 0; i < extraction.figures().size(); i++) {
			checked.put(Integer.toString(i), input(extraction.figures().get(i)));
		}
		Map<Integer, FigureRules.Finding> refused = new LinkedHashMap<>();
		Map<Integer, FigureRules.Finding> warned = new LinkedHashMap<>();
		for (FigureRules.Finding finding : this.rules.errors(checked)) {
			(finding.warning() ? warned : refused).putIfAbsent(Integer.parseInt(finding.field()), finding);
		}
		List<FigureInput> inputs = new ArrayList<>();
		List<Integer> proposalOf = new ArrayList<>();
		checked.forEach((field, input) -> {
			int index = Integer.parseInt(field);
			if (!refused.containsKey(index)) {
				inputs.add(input);
				proposalOf.add(index);
			}
		});
		List<SectionText> sections = extraction.sections()
			.stream()
			.map(part -> new SectionText(part.heading(), part.narrative()))
			.toList();
		StoreResult stored = dryRun
				? this.rehearsal.rolledBack(() -> this.entry.acceptExtraction(reportId, sections, true, inputs))
				: this.entry.acceptExtraction(reportId, sections, true, inputs);
		return new Outcome(dryRun, extraction, stored, proposalOf, refused, warned);
	}

	/** A proposal as the store takes it: its label is its subject, its quote the source text. */
	static FigureInput input(Proposal proposal) {
		String subject = proposal.label() == null || proposal.label().isBlank()
				? proposal.numberText() + proposal.amount().unit() : proposal.label();
		subject = subject.length() > 200 ? subject.substring(0, 200) : subject;
		FigureInput.LongTail longTail = proposal.metric() != null ? null
				: new FigureInput.LongTail(subject, null, Family.OTHER, MetricKind.FLOW);
		return new FigureInput(proposal.section(), proposal.metric(), longTail, proposal.amount(), null, false,
				proposal.text(), proposal.numberText(), null, subject, false, null);
	}

}
