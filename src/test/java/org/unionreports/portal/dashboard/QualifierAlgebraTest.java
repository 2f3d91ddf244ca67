package org.unionreports.portal.dashboard;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.unionreports.portal.shared.Qualifier;

import static org.assertj.core.api.Assertions.assertThat;

/** The qualifier algebra as a table: a case per rule, for sums and for rates. */
class QualifierAlgebraTest {

	@ParameterizedTest(name = "{0} of [{1}] is {2}: {3}")
	@CsvSource(delimiter = '|', textBlock = """
			sum  | 以上             | 以上  | one part keeps its qualifier
			sum  | 余               | 余    | one part keeps its qualifier
			sum  | 近               | 近    | one part keeps its qualifier
			rate | 以上             | 以上  | one rate keeps its qualifier
			rate | 余               | 余    | one rate keeps its qualifier, as its report wrote it
			sum  | exact exact      | exact | all exact
			rate | exact exact      | exact | all exact
			sum  | 约 exact         | 约    | 约 anywhere
			sum  | 余 约 以上       | 约    | 约 anywhere
			rate | 以上 约          | 约    | 约 anywhere
			sum  | 近 余            | 约    | 近 with an over
			sum  | 近 exact 超      | 约    | 近 with an over
			sum  | 近 以上          | 约    | 近 with an over
			rate | 近 以上          | 约    | 近 with an over
			sum  | 近 exact         | 近    | only 近 beside exact
			sum  | 近 近            | 近    | only 近 beside exact
			rate | 近 exact         | 近    | only 近 beside exact
			sum  | exact 余         | 余    | one over qualifier shared: kept
			sum  | 多 exact 多      | 多    | one over qualifier shared: kept
			sum  | 超 超            | 超    | one over qualifier shared: kept
			sum  | exact 以上       | 以上  | one over qualifier shared: kept
			rate | exact 以上       | 以上  | one over qualifier shared: kept
			rate | 超 exact         | 超    | one over qualifier shared: kept
			rate | 余 exact         | 以上  | a rate never acquires 余
			rate | 多 多            | 以上  | a rate never acquires 多
			sum  | 以上 余          | 以上  | 以上 mixed with 余: at least
			sum  | 以上 exact 超 多 | 以上  | 以上 mixed with other overs: at least
			rate | 以上 余          | 以上  | 以上 mixed with 余: at least
			sum  | 余 多            | 余    | 余 多 超 mixed: 余
			sum  | 超 exact 余      | 余    | 余 多 超 mixed: 余
			rate | 超 余            | 以上  | overs mixed in a rate: at least, never 余
			""")
	void combinesQualifiersByItsRules(String kind, String parts, String expected, String rule) {
		List<Qualifier> qualifiers = Arrays.stream(parts.split(" ")).map(code -> Qualifier.fromCode(code).orElseThrow())
			.toList();
		Qualifier combined = "rate".equals(kind) ? QualifierAlgebra.ofRate(qualifiers) : QualifierAlgebra.ofSum(qualifiers);
		assertThat(combined.code()).as(rule).isEqualTo(expected);
	}

}
