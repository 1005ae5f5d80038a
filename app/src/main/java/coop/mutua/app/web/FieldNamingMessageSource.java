package coop.mutua.app.web;

import java.util.Locale;
import java.util.Set;
import org.springframework.boot.autoconfigure.context.MessageSourceProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The application's messages (spring.messages.*), with one addition: a refusal that names a field ("field.required",
 * "address.postal-code"...) names it as the user knows it, in the user's language ("Coordonnées GPS", not "location"),
 * wherever it is shown (forms, pages, API problem documents). The names are the bundles' "field-name.*" entries; a
 * field without one keeps its technical name. Likewise the kind of object a "not-found" names ("kind.*" entries).
 */
@Configuration(proxyBeanMethods = false)
class FieldNamingMessageSource {

    /** Codes whose first argument is a field's path. */
    static final Set<String> FIELD_CODES = Set.of("field.required", "field.too-long", "field.email", "field.positive",
            "field.negative", "field.amount", "field.characters", "field.date-range", "field.too-large", "address.postal-code", "address.country",
            "date.invalid", "order.id-mismatch");

    @Bean
    @ConfigurationProperties("spring.messages")
    MessageSourceProperties messageSourceProperties() {
        return new MessageSourceProperties();
    }

    @Bean
    MessageSource messageSource(MessageSourceProperties properties) {
        ResourceBundleMessageSource source = new NamingFields();
        source.setBasenames(properties.getBasename().toArray(String[]::new));
        source.setDefaultEncoding(properties.getEncoding().name());
        source.setFallbackToSystemLocale(properties.isFallbackToSystemLocale());
        source.setAlwaysUseMessageFormat(properties.isAlwaysUseMessageFormat());
        source.setUseCodeAsDefaultMessage(properties.isUseCodeAsDefaultMessage());
        return source;
    }

    private static final class NamingFields extends ResourceBundleMessageSource {
        @Override
        protected String getMessageInternal(String code, Object[] args, Locale locale) {
            if (code != null && FIELD_CODES.contains(code) && args != null && args.length > 0 && args[0] instanceof String field) {
                Object[] named = args.clone();
                // The default (the field's own name) goes through MessageFormat too: quoted, so that a name sent by a
                // client ("{x", an apostrophe) is shown as it is instead of breaking the message.
                named[0] = new DefaultMessageSourceResolvable(new String[] {"field-name." + field}, "'" + field.replace("'", "''") + "'");
                return super.getMessageInternal(code, named, locale);
            }
            if ("not-found".equals(code) && args != null && args.length > 0 && args[0] instanceof String kind) {
                // "Introuvable : campagne d'achat …", not the code's English kind ("round").
                Object[] named = args.clone();
                named[0] = new DefaultMessageSourceResolvable(new String[] {"kind." + kind}, "'" + kind.replace("'", "''") + "'");
                return super.getMessageInternal(code, named, locale);
            }
            return super.getMessageInternal(code, args, locale);
        }
    }
}
