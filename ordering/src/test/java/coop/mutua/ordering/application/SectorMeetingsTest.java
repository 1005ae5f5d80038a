package coop.mutua.ordering.application;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SectorMeetingsTest {

    @Test
    void aPostalCodeGivesItsDepartment() {
        assertThat(SectorMeetings.department("33000")).isEqualTo("33");
        assertThat(SectorMeetings.department("01000")).isEqualTo("01");
        assertThat(SectorMeetings.department("20000")).isEqualTo("2A");
        assertThat(SectorMeetings.department("20167")).isEqualTo("2A");
        assertThat(SectorMeetings.department("20200")).isEqualTo("2B");
        assertThat(SectorMeetings.department("97400")).isEqualTo("974");
        assertThat(SectorMeetings.department("98800")).isEqualTo("988");
        assertThat(SectorMeetings.department("3300")).isNull();
        assertThat(SectorMeetings.department(null)).isNull();
    }
}
