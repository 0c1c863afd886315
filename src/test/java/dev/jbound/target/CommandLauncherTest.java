package dev.jbound.target;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How jbound's option joins the user's JAVA_TOOL_OPTIONS. */
class CommandLauncherTest {

    @Test
    void theOptionFollowsTheUsersOwnWhichStayAsTheyWere() {
        assertThat(CommandLauncher.appendOption(null, "-agentpath:/a.so=start")).isEqualTo("-agentpath:/a.so=start");
        assertThat(CommandLauncher.appendOption("  ", "-agentpath:/a.so=start")).isEqualTo("-agentpath:/a.so=start");
        assertThat(CommandLauncher.appendOption("-Xmx1g \"-Dname=a b\" ", "-agentpath:/a.so=start"))
                .isEqualTo("-Xmx1g \"-Dname=a b\" -agentpath:/a.so=start");
    }

    @Test
    void anOptionWithSpacesIsQuotedAsTheJvmSplitsAtWhiteSpace() {
        assertThat(CommandLauncher.quote("-agentpath:/home/John Smith/a.so=start")).isEqualTo("\"-agentpath:/home/John Smith/a.so=start\"");
        assertThat(CommandLauncher.quote("-Dx=say \"hi\"")).isEqualTo("'-Dx=say \"hi\"'");
        assertThatThrownBy(() -> CommandLauncher.quote("-Dx='a' \"b\"")).isInstanceOf(IllegalArgumentException.class);
    }
}
