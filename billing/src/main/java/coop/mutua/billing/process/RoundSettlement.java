package coop.mutua.billing.process;

import coop.mutua.billing.api.CreditNoteIssuedEvent;
import coop.mutua.billing.api.MemberInvoicePaidEvent;
import coop.mutua.billing.query.MemberInvoiceQueries;
import coop.mutua.kernel.ConflictException;
import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.RoundId;
import coop.mutua.ordering.api.PurchaseRoundInvoicedEvent;
import coop.mutua.ordering.api.RecordRoundSettledCommand;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A round is SETTLED once every member invoice is paid or cancelled by a credit note. Checked after each payment and
 * credit note, and when the round becomes INVOICED (payments may come in while the invoicing job still runs). Member
 * invoices are written in their events' transactions, so when this tracking processor sees an event, the table already
 * holds it and every earlier one: of two payments committed together, the later one seen settles the round. A processing
 * group of its own: an invoice whose mail failed (dead-lettered in billing-process) must not hold back its payment here.
 */
@Component
@ProcessingGroup("billing-settlement")
class RoundSettlement {

    private static final Logger log = LoggerFactory.getLogger(RoundSettlement.class);

    private final MemberInvoiceQueries invoices;
    private final CommandGateway commands;

    RoundSettlement(MemberInvoiceQueries invoices, CommandGateway commands) {
        this.invoices = invoices;
        this.commands = commands;
    }

    @EventHandler
    void on(MemberInvoicePaidEvent event) {
        invoices.settledRoundOf(event.invoiceId()).ifPresent(round -> settle(event.groupementId(), round));
    }

    @EventHandler
    void on(CreditNoteIssuedEvent event) {
        invoices.settledRoundOf(event.invoiceId()).ifPresent(round -> settle(event.groupementId(), round));
    }

    @EventHandler
    void on(PurchaseRoundInvoicedEvent event) {
        if (invoices.settled(event.roundId())) {
            settle(event.groupementId(), event.roundId());
        }
    }

    private void settle(GroupementId groupementId, RoundId roundId) {
        try {
            commands.sendAndWait(new RecordRoundSettledCommand(roundId, groupementId));
        } catch (ConflictException notInvoicedYet) {
            // Paid while the invoicing job still runs: the round settles when it becomes INVOICED.
            log.debug("Round {} not settled yet: {}", roundId, notInvoicedYet.code());
        }
    }
}
