package org.unionreports.portal.dashboard;

import java.math.BigDecimal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.unionreports.portal.dashboard.Aggregation.Combined;
import org.unionreports.portal.shared.Qualifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When a region's own total and its sub-regions' disagree, by what their qualifiers allow: the table a
 * reconciliation flag follows.
 */
class AgreementTest {

	private static Combined value(String number, String qualifier) {
		return new Combined(new BigDecimal(number), Qualifier.fromCode(qualifier).orElseThrow());
	}

	@ParameterizedTest(name = "{0}{1} and {2}{3}: agree {4}")
	@CsvSource({
			// exact against exact: only the same number
			"1000, exact, 1000, exact, true", "1000, exact, 999, exact, false",
			// 3万余 is over 30,000: 31,234 fits, 29,000 does not
			"30000, 余, 31234, exact, true", "30000, 余, 29000, exact, false", "31234, exact, 30000, 余, true",
			// 近3万 is just under 30,000: 29,500 fits, 30,500 does not
			"30000, 近, 29500, exact, true", "30000, 近, 30500, exact, false",
			// 约 agrees with what is near it: never a flag
			"30000, 约, 26000, exact, true",
			// two "over" figures can both be true whichever is larger; "over" and "nearly" only in order
			"30000, 余, 25000, 以上, true", "30000, 余, 35000, 近, true", "30000, 近, 25000, 余, true",
			// a rate to the precision the report wrote: 85.3% and a mean of 85.27%
			"85.3, exact, 85.27, exact, true", "85.3, exact, 85.12, exact, false" })
	void qualifiedFiguresAgreeWhereBothCanBeTrue(String a, String qa, String b, String qb, boolean agree) {
		assertThat(Agreement.agree(value(a, qa), value(b, qb))).isEqualTo(agree);
	}

	@ParameterizedTest(name = "part {0}{1} above whole {2}{3}: {4}")
	@CsvSource({ "1500, exact, 1000, exact, true", "900, exact, 1000, exact, false", "1500, exact, 1000, 余, false",
			"1500, 近, 1000, exact, false", "1500, 余, 1000, exact, true", "1500, exact, 1000, 约, false" })
	void aPartIsAboveItsWholeOnlyWhenCertainlySo(String part, String qp, String whole, String qw, boolean exceeds) {
		assertThat(Agreement.exceeds(value(part, qp), value(whole, qw))).isEqualTo(exceeds);
	}

}
