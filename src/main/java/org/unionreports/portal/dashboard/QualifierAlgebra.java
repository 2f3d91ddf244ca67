package org.unionreports.portal.dashboard;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.unionreports.portal.shared.Qualifier;

/**
 * The one place that decides which qualifier a combination of qualified figures may honestly carry, so that
 * a roll-up never claims more (or other) than its parts say. The rules, in the order they are tried (each
 * has its case in {@code QualifierAlgebraTest}):
 * <ol>
 * <li>One part keeps its qualifier exactly: a province with one reporting city shows 85%以上 as 85%以上.</li>
 * <li>Every part exact: exact.</li>
 * <li>An 约 anywhere: 约.</li>
 * <li>近 together with an "over" (余, 多, 超, 以上): 约, since the errors may go either way.</li>
 * <li>Only 近 beside exact parts: 近.</li>
 * <li>Only "over" parts beside exact ones, and every qualified part has the same qualifier: the combination
 * keeps it (exact + 超 = 超, 以上 + 以上 = 以上, exact + 余 = 余). For a rate that qualifier must be 超 or 以上.</li>
 * <li>以上 mixed with 余, 多 or 超: 以上 ("at least"), the claim every part supports.</li>
 * <li>余, 多 and 超 mixed: 余 for a sum; 以上 for a rate.</li>
 * </ol>
 * A rate (a weighted mean, or an end of a range of rates) never acquires 余 or 多: "85余%" is not a way a
 * report writes a rate, and the mean of a rate that is at least 85% and one of 90% is at least their mean,
 * nothing more precise. A range of rates gives each end the qualifier of the part (or parts) at that end and
 * the range as a whole the rate qualifier of its two ends.
 */
final class QualifierAlgebra {

	private static final Set<Qualifier> OVER = EnumSet.of(Qualifier.YU, Qualifier.DUO, Qualifier.CHAO,
			Qualifier.YISHANG);

	private QualifierAlgebra() {
	}

	/** The qualifier of a sum (flows and stocks across sub-regions, a flow over years). */
	static Qualifier ofSum(List<Qualifier> parts) {
		return combine(parts, false);
	}

	/** The qualifier of a mean of rates, or of the ends of a range of rates. */
	static Qualifier ofRate(List<Qualifier> parts) {
		return combine(parts, true);
	}

	/**
	 * The qualifier of a figure divided by another (a count per 10,000 members): the numerator's where the
	 * divisor is exact (3万余人 per 40万 members is 750余人 per 10,000), else 约, since a qualified divisor moves
	 * the quotient the other way and its errors may go either way.
	 */
	static Qualifier ofRatio(Qualifier numerator, Qualifier divisor) {
		if (divisor.isExact()) {
			return numerator;
		}
		return Qualifier.YUE;
	}

	/**
	 * The qualifier of a weighted mean whose weights may move it ({@code up}, {@code down}, both or neither)
	 * beside what its rates say: nothing moves it, the rates' qualifier; it may only rise, with rates that
	 * are exact or "at least", 以上; it may only fall, with rates exact or nearly, 近; anything else, 约.
	 */
	static Qualifier ofWeightedMean(Qualifier rates, boolean up, boolean down) {
		if (!up && !down) {
			return rates;
		}
		if (up && !down && (rates.isExact() || "+".equals(rates.direction()))) {
			return rates.isExact() ? Qualifier.YISHANG : rates;
		}
		if (down && !up && (rates.isExact() || rates == Qualifier.JIN)) {
			return Qualifier.JIN;
		}
		return Qualifier.YUE;
	}

	private static Qualifier combine(List<Qualifier> parts, boolean rate) {
		if (parts.isEmpty()) {
			return Qualifier.EXACT;
		}
		if (parts.size() == 1) {
			return parts.get(0);
		}
		Set<Qualifier> qualified = EnumSet.noneOf(Qualifier.class);
		parts.stream().filter(q -> !q.isExact()).forEach(qualified::add);
		if (qualified.isEmpty()) {
			return Qualifier.EXACT;
		}
		if (qualified.contains(Qualifier.YUE)) {
			return Qualifier.YUE;
		}
		boolean nearly = qualified.contains(Qualifier.JIN);
		boolean over = qualified.stream().anyMatch(OVER::contains);
		if (nearly) {
			return over ? Qualifier.YUE : Qualifier.JIN;
		}
		if (qualified.size() == 1) {
			Qualifier only = qualified.iterator().next();
			return rate && only != Qualifier.CHAO && only != Qualifier.YISHANG ? Qualifier.YISHANG : only;
		}
		if (qualified.contains(Qualifier.YISHANG) || rate) {
			return Qualifier.YISHANG;
		}
		return Qualifier.YU;
	}

}
