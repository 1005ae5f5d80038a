package coop.mutua.catalog.web;

import coop.mutua.catalog.api.DeactivateMemberCommand;
import coop.mutua.catalog.api.FindMemberQuery;
import coop.mutua.catalog.api.FindMembersQuery;
import coop.mutua.catalog.api.MemberSummary;
import coop.mutua.catalog.api.ReactivateMemberCommand;
import coop.mutua.catalog.application.UpdatingTheDirectory;
import coop.mutua.catalog.query.DirectoryQueries;
import coop.mutua.kernel.Actor;
import coop.mutua.kernel.MemberId;
import coop.mutua.kernel.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/members")
@PreAuthorize("hasRole('COORDINATOR')")
@Tag(name = "Members", description = "Member structures of the caller's groupement (coordinators)")
class MembersApiController {

    private final DirectoryQueries directory;
    private final UpdatingTheDirectory commands;

    MembersApiController(DirectoryQueries directory, UpdatingTheDirectory commands) {
        this.directory = directory;
        this.commands = commands;
    }

    @GetMapping
    @Operation(summary = "Member structures, by name")
    List<MemberSummary> list(@Parameter(hidden = true) Actor actor) {
        return directory.handle(new FindMembersQuery(actor.groupementId()));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One member structure")
    MemberSummary get(@Parameter(hidden = true) Actor actor, @PathVariable("id") MemberId id) {
        return member(actor, id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register a member structure",
            description = "Repeating the request with the same Idempotency-Key returns the structure registered the first time.")
    ResponseEntity<MemberSummary> register(@Parameter(hidden = true) Actor actor, @RequestBody MemberForm body,
                                           @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        MemberId id = idempotencyKey == null || idempotencyKey.isBlank() ? MemberId.random()
                : MemberId.of(IdempotencyKeys.id(actor, "members", idempotencyKey));
        if (directory.handle(new FindMemberQuery(actor.groupementId(), id)).isEmpty()) {
            commands.send(body.toRegister(id, actor.groupementId()), id);
        }
        return ResponseEntity.created(URI.create("/api/members/" + id)).body(member(actor, id));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace a member structure's identity and addresses")
    MemberSummary update(@Parameter(hidden = true) Actor actor, @PathVariable("id") MemberId id, @RequestBody MemberForm body) {
        MemberSummary member = member(actor, id);
        commands.send(body.toUpdate(member.id(), actor.groupementId()), member.id());
        return member(actor, id);
    }

    @PostMapping("/{id}/deactivate")
    @Operation(summary = "Stop a member structure from ordering")
    MemberSummary deactivate(@Parameter(hidden = true) Actor actor, @PathVariable("id") MemberId id) {
        MemberSummary member = member(actor, id);
        commands.send(new DeactivateMemberCommand(member.id(), actor.groupementId()), member.id());
        return member(actor, id);
    }

    @PostMapping("/{id}/reactivate")
    @Operation(summary = "Let a member structure order again")
    MemberSummary reactivate(@Parameter(hidden = true) Actor actor, @PathVariable("id") MemberId id) {
        MemberSummary member = member(actor, id);
        commands.send(new ReactivateMemberCommand(member.id(), actor.groupementId()), member.id());
        return member(actor, id);
    }

    private MemberSummary member(Actor actor, MemberId id) {
        return directory.handle(new FindMemberQuery(actor.groupementId(), id))
                .orElseThrow(() -> new NotFoundException("member", id));
    }
}
