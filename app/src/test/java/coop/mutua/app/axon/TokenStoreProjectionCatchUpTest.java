package coop.mutua.app.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.junit.jupiter.api.Test;

/**
 * Read-your-writes waits until the projection has handled the very event: a token past it is not enough when the event
 * is one of its gaps (a transaction that took a lower index committed after higher ones: the projection has not seen
 * it yet). Found by the deadline rush benchmark: members registered four at a time were answered 404.
 */
class TokenStoreProjectionCatchUpTest {

    @Test
    void anEventInTheTokensGapsIsNotHandledYet() {
        GapAwareTrackingToken token = GapAwareTrackingToken.newInstance(10, Set.of(7L, 8L));
        assertThat(TokenStoreProjectionCatchUp.handled(token, 7)).isFalse();
        assertThat(TokenStoreProjectionCatchUp.handled(token, 8)).isFalse();
        assertThat(TokenStoreProjectionCatchUp.handled(token, 6)).isTrue();
        assertThat(TokenStoreProjectionCatchUp.handled(token, 9)).isTrue();
        assertThat(TokenStoreProjectionCatchUp.handled(token, 10)).isTrue();
        assertThat(TokenStoreProjectionCatchUp.handled(token, 11)).isFalse();
    }

    @Test
    void aReplayingProjectionHasHandledWhatItsCurrentPositionCovers() {
        GapAwareTrackingToken reset = GapAwareTrackingToken.newInstance(20, Set.of());
        GapAwareTrackingToken current = GapAwareTrackingToken.newInstance(10, Set.of(7L));
        var replaying = ReplayToken.createReplayToken(reset, current);
        assertThat(TokenStoreProjectionCatchUp.handled(replaying, 7)).isFalse();
        assertThat(TokenStoreProjectionCatchUp.handled(replaying, 9)).isTrue();
        assertThat(TokenStoreProjectionCatchUp.handled(replaying, 15)).isFalse();
        assertThat(TokenStoreProjectionCatchUp.handled(new GlobalSequenceTrackingToken(5), 5)).isTrue();
        assertThat(TokenStoreProjectionCatchUp.handled(new GlobalSequenceTrackingToken(5), 6)).isFalse();
    }
}
