package dev.jbound.analyze;

import dev.jbound.model.ThreadState;

import static org.assertj.core.api.Assertions.assertThat;

/** One realistic stack (innermost first, see {@link StackFixtures}) and what it must classify as. */
record ClassifierCase(String name, ThreadState state, String site, String rule, String[] frames) {

    void check(FrameClassifier classifier) {
        Classification result = classifier.classify(StackFixtures.stack(frames));
        assertThat(result.state()).as("state").isEqualTo(state);
        assertThat(result.site()).as("site").isNotNull();
        assertThat(result.site().qualifiedName()).as("site").isEqualTo(site);
        assertThat(result.rule()).as("rule").isEqualTo(rule);
    }

    @Override
    public String toString() {
        return name;
    }
}
