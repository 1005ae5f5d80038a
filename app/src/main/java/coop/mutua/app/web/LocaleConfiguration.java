package coop.mutua.app.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * French first: a language chosen on the page (cookie) wins, then the browser's Accept-Language if it asks for
 * English, otherwise French.
 */
@Configuration(proxyBeanMethods = false)
public class LocaleConfiguration {

    static final List<Locale> SUPPORTED = List.of(Locale.FRENCH, Locale.ENGLISH);
    static final String COOKIE = "mutua-lang";

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver(COOKIE);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setDefaultLocaleFunction(request -> {
            String header = request.getHeader("Accept-Language");
            if (header == null || header.isBlank()) {
                return Locale.FRENCH;
            }
            try {
                Locale best = Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED);
                return best != null ? best : Locale.FRENCH;
            } catch (IllegalArgumentException malformed) {
                return Locale.FRENCH;
            }
        });
        return resolver;
    }
}
