package org.unionreports.portal.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PeriodTest {

	@Test
	void readsAYearAndASpanAndWritesThemBack() {
		assertThat(Period.parse("2022")).isEqualTo(Period.year(2022));
		assertThat(Period.parse("2018-2022")).isEqualTo(new Period(2018, 2022));
		assertThat(Period.parse("2018—2022年")).isEqualTo(new Period(2018, 2022));
		assertThat(new Period(2018, 2022)).hasToString("2018-2022");
		assertThat(Period.year(2022)).hasToString("2022");
	}

	@Test
	void refusesAPeriodThatEndsBeforeItStarts() {
		assertThatThrownBy(() -> Period.parse("2022-2018")).hasMessageContaining("cannot end before it starts");
		assertThatThrownBy(() -> Period.parse("22")).hasMessageContaining("not a period");
	}

}
