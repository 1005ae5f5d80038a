package coop.mutua.app.web;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.ListingId;
import coop.mutua.kernel.ListingRequestId;
import coop.mutua.kernel.MemberId;
import coop.mutua.kernel.Money;
import coop.mutua.kernel.ProductId;
import coop.mutua.kernel.Quantity;
import coop.mutua.kernel.RoundId;
import coop.mutua.kernel.SupplierId;
import coop.mutua.kernel.UnitPrice;
import coop.mutua.kernel.UserId;
import coop.mutua.kernel.VatRate;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;
import tools.jackson.databind.ser.std.ToStringSerializer;

/**
 * How kernel value types look in the REST API (API.md): ids as plain strings, amounts as "12.30", quantities, prices
 * and any other decimal as decimal strings, VAT rates as "5.5". Only the web's JSON: events keep their own stable
 * form. The OpenAPI document says the same ({@link OpenApiConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
public class ApiJsonConfiguration {

    private static final List<Class<?>> AS_STRINGS = List.of(GroupementId.class, MemberId.class, SupplierId.class,
            ProductId.class, RoundId.class, UserId.class, ListingId.class, ListingRequestId.class, Money.class, Quantity.class, UnitPrice.class, VatRate.class);

    @Bean
    JacksonModule kernelValuesAsStrings() {
        SimpleModule module = new SimpleModule("mutua-kernel-values");
        AS_STRINGS.forEach(type -> module.addSerializer(type, ToStringSerializer.instance));
        module.addSerializer(BigDecimal.class, new PlainDecimal());
        return module;
    }

    /** Other decimals (a fee percent, an invoice line's net price) as plain decimal strings too, never "1E+1". */
    static final class PlainDecimal extends StdSerializer<BigDecimal> {

        PlainDecimal() {
            super(BigDecimal.class);
        }

        @Override
        public void serialize(BigDecimal value, JsonGenerator generator, SerializationContext context) {
            generator.writeString(value.toPlainString());
        }
    }
}
