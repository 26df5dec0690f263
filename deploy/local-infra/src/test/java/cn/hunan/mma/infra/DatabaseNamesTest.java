package cn.hunan.mma.infra;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DatabaseNamesTest {

    @Test
    void turns_an_application_name_into_a_plain_identifier() {
        assertThat(DatabaseNames.identifier("Referral-Service")).isEqualTo("referral_service");
        assertThat(DatabaseNames.identifier("3rd.party")).isEqualTo("_3rd_party");
    }
}
