package cn.hunan.mma.navigation.ranking;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class GeoPointTest {

    @Test
    void a_degree_of_latitude_is_about_111_km() {
        assertThat(new GeoPoint(27.0, 112.0).kilometresTo(new GeoPoint(28.0, 112.0))).isCloseTo(111.19, within(0.01));
    }

    @Test
    void a_degree_of_longitude_shrinks_with_the_cosine_of_the_latitude() {
        // At 60° N a degree of longitude is half a degree of latitude (to within the arc's curvature).
        assertThat(new GeoPoint(60.0, 10.0).kilometresTo(new GeoPoint(60.0, 11.0))).isCloseTo(55.6, within(0.1));
    }

    @Test
    void is_symmetric_and_zero_to_itself() {
        GeoPoint changsha = new GeoPoint(28.2282, 112.9388);
        GeoPoint xiangtan = new GeoPoint(27.8297, 112.9441);

        assertThat(changsha.kilometresTo(xiangtan)).isEqualTo(xiangtan.kilometresTo(changsha));
        assertThat(changsha.kilometresTo(changsha)).isZero();
    }
}
