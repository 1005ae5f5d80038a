package coop.mutua.app.account.web;

import coop.mutua.app.account.Account;
import coop.mutua.app.account.Groupements.Registration;
import coop.mutua.app.account.Groupements;
import coop.mutua.app.account.Invitations.Invitation;
import coop.mutua.app.account.Invitations;
import coop.mutua.app.security.CurrentActor;
import coop.mutua.catalog.api.VatRegime;
import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The operator's API: groupements registered while the application runs, and their coordinators invited. */
@RestController
@PreAuthorize("hasRole('OPERATOR')")
@Tag(name = "Operator", description = "Groupements of the platform (operator only; nothing inside them)")
class OperatorApiController {

    /** A groupement as the operator sees it: its identity and how many people have access. */
    record PlatformGroupement(String id, String name, String siret, String contactEmail, int activeAccounts,
                              int pendingInvitations) {
    }

    /** The first coordinator to invite. */
    record CoordinatorInvitation(String name, String email, String language) {
    }

    /** A groupement to register, with its first coordinator. */
    record GroupementRegistration(String name, String siret, String contactEmail, VatRegime vatRegime, String vatNumber,
                                  String street, String postalCode, String city, Double hubLatitude, Double hubLongitude,
                                  CoordinatorInvitation coordinator) {
    }

    /** The invitation made: the link only when no mail could carry it. */
    record CoordinatorInvited(String groupementId, String userId, String email, boolean mailed, String link, Instant expiresAt) {
        static CoordinatorInvited of(GroupementId groupementId, Invitation invitation) {
            return new CoordinatorInvited(groupementId.value(), invitation.accountId().value(), invitation.email(),
                    invitation.mailed(), invitation.link(), invitation.expiresAt());
        }
    }

    private final Groupements groupements;

    OperatorApiController(Groupements groupements) {
        this.groupements = groupements;
    }

    @GetMapping("/api/groupements")
    @Operation(summary = "Every groupement of the platform, with its count of active accounts and pending invitations")
    List<PlatformGroupement> list() {
        return groupements.list().stream().map(listed -> new PlatformGroupement(listed.groupement().id().value(),
                listed.groupement().name(), listed.groupement().siret(), listed.groupement().contactEmail(),
                listed.activeAccounts(), listed.pendingInvitations())).toList();
    }

    @PostMapping("/api/groupements")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register a groupement and invite its first coordinator (e-mail with a single-use link)")
    ResponseEntity<CoordinatorInvited> register(@RequestBody GroupementRegistration registration, HttpServletRequest http) {
        CoordinatorInvitation coordinator = registration.coordinator() == null
                ? new CoordinatorInvitation(null, null, null) : registration.coordinator();
        Invitation invitation = groupements.register(new Registration(registration.name(), registration.siret(),
                        registration.contactEmail(), registration.vatRegime(), registration.vatNumber(), registration.street(),
                        registration.postalCode(), registration.city(), registration.hubLatitude(), registration.hubLongitude()),
                coordinator.name(), coordinator.email(),
                locale(coordinator.language()), operator(), http.getRemoteAddr());
        GroupementId id = groupementOf(invitation);
        return ResponseEntity.status(HttpStatus.CREATED).body(CoordinatorInvited.of(id, invitation));
    }

    @PostMapping("/api/groupements/{id}/coordinators")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Invite one more coordinator of a groupement")
    ResponseEntity<CoordinatorInvited> inviteCoordinator(@PathVariable("id") String id, @RequestBody CoordinatorInvitation invitation,
                                                         HttpServletRequest http) {
        GroupementId groupementId = NotFoundException.unlessReadable("groupement", id, GroupementId::of);
        Invitation made = groupements.inviteCoordinator(groupementId, invitation.name(), invitation.email(),
                locale(invitation.language()), operator(), http.getRemoteAddr());
        return ResponseEntity.status(HttpStatus.CREATED).body(CoordinatorInvited.of(groupementId, made));
    }

    private GroupementId groupementOf(Invitation invitation) {
        return groupements.groupementOf(invitation.accountId());
    }

    private static Locale locale(String language) {
        return Invitations.language(language);
    }

    private static Account operator() {
        return CurrentActor.account().orElseThrow();
    }
}
