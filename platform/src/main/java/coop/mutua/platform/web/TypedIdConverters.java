package coop.mutua.platform.web;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.ListingId;
import coop.mutua.kernel.ListingRequestId;
import coop.mutua.kernel.MemberId;
import coop.mutua.kernel.NotFoundException;
import coop.mutua.kernel.ProductId;
import coop.mutua.kernel.MemberInvoiceId;
import coop.mutua.kernel.RoundId;
import coop.mutua.kernel.SupplierOrderId;
import coop.mutua.kernel.SupplierId;
import coop.mutua.kernel.UserId;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Path variables and request parameters typed as the kernel's ids ({@code @PathVariable("id") RoundId id}). An id that
 * cannot even be read (a blank one included) is simply not found: the converter refuses it with a {@link NotFoundException}, which the API and
 * the pages answer as any unknown object (404), through {@link #notFound(Throwable)}, the one place that says so.
 */
@Configuration
public class TypedIdConverters implements WebMvcConfigurer {

    @Override
    public void addFormatters(FormatterRegistry registry) {
        register(registry, GroupementId.class, "groupement", GroupementId::of);
        register(registry, MemberId.class, "member", MemberId::of);
        register(registry, SupplierId.class, "supplier", SupplierId::of);
        register(registry, ProductId.class, "product", ProductId::of);
        register(registry, RoundId.class, "round", RoundId::of);
        register(registry, UserId.class, "account", UserId::of);
        register(registry, SupplierOrderId.class, "supplier-order", SupplierOrderId::of);
        register(registry, MemberInvoiceId.class, "member-invoice", MemberInvoiceId::of);
        register(registry, ListingId.class, "listing", ListingId::of);
        register(registry, ListingRequestId.class, "listing-request", ListingRequestId::of);
    }

    private static <T> void register(FormatterRegistry registry, Class<T> type, String kind, Function<String, T> read) {
        registry.addConverter(String.class, type, (Converter<String, T>) text -> NotFoundException.unlessReadable(kind, text, read));
    }

    /** The unknown object behind a parameter that could not be converted, if that is why: for the 404 answer. */
    public static Optional<NotFoundException> notFound(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof NotFoundException notFound) {
                return Optional.of(notFound);
            }
        }
        return Optional.empty();
    }
}
