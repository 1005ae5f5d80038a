package coop.mutua.catalog.web;

import coop.mutua.catalog.api.Address;
import coop.mutua.catalog.api.EssFamily;
import coop.mutua.catalog.api.MemberSummary;
import coop.mutua.catalog.api.RegisterMemberCommand;
import coop.mutua.catalog.api.UpdateMemberCommand;
import coop.mutua.catalog.domain.IdentityRules;
import coop.mutua.kernel.DomainException;
import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.MemberId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A member structure as the coordinator types it (page form and API body alike). */
public class MemberForm {

    public String name;
    public String siret;
    public String vatNumber;
    public EssFamily essFamily;
    public AddressForm billingAddress = new AddressForm();
    /** Left empty: deliveries go to the billing address. */
    public AddressForm deliveryAddress = new AddressForm();
    public String contactEmail;

    static MemberForm of(MemberSummary member) {
        MemberForm form = new MemberForm();
        form.name = member.name();
        form.siret = member.siret();
        form.vatNumber = member.vatNumber();
        form.essFamily = member.essFamily();
        form.billingAddress = AddressForm.of(member.billingAddress());
        form.deliveryAddress = member.deliveryAddress().equals(member.billingAddress()) ? new AddressForm()
                : AddressForm.of(member.deliveryAddress());
        form.contactEmail = member.contactEmail();
        return form;
    }

    /** Every refusal of the identity and addresses, at once (the command stops at the first). */
    List<DomainException> problems() {
        Map<String, Address> addresses = new LinkedHashMap<>();
        addresses.put("billingAddress", billing());
        if (delivery() != null) {
            addresses.put("deliveryAddress", delivery());
        }
        List<DomainException> found = new ArrayList<>(
                IdentityRules.identityProblems(name, siret, vatNumber, contactEmail, "contactEmail", addresses));
        if (essFamily == null) {
            found.add(new DomainException("field.required", "essFamily"));
        }
        return found;
    }

    RegisterMemberCommand toRegister(MemberId id, GroupementId groupementId) {
        return new RegisterMemberCommand(id, groupementId, name, siret, vatNumber, essFamily, billing(), delivery(), contactEmail);
    }

    UpdateMemberCommand toUpdate(MemberId id, GroupementId groupementId) {
        return new UpdateMemberCommand(id, groupementId, name, siret, vatNumber, essFamily, billing(), delivery(), contactEmail);
    }

    private Address billing() {
        return billingAddress == null ? null : billingAddress.toAddress();
    }

    private Address delivery() {
        return deliveryAddress == null || deliveryAddress.isBlank() ? null : deliveryAddress.toAddress();
    }
}
