package io.pluginplatform.common.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void generatesThePrefixADashAndTwelveLowerCaseHexDigits() {
        assertThat(Ids.generate("repo")).matches("repo-[0-9a-f]{12}");
        assertThat(Ids.generate("supervisor")).matches("supervisor-[0-9a-f]{12}");
    }

    @Test
    void hasTheShapeOfTheSeedIdentifiers() {
        assertThat(Ids.generate("repo")).hasSameSizeAs("repo-123456789012");
    }

    @Test
    void generatesDistinctIdentifiers() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(Ids.generate("repo"));
        }

        assertThat(ids).hasSize(10_000);
    }

    @Test
    void rejectsAPrefixThatWouldMakeAnUnreadableIdentifier() {
        assertThatIllegalArgumentException().isThrownBy(() -> Ids.generate(""));
        assertThatIllegalArgumentException().isThrownBy(() -> Ids.generate("Repo"));
        assertThatIllegalArgumentException().isThrownBy(() -> Ids.generate("repo-"));
        assertThatIllegalArgumentException().isThrownBy(() -> Ids.generate(null));
    }
}
