package coop.mutua.app.web;

import jakarta.servlet.SessionCookieConfig;
import java.net.URI;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * With {@code MUTUA_PUBLIC_URL} configured, requests take their address from it (PublicAddressFilter, first of all filters,
 * before Spring Security) and, when it is https, the session cookie is Secure.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(PublicAddressConfiguration.PublicUrlSet.class)
class PublicAddressConfiguration {

    @Bean
    FilterRegistrationBean<PublicAddressFilter> publicAddress(Environment environment) {
        FilterRegistrationBean<PublicAddressFilter> registration = new FilterRegistrationBean<>(new PublicAddressFilter(publicUrl(environment)));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    @Bean
    ServletContextInitializer secureSessionCookie(Environment environment) {
        boolean https = "https".equals(publicUrl(environment).getScheme());
        return context -> {
            SessionCookieConfig cookie = context.getSessionCookieConfig();
            if (https) {
                cookie.setSecure(true);
            }
        };
    }

    static URI publicUrl(Environment environment) {
        URI url = URI.create(environment.getProperty("mutua.public-url", "").strip());
        if (url.getScheme() == null || url.getHost() == null || !(url.getScheme().equals("https") || url.getScheme().equals("http"))) {
            throw new IllegalStateException("MUTUA_PUBLIC_URL must be an http(s) address such as https://achats.example.org, not: " + url);
        }
        return url;
    }

    static class PublicUrlSet implements Condition {
        @Override
        public boolean matches(ConditionContext context,
                               AnnotatedTypeMetadata metadata) {
            return !context.getEnvironment().getProperty("mutua.public-url", "").isBlank();
        }
    }
}
