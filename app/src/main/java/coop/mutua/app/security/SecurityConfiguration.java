package coop.mutua.app.security;

import coop.mutua.app.account.Accounts;
import coop.mutua.app.account.ApiTokens;
import coop.mutua.app.account.CredentialsChanged;
import coop.mutua.app.account.LoginAttempts;
import coop.mutua.app.account.TwoFactor;
import coop.mutua.app.problems.FilterProblems;
import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Two doors to the same accounts: HTTP Basic (stateless, no CSRF: no cookie to ride on) for API clients under
 * {@code /api}, and a form login with a session and CSRF protection for the pages. Rules per operation are in the
 * controllers ({@code @PreAuthorize}); here only who must be logged in at all.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
public class SecurityConfiguration {

    private final ObjectProvider<GuardedAuthenticationProvider> provider;

    SecurityConfiguration(ObjectProvider<GuardedAuthenticationProvider> provider) {
        this.provider = provider;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * The only way in: accounts from the database, checked with the delegating encoder, verified logins remembered
     * for a few minutes, their account reloaded at most every second. Deliberately no UserDetailsService bean, so that
     * Spring Security builds no second, uncached provider beside this one.
     */
    @Bean
    GuardedAuthenticationProvider authenticationProvider(Accounts accounts, TwoFactor twoFactor, LoginAttempts attempts,
                                                  ApiTokens tokens,
                                                  PasswordEncoder passwordEncoder, Clock clock,
                                                  @Value("${mutua.security.remember-credentials:5m}") Duration ttl,
                                                  @Value("${mutua.security.recheck-account:1s}") Duration recheck) {
        UserDetailsService users = username -> accounts.findByUsername(username)
                .filter(account -> account.passwordHash() != null)
                .map(account -> new MutuaUser(account, twoFactor.requiredAtLogin(account)))
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
        UserDetailsPasswordService upgrades = (user, newHash) -> {
            accounts.rehash(user.getUsername(), newHash);
            return users.loadUserByUsername(user.getUsername());
        };
        return new GuardedAuthenticationProvider(
                new CachingAuthenticationProvider(users, passwordEncoder, upgrades, ttl, recheck, clock), attempts, tokens);
    }

    /** A password changed or an account disabled on this node: its remembered logins are forgotten at once. */
    @EventListener
    void forgetRememberedLogins(CredentialsChanged changed) {
        // The provider bean is looked up lazily: this configuration is what creates it.
        provider.getIfAvailable().forget(changed.username());
    }

    /** Spring Security's strict firewall, its header checks made without regular expressions (see HeaderCharacters). */
    @Bean
    StrictHttpFirewall httpFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(HeaderCharacters.NAME);
        firewall.setAllowedHeaderValues(HeaderCharacters.VALUE);
        return firewall;
    }

    /**
     * No observation of the security filters, authentications and authorizations: they told little (the HTTP request is
     * observed anyway) and, even switched off by {@code management.observations.enable.spring.security}, every filter
     * of every request was still wrapped in an observing decorator.
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    WebSecurityCustomizer useOurFirewall(StrictHttpFirewall httpFirewall) {
        return web -> web.httpFirewall(httpFirewall);
    }

    /**
     * A request the firewall refuses (an encoded slash or period, a semicolon, a NUL in the path...) is a 400: for the API a
     * problem document like any other refusal, for pages the error page (it was Boot's error JSON for everything).
     */
    @Bean
    RequestRejectedHandler requestRejectedHandler(FilterProblems problems) {
        return (request, response, rejected) -> problems.refuse(request, response, 400, "request.unreadable", null);
    }

    /**
     * The actuator: health (the probes) for anyone; everything else (metrics, Prometheus, info, the index) for operators
     * only, by page session or HTTP Basic (a scraper uses an operator account or its API token).
     */
    @Bean
    @Order(0)
    SecurityFilterChain actuator(HttpSecurity http, Accounts accounts, FilterProblems problems) throws Exception {
        ApiAuthenticationEntryPoint entryPoint = new ApiAuthenticationEntryPoint(problems);
        return http
                .securityMatcher("/actuator", "/actuator/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .anyRequest().hasRole("OPERATOR"))
                .httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(ApiAuthenticationEntryPoint.forbidden(problems)))
                .csrf(csrf -> csrf.disable())
                .addFilterAfter(new SessionValidity(accounts, entryPoint), SecurityContextHolderFilter.class)
                .headers(SecurityConfiguration::privacyHeaders)
                .build();
    }

    /**
     * No address of Mutua (invitation and reset links carry a token) leaves as a referrer, and no page may use the camera,
     * the microphone, the location or payments. HSTS is Spring Security's default on https requests (see PublicAddressFilter).
     */
    static void privacyHeaders(HeadersConfigurer<HttpSecurity> headers) {
        headers.referrerPolicy(referrer -> referrer.policy(
                        ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy",
                        "camera=(), microphone=(), geolocation=(), payment=(), usb=()"));
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, Accounts accounts, FilterProblems problems) throws Exception {
        ApiAuthenticationEntryPoint entryPoint = new ApiAuthenticationEntryPoint(problems);
        return http
                .securityMatcher("/api/**")
                .headers(SecurityConfiguration::privacyHeaders)
                // The dispatch that finishes a streamed download (an export written as it is read, Downloads.stream)
                // belongs to a request already authorized; it carries no credentials of its own.
                .authorizeHttpRequests(requests -> requests.dispatcherTypeMatchers(DispatcherType.ASYNC).permitAll()
                        // The network directory is public (ADR 22): it holds listings only, nothing of a groupement's own.
                        .requestMatchers(HttpMethod.GET, "/api/network/**").permitAll()
                        // A supplier asks to be listed, and amends its request with its private key, without an account.
                        .requestMatchers(HttpMethod.POST, "/api/network/requests").permitAll()
                        .requestMatchers(HttpMethod.PUT, "/api/network/requests/*").permitAll()
                        .anyRequest().authenticated())
                // A wrong password gets the same problem document as no password (not the error page's JSON).
                .httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
                .sessionManagement(session -> session.sessionCreationPolicy(
                        SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(entryPoint))
                // Links on the pages (PDF, CSV) open with the page session, for reading only; see SessionReadsForApi.
                .securityContext(context -> context.securityContextRepository(new SessionReadsForApi()))
                .addFilterAfter(new SessionValidity(accounts, entryPoint), SecurityContextHolderFilter.class)
                .addFilterAfter(new ApiSecondFactor(), BasicAuthenticationFilter.class)
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, Accounts accounts) throws Exception {
        return http
                .authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.ASYNC).permitAll()
                        .requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/favicon.svg", "/error", "/locale").permitAll()
                        .requestMatchers("/invitation/**", "/password/forgot", "/password/reset/**").permitAll()
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .requestMatchers("/network/requests", "/network/requests/**").hasAuthority(MutuaUser.LOGIN_COMPLETE)
                        .requestMatchers(HttpMethod.GET, "/network", "/network/**").permitAll()
                        .requestMatchers(HttpMethod.POST, "/network/request", "/network/request/*").permitAll()
                        .requestMatchers("/login/code").hasAuthority(PendingLogin.CODE_DUE)
                        .requestMatchers("/account/two-factor", "/account/two-factor/**")
                        .hasAnyAuthority(MutuaUser.LOGIN_COMPLETE, PendingLogin.ENROLMENT_DUE)
                        .requestMatchers("/operator", "/operator/**").hasRole("OPERATOR")
                        .anyRequest().hasAuthority(MutuaUser.LOGIN_COMPLETE))
                .formLogin(form -> form.loginPage("/login").successHandler(LoginHandlers.success())
                        .failureHandler(LoginHandlers.failure()).permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .exceptionHandling(errors -> errors.accessDeniedHandler((request, response, denied) -> {
                    if (SecurityContextHolder.getContext().getAuthentication() instanceof PendingLogin pending) {
                        LoginHandlers.redirectPending(request, response, pending);
                    } else {
                        new AccessDeniedHandlerImpl().handle(request, response, denied);
                    }
                }))
                .addFilterAfter(new SessionValidity(accounts, null), SecurityContextHolderFilter.class)
                .headers(headers -> {
                    privacyHeaders(headers);
                    headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'"));
                })
                .build();
    }

    @Bean
    WebMvcConfigurer actorParameters() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new ActorArgumentResolver());
            }
        };
    }
}
