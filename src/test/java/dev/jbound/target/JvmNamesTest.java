package dev.jbound.target;

import dev.jbound.model.Attachability;

import dev.jbound.model.FoundJvm;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which JVMs a name means: exact names (class, simple class, jar) before parts of names. */
class JvmNamesTest {

    private static final FoundJvm MAIN = jvm(101, "com.shop.Main");
    private static final FoundJvm MAIN_LOOP = jvm(102, "com.shop.MainLoop");
    private static final FoundJvm JAR = jvm(103, "/opt/orders/orders-service.jar");
    private static final FoundJvm MODULE = jvm(104, "shop.billing/com.shop.billing.Billing");
    private static final FoundJvm UNKNOWN = jvm(105, "");
    private static final List<FoundJvm> ALL = List.of(MAIN, MAIN_LOOP, JAR, MODULE, UNKNOWN);

    @Test
    void aPartOfTheMainClassMatchesEveryJvmThatContainsIt() {
        assertThat(JvmNames.matching("com.shop", ALL)).containsExactly(MAIN, MAIN_LOOP, MODULE);
        assertThat(JvmNames.matching("Loop", ALL)).containsExactly(MAIN_LOOP);
        assertThat(JvmNames.matching("orders-serv", ALL)).containsExactly(JAR);
    }

    @Test
    void anExactSimpleNameWinsOverLongerNamesThatContainIt() {
        assertThat(JvmNames.matching("Main", ALL)).containsExactly(MAIN);
        assertThat(JvmNames.matching("com.shop.Main", ALL)).containsExactly(MAIN);
        assertThat(JvmNames.matching("Billing", ALL)).containsExactly(MODULE);
    }

    @Test
    void aJarMatchesByItsFileNameWithOrWithoutDotJar() {
        assertThat(JvmNames.matching("orders-service.jar", ALL)).containsExactly(JAR);
        assertThat(JvmNames.matching("orders-service", ALL)).containsExactly(JAR);
    }

    @Test
    void severalExactMatchesAreAllReturned() {
        FoundJvm twin = jvm(201, "com.shop.Main");
        assertThat(JvmNames.matching("Main", List.of(MAIN, twin, MAIN_LOOP))).containsExactly(MAIN, twin);
    }

    @Test
    void matchingIsCaseSensitiveAndAnUnknownMainClassNeverMatches() {
        assertThat(JvmNames.matching("main", ALL)).isEmpty();
        assertThat(JvmNames.matching("", List.of(UNKNOWN))).isEmpty();
    }

    @Test
    void simpleNames() {
        assertThat(MAIN.simpleName()).isEqualTo("Main");
        assertThat(JAR.simpleName()).isEqualTo("orders-service.jar");
        assertThat(MODULE.simpleName()).isEqualTo("Billing");
        assertThat(jvm(1, "Plain").simpleName()).isEqualTo("Plain");
    }

    private static FoundJvm jvm(long pid, String mainClass) {
        return new FoundJvm(pid, 1000, "app", mainClass, true, Attachability.ATTACHABLE);
    }
}
