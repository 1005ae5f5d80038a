package coop.mutua.catalog.web;

import coop.mutua.catalog.api.DeactivateMemberCommand;
import coop.mutua.catalog.api.EssFamily;
import coop.mutua.catalog.api.FindMemberQuery;
import coop.mutua.catalog.api.FindMembersQuery;
import coop.mutua.catalog.api.MemberSummary;
import coop.mutua.catalog.api.ReactivateMemberCommand;
import coop.mutua.catalog.application.UpdatingTheDirectory;
import coop.mutua.catalog.query.DirectoryQueries;
import coop.mutua.kernel.Actor;
import coop.mutua.kernel.DomainException;
import coop.mutua.kernel.MemberId;
import coop.mutua.kernel.NotFoundException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Coordinator pages for the member structures: list, register, edit, deactivate and reactivate. */
@Controller
@PreAuthorize("hasRole('COORDINATOR')")
class MembersPagesController {

    private final DirectoryQueries directory;
    private final UpdatingTheDirectory commands;

    MembersPagesController(DirectoryQueries directory, UpdatingTheDirectory commands) {
        this.directory = directory;
        this.commands = commands;
    }

    @InitBinder("memberForm")
    void publicFields(WebDataBinder binder) {
        binder.initDirectFieldAccess();
    }

    @ModelAttribute("essFamilies")
    EssFamily[] essFamilies() {
        return EssFamily.values();
    }

    @GetMapping("/members")
    String list(Actor actor, Model model) {
        model.addAttribute("members", directory.handle(new FindMembersQuery(actor.groupementId())));
        return "catalog/members";
    }

    @GetMapping("/members/new")
    String newMember(Model model) {
        model.addAttribute("memberForm", new MemberForm());
        model.addAttribute("memberId", null);
        return "catalog/member-form";
    }

    @PostMapping("/members")
    String register(Actor actor, @ModelAttribute("memberForm") MemberForm form, BindingResult errors, Model model,
                    RedirectAttributes redirect) {
        MemberId id = MemberId.random();
        if (FormErrors.rejectAll(errors, form.problems())) {
            model.addAttribute("memberId", null);
            return "catalog/member-form";
        }
        try {
            commands.send(form.toRegister(id, actor.groupementId()), id);
        } catch (DomainException refused) {
            FormErrors.reject(errors, refused);
            model.addAttribute("memberId", null);
            return "catalog/member-form";
        }
        redirect.addFlashAttribute("saved", form.name);
        return "redirect:/members";
    }

    @GetMapping("/members/{id}/edit")
    String edit(Actor actor, @PathVariable("id") MemberId id, Model model) {
        MemberSummary member = member(actor, id);
        model.addAttribute("memberForm", MemberForm.of(member));
        model.addAttribute("memberId", member.id());
        return "catalog/member-form";
    }

    @PostMapping("/members/{id}")
    String update(Actor actor, @PathVariable("id") MemberId id, @ModelAttribute("memberForm") MemberForm form,
                  BindingResult errors, Model model, RedirectAttributes redirect) {
        MemberSummary member = member(actor, id);
        if (FormErrors.rejectAll(errors, form.problems())) {
            model.addAttribute("memberId", member.id());
            return "catalog/member-form";
        }
        try {
            commands.send(form.toUpdate(member.id(), actor.groupementId()), member.id());
        } catch (DomainException refused) {
            FormErrors.reject(errors, refused);
            model.addAttribute("memberId", member.id());
            return "catalog/member-form";
        }
        redirect.addFlashAttribute("saved", form.name);
        return "redirect:/members";
    }

    @PostMapping("/members/{id}/deactivate")
    String deactivate(Actor actor, @PathVariable("id") MemberId id) {
        MemberSummary member = member(actor, id);
        commands.send(new DeactivateMemberCommand(member.id(), actor.groupementId()), member.id());
        return "redirect:/members";
    }

    @PostMapping("/members/{id}/reactivate")
    String reactivate(Actor actor, @PathVariable("id") MemberId id) {
        MemberSummary member = member(actor, id);
        commands.send(new ReactivateMemberCommand(member.id(), actor.groupementId()), member.id());
        return "redirect:/members";
    }

    private MemberSummary member(Actor actor, MemberId id) {
        return directory.handle(new FindMemberQuery(actor.groupementId(), id))
                .orElseThrow(() -> new NotFoundException("member", id));
    }
}
