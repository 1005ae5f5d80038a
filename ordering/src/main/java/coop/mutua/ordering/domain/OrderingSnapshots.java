package coop.mutua.ordering.domain;

import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** When ordering's aggregates are snapshotted. */
@Configuration(proxyBeanMethods = false)
class OrderingSnapshots {

    static final String MEMBER_ORDER_TRIGGER = "memberOrderSnapshotTrigger";
    static final int MEMBER_ORDER_EVENTS = 20;

    @Bean(MEMBER_ORDER_TRIGGER)
    SnapshotTriggerDefinition memberOrderSnapshotTrigger(Snapshotter snapshotter) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, MEMBER_ORDER_EVENTS);
    }
}
